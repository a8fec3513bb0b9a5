import { describe, expect, it, vi } from 'vitest';
import { definition } from '../test/fixture.ts';
import { checkSource } from './check-source.ts';

const YAML = `id: upload
version: 1.0.0
family: gbt29490
title: 上传的问卷
audience: [enterprise]
sections:
  - id: s
    title: 节
    items:
      - id: q1
        kind: yesno
        prompt: 问题一
        points: 10
        recommendation: 做到它
      - id: q2
        kind: yesno
        prompt: 问题二
        visibleWhen: { op: eq, ref: q9, value: true }
tiers:
  - id: base
    label: 基础
`;

const noBase = vi.fn(async () => {
  throw new Error('no base expected');
});

describe('checkSource', () => {
  it('lists checker problems in Chinese at the line of the uploaded file', async () => {
    const c = await checkSource(YAML, noBase);
    const errors = c.problems.filter((p) => p.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 18, where: 'sections[0].items[1].visibleWhen.ref' });
    expect(errors[0]?.text).toMatch(/^引用了不存在的编号.*（q9）$/);
    expect(c.definition).toBeNull();
  });

  it('gives the definition for preview when it passes, JSON too', async () => {
    const c = await checkSource(JSON.stringify(definition, null, 2), noBase);
    expect(c.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(c.definition?.id).toBe(definition.id);
  });

  it('reports a syntax error with its line, and schema problems in Chinese', async () => {
    const broken = await checkSource('id: x\nsections: [\n', noBase);
    expect(broken.problems[0]?.text).toMatch(/^文件格式有误/);
    expect(broken.problems[0]?.line).toBeGreaterThan(0);
    const schema = await checkSource('id: x\nversion: 1\n', noBase);
    expect(schema.problems.some((p) => p.where === 'version' && p.line === 2)).toBe(true);
    expect(schema.problems.every((p) => /[\u4e00-\u9fff]/.test(p.text))).toBe(true);
  });

  it('resolves an overlay on the published base it extends', async () => {
    const base = vi.fn(async () => ({ summary: {} as never, definition }));
    const overlay = `id: web-fixture-local\nversion: 1.0.0\ntitle: 本地版\nextends: ${definition.id}@${definition.version}\n`;
    const c = await checkSource(overlay, base);
    expect(base).toHaveBeenCalledWith(`${definition.id}@${definition.version}`);
    expect(c.extendsRef).toBe(`${definition.id}@${definition.version}`);
    expect(c.definition?.id).toBe('web-fixture-local');
  });
});
