import { Item, type ItemInput } from '@zhiping/forms';
import { describe, expect, it } from 'vitest';
import { type AnswerContext, answerText, NO_ANSWER } from './answer-text.ts';
import { citationText } from './citations.ts';
import { formatDateTime, sealText } from './labels.ts';
import { sheetName } from './sheet-names.ts';
import { wrapText } from './wrap.ts';

// Parsed, so defaults are filled in and a malformed fixture fails loudly.
const item = (i: Partial<ItemInput>): Item => Item.parse({ id: 'x', prompt: '题目', ...i });
const ctx: AnswerContext = {
  scales: {
    maturity: [
      { value: 0, label: '未建立', fraction: 0 },
      { value: 3, label: { zh: '运行有效', en: 'Effective' }, fraction: 1 },
    ],
  },
  derived: { 'd.growth': 0.125, 'd.none': null },
};

describe('answerText', () => {
  const options = [
    { id: 'a', label: '甲方案' },
    { id: 'b', label: '乙方案' },
  ];
  const cases: [Item, unknown, string][] = [
    [item({ kind: 'yesno' }), true, '是'],
    [item({ kind: 'yesno' }), false, '否'],
    [item({ kind: 'yesno' }), undefined, NO_ANSWER],
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

describe('wrapText', () => {
  // Every character 10 wide: easy to reason about.
  const m = (s: string) => [...s].length * 10;

  it('breaks Chinese between any two characters', () => {
    expect(wrapText('知识产权管理体系', 40, m)).toEqual(['知识产权', '管理体系']);
  });

  it('never starts a line with closing punctuation or ends one with opening punctuation', () => {
    expect(wrapText('知识产权，管理', 40, m)).toEqual(['知识产', '权，管理']);
    expect(wrapText('知识产（权）', 40, m)).toEqual(['知识产', '（权）']);
    expect(wrapText('有多少件（含PCT）？', 90, m)).toEqual(['有多少件（含', 'PCT）？']);
    const text = '他说：“《办法》（试行）已发布，是的！”你呢？【附件】、〔2016〕86号……好。';
    // From 60 up: the widest piece that may not be broken, 〔2016〕, then always fits.
    for (let w = 60; w <= 200; w += 10)
      for (const l of wrapText(text, w, m)) {
        expect('，。、；：！？）》」』”’〕】〉…'.includes(l[0] ?? '')).toBe(false);
        expect('（《「『“‘〔【〈'.includes(l.at(-1) ?? '')).toBe(false);
      }
  });

  it('keeps Latin words whole, breaks at spaces and hyphens, and cuts what cannot fit', () => {
    expect(wrapText('GB/T 29490-2013 第 7.5 条', 100, m)).toEqual([
      'GB/T',
      '29490-2013',
      '第 7.5 条',
    ]);
    expect(wrapText('abcdefghijkl', 50, m)).toEqual(['abcde', 'fghij', 'kl']);
  });

  it('fills a line to exactly the width, not counting the spaces it ends with', () => {
    expect(wrapText('知识产权管理体系', 80, m)).toEqual(['知识产权管理体系']);
    expect(wrapText('知识产权管理体系', 79, m)).toEqual(['知识产权管理体', '系']);
    expect(wrapText('abcd efgh ijkl', 90, m)).toEqual(['abcd efgh', 'ijkl']);
    expect(wrapText('甲   ', 10, m)).toEqual(['甲']);
  });

  it('cuts an overlong Latin word where it must, and keeps 40% whole', () => {
    expect(wrapText('见附件 abcdefghijklmn 第二页', 60, m)).toEqual([
      '见附件',
      'abcdef',
      'ghijkl',
      'mn 第二页',
    ]);
    expect(wrapText('增长40%以上', 40, m)).toEqual(['增长', '40%以', '上']);
  });

  it('keeps explicit line breaks and empty text', () => {
    expect(wrapText('甲\n乙', 100, m)).toEqual(['甲', '乙']);
    expect(wrapText('', 100, m)).toEqual(['']);
  });

  it('never returns a line wider than the column unless a single character is', () => {
    const text =
      '体系覆盖的组织单元、场所和产品范围是否在手册中写明，并与证书范围（GB/T 29490-2013）一致？';
    for (const w of [30, 55, 95, 160])
      for (const l of wrapText(text, w, m)) expect(m(l)).toBeLessThanOrEqual(w);
  });
});

describe('sheetName', () => {
  it('removes forbidden characters, shortens to 31 and keeps names unique ignoring case', () => {
    const taken = new Set<string>();
    expect(sheetName('4.2 文件/记录[1]: *?', taken)).toBe('4.2 文件-记录-1-- --');
    const long = '很长的部分名称'.repeat(6);
    const a = sheetName(long, taken);
    const b = sheetName(long, taken);
    expect(a).toHaveLength(31);
    expect(b).toHaveLength(31);
    expect(b.endsWith('(2)')).toBe(true);
    expect(sheetName('Summary', taken)).toBe('Summary');
    expect(sheetName('SUMMARY', taken)).toBe('SUMMARY(2)');
    expect(sheetName("'引用'", taken)).toBe('引用');
    expect(sheetName('History', taken)).toBe('History-1');
    expect(sheetName('  ', taken)).toBe('部分-1');
  });
});

describe('labels and citations', () => {
  it('prints the seal or says there is none', () => {
    expect(sealText(`sha256:${'ab'.repeat(32)}`, 'submitted')).toBe(`SHA-256: ${'ab'.repeat(32)}`);
    expect(sealText(null, 'draft')).toBe('草稿，未封存');
  });

  it('prints times in Beijing time whatever the server zone', () => {
    expect(formatDateTime('2026-11-20T17:30:00Z')).toBe('2026-11-21 01:30（北京时间）');
  });

  it('names documents by 文号 (or title) when the catalogue is given, standards by number', () => {
    const sources = new Map([
      [
        'cnipa-2016-86',
        { title: '关于加快建设知识产权强市的指导意见', docNumber: '国知发管字〔2016〕86号' },
      ],
      ['plan-2020', { title: '某规划' }],
    ]);
    const doc = (source: string, article: string, quote?: string) =>
      citationText({ source, article, ...(quote ? { quote } : {}) }, sources);
    expect(doc('cnipa-2016-86', '二(二)1', '完善執法')).toBe(
      '国知发管字〔2016〕86号 二(二)1：“完善執法”',
    );
    expect(doc('plan-2020', '三')).toBe('《某规划》 三');
    expect(doc('unknown', '一')).toBe('unknown 一');
    expect(
      citationText({
        standard: 'gbt29490-2013',
        clause: '7.3.1',
        title: '实施、许可和转让',
        unverified: true,
      }),
    ).toBe('GB/T 29490-2013 第 7.3.1 条 实施、许可和转让（待确认）');
  });
});
