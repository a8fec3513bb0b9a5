import { describe, expect, it } from 'vitest';
import { compile } from '../engine/compile.ts';
import { score } from '../engine/score.ts';
import { Item, type ItemInput } from '../schema/item.ts';
import { allKinds, allKindsAnswers, allKindsText } from '../testing/all-kinds.ts';
import { type AnswerTextContext, answerText } from './answer-text.ts';

describe('answerText', () => {
  const c = compile(allKinds);
  const { derived } = score(allKinds, allKindsAnswers, { asOf: '2026-11-29' });
  const answers: Record<string, unknown> = allKindsAnswers;

  for (const locale of ['zh', 'en'] as const) {
    it(`writes every item kind's answer in words (${locale})`, () => {
      const got = Object.fromEntries(
        c.items.map(({ item }) => [
          item.id,
          answerText(item, answers[item.id], { scales: allKinds.scales, derived, locale }),
        ]),
      );
      const want = Object.fromEntries(
        Object.entries(allKindsText).map(([id, t]) => [id, t[locale]]),
      );
      expect(got).toEqual(want);
    });
  }

  it('covers every item kind the language has', () => {
    const kinds = new Set(c.items.map(({ item }) => item.kind));
    expect([...kinds].sort()).toEqual(
      [
        'computed',
        'date',
        'evidence',
        'multi',
        'number',
        'scale',
        'single',
        'text',
        'yesno',
      ].sort(),
    );
  });

  it('shows a missing answer as a dash and a malformed one as it was sent', () => {
    const yesno = c.items[0]?.item;
    if (!yesno) throw new Error('no item');
    expect(answerText(yesno, undefined, { scales: {} })).toBe('—');
    expect(answerText(yesno, 'maybe', { scales: {} })).toBe('maybe');
    expect(answerText(yesno, false, { scales: {}, locale: 'en' })).toBe('No');
  });
});

// Parsed, so defaults are filled in and a malformed fixture fails loudly.
const item = (i: Partial<ItemInput>): Item => Item.parse({ id: 'x', prompt: '题目', ...i });
const ctx: AnswerTextContext = {
  scales: {
    maturity: [
      { value: 0, label: '未建立', fraction: 0 },
      { value: 3, label: { zh: '运行有效', en: 'Effective' }, fraction: 1 },
    ],
  },
  derived: { 'd.growth': 0.125, 'd.none': null },
};

describe('answerText, case by case', () => {
  const options = [
    { id: 'a', label: '甲方案' },
    { id: 'b', label: '乙方案' },
  ];
  const cases: [Item, unknown, string][] = [
    [item({ kind: 'yesno' }), true, '是'],
    [item({ kind: 'yesno' }), false, '否'],
    [item({ kind: 'yesno' }), undefined, '—'],
    [item({ kind: 'single', options }), 'b', '乙方案'],
    [item({ kind: 'multi', options }), ['a', 'b'], '甲方案、乙方案'],
    [item({ kind: 'scale', scale: 'maturity', points: 5 }), 3, '运行有效（3 级）'],
    [
      item({ kind: 'number', unit: '万元', period: '上一年度' }),
      12345.5,
      '12,345.5 万元（上一年度）',
    ],
    [item({ kind: 'number', unit: '%' }), 40, '40%'],
    [item({ kind: 'date' }), '2020-05-11', '2020年5月11日'],
    [item({ kind: 'text' }), '  说明  ', '说明'],
    [
      item({ kind: 'evidence', points: 2 }),
      { files: [{ id: 'f1', name: '手册.pdf' }], ref: '发布令', note: '第三版' },
      '文件：手册.pdf\n出处：发布令\n说明：第三版',
    ],
    [
      item({ kind: 'yesno', allowNotApplicable: true }),
      { notApplicable: true, reason: '无生产环节' },
      '不适用：无生产环节',
    ],
    [item({ kind: 'computed', value: 'd.growth', unit: '比率' }), undefined, '计算值：12.5%'],
    [item({ kind: 'computed', value: 'd.none' }), undefined, '无法计算（缺少数据）'],
    [item({ kind: 'single', options }), 'zz', 'zz'], // an unknown option still shows what was sent
  ];
  it.each(cases.map(([i, v, t]) => [t, i, v] as const))('%s', (text, it, value) => {
    expect(answerText(it, value, ctx)).toBe(text);
  });
});
