import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import {
  compile,
  Definition,
  type Locale,
  type ScoreResult,
  StoredScoreResult,
  score,
} from '@zhiping/forms';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../app/query-client.ts';
import { LocaleProvider } from '../i18n/locale.tsx';
import { stubFetch } from '../test/fetch-stub.ts';
import { detail } from '../test/fixture.ts';
import ResultsPage from './results-page.tsx';
import { VerdictCard } from './verdict-card.tsx';

afterEach(() => vi.unstubAllGlobals());
// ECharts measures text on a canvas jsdom does not have; the chart is not what is tested here.
vi.mock('./section-chart.tsx', () => ({ default: () => null }));

/** A definition with English renderings: tiers, a gate that blocks the upper one, items. */
const def = Definition.parse({
  id: 'results-fixture',
  version: '1.0.0',
  family: 'gbt29490',
  title: { zh: '结果测试问卷', en: 'Results fixture' },
  audience: ['enterprise'],
  sections: [
    {
      id: 's',
      title: { zh: '管理', en: 'Management' },
      items: [
        {
          id: 's.policy',
          kind: 'yesno',
          points: 10,
          prompt: { zh: '是否发布了知识产权方针？', en: 'Is an IP policy published?' },
        },
        {
          id: 's.audit',
          kind: 'yesno',
          points: 10,
          prompt: { zh: '是否做过内部审核？', en: 'Was an internal audit held?' },
          recommendation: { zh: '按计划完成一次内审。', en: 'Hold an internal audit.' },
        },
      ],
    },
  ],
  gates: [
    {
      id: 'g.audit',
      title: { zh: '已完成内审', en: 'Internal audit held' },
      kind: 'eligibility',
      condition: { op: 'eq', ref: 's.audit', value: true },
      failMessage: { zh: '尚未完成内审，不能申请认证。', en: 'No internal audit yet.' },
    },
  ],
  tiers: [
    { id: 'not-ready', label: { zh: '尚未就绪', en: 'Not ready' } },
    {
      id: 'ready',
      label: { zh: '可以申请', en: 'Ready to apply' },
      minScore: 60,
      gates: ['g.audit'],
    },
  ],
});
const answers = { 's.policy': true, 's.audit': false };
const result = score(compile(def), answers, { asOf: '2026-11-21' });

/**
 * The same result as the first engine froze it (before codes): the verdict's
 * reasons and each trace step's detail were finished Chinese sentences. The
 * API reads stored results through `StoredScoreResult`, which rebuilds codes.
 */
const oldShapeJson = JSON.stringify({
  ...result,
  verdict: {
    tier: 'not-ready',
    label: { zh: '尚未就绪', en: 'Not ready' },
    reasons: [
      '达到「尚未就绪」：总分 50，所需门槛均已通过',
      '未达到「可以申请」：总分 50 低于 60；尚未完成内审，不能申请认证。',
    ],
  },
  trace: [
    { rule: 'gate:g.audit', outcome: 'failed', detail: '已完成内审：未满足 — 尚未完成内审' },
    { rule: 'tier:not-ready.minScore', outcome: 'passed', detail: '总分 50 ≥ 0' },
    { rule: 'tier:ready.minScore', outcome: 'failed', detail: '总分 50 < 60' },
    { rule: 'tier:ready.gate:g.audit', outcome: 'failed', detail: '要求门槛「已完成内审」' },
  ],
});
const upgraded = StoredScoreResult.parse(JSON.parse(oldShapeJson));

function card(r: ScoreResult, locale: Locale) {
  render(
    <LocaleProvider locale={locale}>
      <VerdictCard result={r} definition={def} />
    </LocaleProvider>,
  );
}

const reasons = () =>
  within(screen.getByTestId('reasons'))
    .getAllByRole('listitem')
    .map((li) => li.textContent);
const gateTag = () => document.querySelector('[data-gate="g.audit"] .ant-tag')?.textContent;
const gapRow = (item: string) =>
  waitFor(() => {
    const row = document.querySelector<HTMLElement>(`[data-gap="${item}"]`);
    if (!row) throw new Error(`no gap row for ${item}`);
    return row;
  });

