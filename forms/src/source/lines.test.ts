import { describe, expect, it } from 'vitest';
import { checkDefinition, parseDefinitionFile } from '../checker/check.ts';
import { parseSource, withLines } from './lines.ts';

const YAML = `id: tiny
version: 1.0.0
family: gbt29490
title: 小问卷
audience: [enterprise]
sections:
  - id: s
    title: 节
    items:
      - id: q1
        kind: yesno
        prompt: 问题一
        points: 10
      - id: q1
        kind: yesno
        prompt: 重复的问题
tiers:
  - id: base
    label: 基础
    gates: [g.missing]
`;

describe('parseSource', () => {
  it('points each checker problem at the line of its path', () => {
    const src = parseSource(YAML);
    expect(src.problems).toEqual([]);
    const parsed = parseDefinitionFile(src.data);
    expect(parsed.problems).toEqual([]);
    if (!parsed.file || 'extends' in parsed.file) throw new Error('expected a definition');
    const problems = withLines(checkDefinition(parsed.file), src).filter(
      (p) => p.severity === 'error',
    );
    const at = Object.fromEntries(problems.map((p) => [p.code, p.line]));
    expect(at.duplicate_id).toBe(14); // the second "- id: q1"
    expect(at.unknown_ref).toBe(20); // gates: [g.missing]
  });

  it('reads JSON too, with lines', () => {
    const json = JSON.stringify({ id: 'x', version: 'one' }, null, 2);
    const src = parseSource(json);
    const schema = withLines(parseDefinitionFile(src.data).problems, src);
    expect(schema.find((p) => p.path[0] === 'version')?.line).toBe(3);
  });

  it('reports syntax errors with their line and no data', () => {
    const src = parseSource('id: x\nsections: [\n  - a\n');
    expect(src.data).toBeNull();
    expect(src.problems[0]?.code).toBe('yaml_syntax');
    expect(src.problems[0]?.line).toBeGreaterThanOrEqual(2);
  });
});

describe('definitionProblemText', () => {
  it('says in Chinese what is wrong, with the ids the checker named', async () => {
    const { definitionProblemText, pathText } = await import('../present/definition-problems.ts');
    expect(definitionProblemText({ code: 'duplicate_id', message: 'duplicate item "q1"' })).toBe(
      '编号重复：每个节、题目、派生值、门槛和等级的编号必须唯一（q1）',
    );
    expect(definitionProblemText({ code: 'invalid_type', message: 'Invalid input' })).toBe(
      '类型不对或缺少必填字段',
    );
    expect(definitionProblemText({ code: 'something_new', message: 'x' })).toBe('定义有误');
    expect(pathText(['sections', 1, 'items', 0, 'points'])).toBe('sections[1].items[0].points');
  });
});
