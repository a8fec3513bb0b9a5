import { render, screen } from '@testing-library/react';
import type { Changes } from '@zhiping/api/contract';
import { describe, expect, it } from 'vitest';
import { ReportView } from '../carry-over/report-view.tsx';
import { LocaleProvider } from '../i18n/locale.tsx';
import { ChangesCard } from './changes-card.tsx';

const changes: Changes = {
  from: { assessment: 'a1', title: '青禾精密 · GB/T 29490-2023 · 2025-11-20', round: 1 },
  to: { assessment: 'a2', title: '青禾精密 · GB/T 29490-2023 · 2026-11-20', round: null },
  score: { before: 61.2, after: 70.5, delta: 9.3 },
  tier: { before: null, after: '基本就绪' },
  improved: [
    {
      item: 'c9.4.held',
      section: 'c9',
      label: '最高管理者是否主持管理评审？',
      before: { status: 'unmet', points: 0 },
      after: { status: 'met', points: 4 },
      delta: 3.1,
    },
  ],
  fellBack: [],
  gatesPassed: [{ gate: 'g.review', title: '已完成管理评审', before: 'failed', after: 'passed' }],
  gatesFailed: [],
  unanswered: 4,
};

describe('ChangesCard', () => {
  it('says the score and tier moved, names the items and gates, and counts what is not answered yet', () => {
    render(
      <LocaleProvider locale="zh">
        <ChangesCard changes={changes} />
      </LocaleProvider>,
    );
    expect(screen.getByText(/总分 61.2 → 70.5（\+9.3）/)).toBeTruthy();
    expect(screen.getByText(/等级：未达等级 → 基本就绪/)).toBeTruthy();
    expect(screen.getByText('已完成管理评审')).toBeTruthy();
    expect(screen.getByText(/最高管理者是否主持管理评审/).textContent).toContain('+3.1');
    expect(screen.getByText(/还没答的题目 4 道/)).toBeTruthy();
    expect(screen.queryByText('退步的题目')).toBeNull();
  });
});

describe('ReportView', () => {
  it('shows the four counts and lists what waits for confirmation', () => {
    const item = (id: string) => ({ item: id, section: 'pre', label: `题 ${id}` });
    render(
      <LocaleProvider locale="zh">
        <ReportView
          report={{
            source: {
              id: 's',
              title: '2013',
              definition: 'gbt29490-2013@2.1.0',
              definitionTitle: '2013',
            },
            target: { definition: 'gbt29490-2023@2.1.0', title: '2023' },
            kind: 'mapping',
            mapping: 'gbt29490-2013-to-2023',
            carried: [item('a'), item('b'), item('c')],
            pending: [item('pre.started')],
            skipped: [
              { ...item('x'), from: 'x', reason: 'incompatible' },
              { ...item('y'), from: 'y', reason: 'unanswered' },
            ],
            fresh: [item('n1'), item('n2')],
          }}
        />
      </LocaleProvider>,
    );
    const value = (title: string) =>
      screen
        .getByText(title)
        .closest('.ant-statistic')
        ?.querySelector('.ant-statistic-content-value')?.textContent;
    // Pairs left unanswered last time are not "not carried": nothing was there to carry.
    expect([value('直接沿用'), value('待确认'), value('未沿用'), value('新问题')]).toEqual([
      '3',
      '1',
      '1',
      '2',
    ]);
    expect(screen.getByText('需要您确认的答案')).toBeTruthy();
    expect(screen.getByText(/题 pre.started/)).toBeTruthy();
  });
});