describe('VerdictCard', () => {
  it('words the verdict, its reasons and the gates in Chinese', () => {
    card(result, 'zh');
    expect(screen.getByTestId('verdict').textContent).toBe('尚未就绪');
    expect(reasons()).toEqual([
      '达到「尚未就绪」：总分 50.0，所需门槛均已通过',
      '未达到「可以申请」：总分 50.0 低于 60；尚未完成内审，不能申请认证。',
    ]);
    expect(gateTag()).toBe('未满足');
    expect(screen.getByText('已完成内审')).toBeTruthy();
  });

  it('words the same codes in English, the definition’s English labels included', () => {
    card(result, 'en');
    expect(screen.getByTestId('verdict').textContent).toBe('Not ready');
    expect(reasons()).toEqual([
      'Reached “Not ready”: total 50.0, every required gate passed',
      'Not reached “Ready to apply”: total 50.0 is below 60; No internal audit yet.',
    ]);
    expect(gateTag()).toBe('Failed');
    expect(screen.getByText('Internal audit held')).toBeTruthy();
    // The trace too: no Chinese sentence frozen into the result.
    const trace = document.querySelector('.zp-trace') as HTMLElement;
    expect(within(trace).getByText(/total 50\.0 < 60/)).toBeTruthy();
    expect(within(trace).getByText(/requires gate “Internal audit held”/)).toBeTruthy();
    expect(trace.textContent).not.toMatch(/[总分门槛]/);
  });

  it('renders a result stored in the old shape (sentences) in English as well, word for word', () => {
    expect(upgraded.verdict.reasons).toEqual(result.verdict.reasons);
    card(upgraded, 'en');
    expect(screen.getByTestId('verdict').textContent).toBe('Not ready');
    expect(reasons()).toEqual([
      'Reached “Not ready”: total 50.0, every required gate passed',
      'Not reached “Ready to apply”: total 50.0 is below 60; No internal audit yet.',
    ]);
    expect(gateTag()).toBe('Failed');
  });

  it('says when no tier is reached, in either language', () => {
    const none: ScoreResult = {
      ...result,
      verdict: { tier: null, label: null, reasons: [] },
    };
    card(none, 'en');
    expect(screen.getByTestId('verdict').textContent).toBe('No tier reached');
  });
});

describe('ResultsPage', () => {
  function page(locale: Locale, r: ScoreResult) {
    stubFetch((call) =>
      call.url === '/api/assessments/a1'
        ? {
            status: 200,
            body: detail({
              status: 'submitted',
              definition: {
                id: def.id,
                version: def.version,
                ref: `${def.id}@${def.version}`,
                title: def.title,
              },
              answers,
              result: r,
              can: {
                edit: false,
                submit: false,
                assign: false,
                judge: false,
                decide: false,
                reopen: false,
              },
            }),
          }
        : { status: 200, body: { summary: {}, definition: def } },
    );
    render(
      <QueryClientProvider client={createQueryClient()}>
        <LocaleProvider locale={locale}>
          <MemoryRouter initialEntries={['/assessments/a1/results']}>
            <Routes>
              <Route path="/assessments/:id/results" element={<ResultsPage />} />
            </Routes>
          </MemoryRouter>
        </LocaleProvider>
      </QueryClientProvider>,
    );
  }

  it('shows verdict, status, gates and gaps in English', async () => {
    page('en', upgraded);
    expect((await screen.findByTestId('verdict')).textContent).toBe('Not ready');
    expect(await screen.findByText(/Results fixture/)).toBeTruthy();
    expect(screen.getByText('Submitted')).toBeTruthy();
    expect(gateTag()).toBe('Failed');
    const gap = await gapRow('s.audit');
    expect(within(gap).getByText('Not met')).toBeTruthy();
    expect(within(gap).getByText('Hold an internal audit.')).toBeTruthy();
  });

  it('shows the same in Chinese, with the reports’ status labels', async () => {
    page('zh', result);
    expect((await screen.findByTestId('verdict')).textContent).toBe('尚未就绪');
    expect(screen.getByText('已提交')).toBeTruthy();
    expect(gateTag()).toBe('未满足');
    // A gap's words are the definition's: the list shows once the definition is in.
    const gap = await gapRow('s.audit');
    expect(within(gap).getByText('严重不符合')).toBeTruthy();
  });
});
