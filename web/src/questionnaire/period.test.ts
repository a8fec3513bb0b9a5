import { describe, expect, it } from 'vitest';
import { periodYear } from './period.ts';

describe('periodYear', () => {
  it('names the year a relative period means on the assessment date', () => {
    for (const p of ['上一年度', '上一年末', '上一年度末', '上年末'])
      expect(periodYear(p, '2026-11-21')).toBe(2025);
    for (const p of ['上上年度', '前年', '前年末']) expect(periodYear(p, '2026-01-01')).toBe(2024);
    expect(periodYear('大前年', '2026-06-30')).toBe(2023);
  });

  it('leaves periods without a fixed offset alone', () => {
    for (const p of ['目标年度', '近三年', '统计年度末', '截至目标年末', '2025年'])
      expect(periodYear(p, '2026-11-21')).toBeNull();
  });
});
