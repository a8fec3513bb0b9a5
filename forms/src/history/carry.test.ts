import { describe, expect, it } from 'vitest';
import { applyMapping } from '../engine/mapping.ts';
import { loadBuiltins } from '../node/index.ts';
import { fixture } from '../testing/fixture.ts';
import { carryOver, forwardMapping } from './carry.ts';

describe('forwardMapping: starting again from an earlier assessment of the same form', () => {
  const m = forwardMapping(fixture, fixture);

  it('pairs every answerable item with itself, dates to be confirmed', () => {
    expect(m.pairs.find((p) => p.to === 'p.started')?.confirm).toBe(true);
    expect(m.pairs.find((p) => p.to === 'a.policy')?.confirm).toBe(false);
    expect(m.pairs.every((p) => p.from === p.to)).toBe(true);
  });

  it('carries answers at once and dates as pending', () => {
    const r = carryOver(m, fixture, fixture, { 'a.policy': true, 'p.started': '2025-01-01' });
    expect(r.answers).toEqual({ 'a.policy': true });
    expect(r.pending).toEqual({ 'p.started': '2025-01-01' });
    expect(r.report.carried).toEqual(['a.policy']);
    expect(r.report.pending).toEqual(['p.started']);
    expect(r.report.fresh).toEqual([]);
    expect(r.report.skipped.find((s) => s.to === 'b1.staff')?.reason).toBe('unanswered');
  });
});

describe('carryOver along the 2013 → 2023 mapping', () => {
  const lib = loadBuiltins();
  const mapping = lib.mappings.find((x) => x.id === 'gbt29490-2013-to-2023');
  if (!mapping) throw new Error('the 2013 → 2023 mapping is missing');
  const from = lib.get(mapping.from);
  const to = lib.get(mapping.to);
  const answers = {
    'pre.started': '2024-03-01',
    'pre.internal-audit': true,
    'p.exports': true,
    'c4.2.3.manual-issued': {
      files: [{ id: 'f1', name: 'manual.pdf' }],
      ref: '文件柜 A-3',
    },
  };
  const r = carryOver(mapping, from, to, answers);
  const raw = applyMapping(mapping, from, to, answers);

  it('counts what the mapping carries and holds back, pair for pair', () => {
    expect(r.report.carried.sort()).toEqual(Object.keys(raw.answers).sort());
    expect(r.report.pending.sort()).toEqual(Object.keys(raw.pending).sort());
    expect(r.report.pending).toContain('pre.internal-audit');
  });

  it('keeps an evidence answer reference but never the earlier assessment files', () => {
    expect(r.answers['c7.5.manual-file']).toEqual({ files: [], ref: '文件柜 A-3' });
  });

  it('lists the 2023 questions no 2013 question leads to as new', () => {
    expect(r.report.fresh).toContain('p.trade-secrets');
    expect(r.report.fresh).not.toContain('p.exports');
  });
});
