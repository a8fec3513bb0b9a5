import { describe, expect, it } from 'vitest';
import { issueText } from '../present/issue-text.ts';
import type { Definition } from '../schema/definition.ts';
import { allMet, fixture } from '../testing/fixture.ts';
import { checkValue, validateAnswers } from './answer-check.ts';
import { compile } from './compile.ts';

describe('validateAnswers', () => {
  it('accepts a complete, well-typed answer set in both modes', () => {
    expect(validateAnswers(fixture, allMet)).toEqual([]);
    expect(validateAnswers(fixture, allMet, { mode: 'submit' })).toEqual([]);
  });

  it('lists unknown ids and wrong types as codes with parameters, worded by the catalogue', () => {
    const issues = validateAnswers(fixture, {
      'a.policy': 'yes',
      'a.budget': 'lots',
      'b2.records': 9,
      'zz.nope': 1,
    });
    const byPath = Object.fromEntries(issues.map((p) => [p.path.join('.') || '(root)', p]));
    expect(byPath['a.policy']?.code).toBe('answer.yesno');
    expect(byPath['a.budget']?.code).toBe('answer.not_option');
    expect(byPath['b2.records']).toMatchObject({
      code: 'answer.not_level',
      params: { levels: '0、1、2' },
    });
    expect(byPath['(root)']).toMatchObject({
      code: 'answer.unknown_items',
      params: { ids: 'zz.nope' },
    });
    expect(issueText(byPath['a.policy'] as never)).toBe('请选择“是”或“否”');
    expect(issueText(byPath['b2.records'] as never)).toBe('等级应为 0、1、2 之一');
    expect(issueText(byPath['b2.records'] as never, 'en')).toBe('The level must be one of 0、1、2');
  });

  it('never throws on input that is not an object', () => {
    for (const bad of [null, 3, 'x', [1, 2]]) {
      expect(validateAnswers(fixture, bad)[0]?.code).toBe('answer.not_object');
    }
  });

  it('requires, on submit, only the required items that are shown', () => {
    const { 'prod.check': _, ...rest } = allMet;
    expect(validateAnswers(fixture, rest)).toEqual([]);
    expect(validateAnswers(fixture, rest, { mode: 'submit' })).toEqual([
      { path: ['prod.check'], code: 'answer.required' },
    ]);
    // Not a manufacturer: the production question is hidden, so not required.
    expect(validateAnswers(fixture, { ...rest, 'p.make': false }, { mode: 'submit' })).toEqual([]);
  });

  it('reports a malformed required answer once, as malformed, not also as missing', () => {
    const issues = validateAnswers(fixture, { ...allMet, 'prod.check': 'x' }, { mode: 'submit' });
    expect(issues.filter((i) => i.path[0] === 'prod.check')).toHaveLength(1);
  });

  it('accepts not-applicable only where the item allows it', () => {
    expect(
      validateAnswers(fixture, { 'b2.records': { notApplicable: true, reason: '无' } }),
    ).toEqual([]);
    expect(validateAnswers(fixture, { 'a.policy': { notApplicable: true } })[0]?.path).toEqual([
      'a.policy',
    ]);
  });
});

describe('validateAnswers: the reason for "does not apply"', () => {
  const na = (reason?: string) => ({
    ...allMet,
    'b2.records': reason === undefined ? { notApplicable: true } : { notApplicable: true, reason },
  });

  it('refuses a submit of a not-applicable answer without a reason, naming the item', () => {
    const issues = validateAnswers(fixture, na(), { mode: 'submit' });
    expect(issues).toEqual([{ path: ['b2.records'], code: 'answer.na_reason' }]);
    expect(issueText(issues[0] as never)).toBe('请说明此项不适用的理由');
    expect(issueText(issues[0] as never, 'en')).toBe('Say why this item does not apply');
  });

  it('counts a reason of blanks as none, and accepts any real reason', () => {
    expect(validateAnswers(fixture, na(' \n\t'), { mode: 'submit' })).toEqual([
      { path: ['b2.records'], code: 'answer.na_reason' },
    ]);
    expect(validateAnswers(fixture, na('本企业无档案业务'), { mode: 'submit' })).toEqual([]);
  });

  it('lets a draft keep "does not apply" without a reason for now', () => {
    expect(validateAnswers(fixture, na())).toEqual([]);
  });

  it('ignores the not-applicable answer of a question that is not shown', () => {
    // prod.check allows "does not apply" here; a non-manufacturer never sees it.
    const def = structuredClone(fixture) as Definition;
    const prod = def.sections.find((s) => s.id === 'prod')?.items[0];
    if (!prod) throw new Error('fixture changed: no prod item');
    prod.allowNotApplicable = true;
    const answers = { ...allMet, 'p.make': false, 'prod.check': { notApplicable: true } };
    expect(validateAnswers(def, answers, { mode: 'submit' })).toEqual([]);
    expect(validateAnswers(def, { ...answers, 'p.make': true }, { mode: 'submit' })).toEqual([
      { path: ['prod.check'], code: 'answer.na_reason' },
    ]);
  });
});

describe('checkValue', () => {
  const c = compile(fixture);
  const item = (id: string) => c.items[c.itemIndex.get(id) ?? -1]?.item;

  it('names unknown fields of an evidence answer, in Chinese and English', () => {
    const ev = {
      id: 'e.proof',
      kind: 'evidence',
      prompt: '证据',
      required: false,
      allowNotApplicable: false,
      citations: [],
    } as never;
    const issue = checkValue(ev, { ref: 'x', extra: 1 }, fixture.scales);
    expect(issue).toMatchObject({ code: 'answer.unknown_fields', params: { keys: 'extra' } });
    expect(issue && issueText(issue, 'en')).toBe('Unknown fields: extra');
    expect(checkValue(ev, { note: 'only a note' }, fixture.scales)?.code).toBe(
      'answer.evidence_empty',
    );
  });

  it('checks number bounds at the bound itself', () => {
    const def: Definition = {
      ...fixture,
      sections: [
        {
          ...(fixture.sections[0] as Definition['sections'][number]),
          items: [
            {
              id: 'n.bounded',
              kind: 'number',
              prompt: '数量',
              min: 0,
              max: 10,
              integer: true,
              required: false,
              allowNotApplicable: false,
              citations: [],
            } as never,
          ],
          sections: [],
        },
      ],
    } as Definition;
    const n = compile(def).items[0]?.item;
    if (!n) throw new Error('no item');
    expect(checkValue(n, 0, def.scales)).toBeNull();
    expect(checkValue(n, 10, def.scales)).toBeNull();
    expect(checkValue(n, -0.5, def.scales)?.code).toBe('answer.not_integer');
    expect(checkValue(n, -1, def.scales)).toMatchObject({
      code: 'answer.too_small',
      params: { min: 0 },
    });
    expect(checkValue(n, 11, def.scales)).toMatchObject({
      code: 'answer.too_big',
      params: { max: 10 },
    });
    expect(checkValue(n, Number.NaN, def.scales)?.code).toBe('answer.not_finite');
    expect(item('a.policy')).toBeDefined();
  });
});
