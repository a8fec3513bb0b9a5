import { describe, expect, it } from 'vitest';
import { citationText } from './citations.ts';
import { formatDateTime, sealText } from './labels.ts';
import { sheetName } from './sheet-names.ts';
import { wrapText } from './wrap.ts';

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
    expect(formatDateTime('2026-11-20T17:30:00Z', 'UTC')).toBe('2026-11-20 17:30（UTC）');
    expect(formatDateTime('2026-11-20T15:59:00Z', 'Asia/Tokyo')).toBe(
      '2026-11-21 00:59（Asia/Tokyo）',
    );
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
