import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { compile, reviewAgreement, score } from '@zhiping/forms';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../app/query-client.ts';
import { LocaleProvider } from '../i18n/locale.tsx';
import { stubFetch } from '../test/fetch-stub.ts';
import { definition, detail } from '../test/fixture.ts';
import { consoleOf, judgement } from './console-fixture.ts';
import ReviewPage from './review-page.tsx';
import type { ReviewConsole } from './types.ts';

afterEach(() => vi.unstubAllGlobals());

const answers = { 'p.make': true, 'm.policy': true, 'm.records': 1 };
const result = score(compile(definition), answers);
const can = { edit: false, submit: false, assign: false, judge: true, decide: true, reopen: false };

function open(console_: ReviewConsole, status: 'in_review' | 'decided' | 'returned' = 'in_review') {
  const calls = stubFetch((call) => {
    if (call.url === '/api/assessments/a1/review') return { status: 200, body: console_ };
    if (call.url === '/api/assessments/a1')
      return {
        status: 200,
        body: detail({ status, answers, result, can: { ...can, judge: status === 'in_review' } }),
      };
    if (call.url.startsWith('/api/forms/'))
      return { status: 200, body: { summary: {}, definition } };
    if (call.url === '/api/assessments/a1/agreement')
      return {
        status: 200,
        body: {
          round: 1,
          reviewers: [],
          agreement: reviewAgreement({
            a: { x: 'met', y: 'unmet' },
            b: { x: 'met', y: 'partial' },
          }),
        },
      };
    if (call.method === 'PUT' && call.url.includes('/reviews/'))
      return {
        status: 200,
        body: judgement(decodeURIComponent(call.url.split('/reviews/')[1] ?? '')),
      };
    return { status: 200, body: {} };
  });
  render(
    <QueryClientProvider client={createQueryClient()}>
      <LocaleProvider locale="zh">
        <MemoryRouter initialEntries={['/assessments/a1/review']}>
          <Routes>
            <Route path="/assessments/:id/review" element={<ReviewPage />} />
          </Routes>
        </MemoryRouter>
      </LocaleProvider>
    </QueryClientProvider>,
  );
  return { calls, user: userEvent.setup() };
}

const base = consoleOf(result);
const applicable = base.items.filter((i) => i.applicable);
const [a1, a2] = applicable;
if (!a1 || !a2) throw new Error('fixture needs two applicable items');

describe('review console', () => {
  it('counts 已评 x/N and marks 待复核 and what changed since the last round', async () => {
    open({
      ...base,
      round: 2,
      items: base.items.map((ci) =>
        ci.item === a1.item
          ? { ...ci, mine: judgement(ci.item, { round: 2 }) }
          : ci.item === a2.item
            ? {
                ...ci,
                mine: judgement(ci.item, {
                  state: 'needs-recheck',
                  verdict: 'override',
                  status: 'unmet',
                  reason: '旧',
                }),
                changed: {
                  before: false,
                  after: true,
                  evidenceAdded: [{ id: 'f1', name: '制度.pdf' }],
                  evidenceRemoved: [],
                },
                thread: [
                  {
                    round: 1,
                    reviewer: { id: 'u-rev', name: '评审员甲' },
                    comment: '请提供制度文件',
                    reply: {
                      round: 1,
                      item: ci.item,
                      text: '已上传',
                      at: '2026-11-29T05:00:00Z',
                      author: { id: 'u1', name: '企业' },
                    },
                  },
                ],
              }
            : ci,
      ),
    });
    expect((await screen.findByTestId('review-progress', {}, { timeout: 5000 })).textContent).toBe(
      `已评 1/${applicable.length} · 待复核 1 项`,
    );
    const row = document.querySelector<HTMLElement>(`[data-review-item="${a2.item}"]`);
    if (!row) throw new Error('row');
    expect(within(row).getByText('待复核')).toBeTruthy();
    expect(row.textContent).toContain('制度.pdf');
    expect(row.textContent).toContain('请提供制度文件');
    expect(row.textContent).toContain('已上传');
  });

  it('filters to the changed items only', async () => {
    const { user } = open({
      ...base,
      items: base.items.map((ci) =>
        ci.item === a2.item
          ? { ...ci, changed: { before: 1, after: 2, evidenceAdded: [], evidenceRemoved: [] } }
          : ci,
      ),
    });
    await screen.findByTestId('review-progress', {}, { timeout: 5000 });
    expect(document.querySelectorAll('[data-review-item]').length).toBe(base.items.length);
    const filter = document.querySelector<HTMLElement>('.ant-segmented');
    if (!filter) throw new Error('filter');
    await user.click(within(filter).getByText('本轮修改'));
    expect(
      [...document.querySelectorAll('[data-review-item]')].map((e) =>
        e.getAttribute('data-review-item'),
      ),
    ).toEqual([a2.item]);
  });

  it('under 未评 a row judged just now stays until the filter is chosen again', async () => {
    const { user } = open(base);
    await screen.findByTestId('review-progress', {}, { timeout: 5000 });
    const filter = document.querySelector<HTMLElement>('.ant-segmented');
    if (!filter) throw new Error('filter');
    await user.click(within(filter).getByText('未评'));
    const row = () => document.querySelector<HTMLElement>(`[data-review-item="${a1.item}"]`);
    await user.click(within(row() as HTMLElement).getByText('同意'));
    await within(row() as HTMLElement).findByText('已保存', {}, { timeout: 5000 });
    expect(screen.getByTestId('review-progress').textContent).toContain('已评 1/');
    await user.click(within(filter).getByText('全部'));
    await user.click(within(filter).getByText('未评'));
    expect(row()).toBeNull();
  });

  it('bulk agree per section sends the section’s unjudged items', async () => {
    const { user, calls } = open(base);
    const buttons = await screen.findAllByRole(
      'button',
      { name: /本节其余 \d+ 项同意/ },
      { timeout: 5000 },
    );
    await user.click(buttons[0] as HTMLElement);
    const bulk = calls.find((c) => c.url === '/api/assessments/a1/reviews/agree');
    expect(bulk?.method).toBe('POST');
    const body = bulk?.body as { items: string[] } | undefined;
    expect(body?.items.length).toBeGreaterThan(0);
  });

  it('a decided review reads as finished, not as a refusal', async () => {
    open({ ...base, me: { lead: true, finishedAt: '2026-11-29T05:00:00Z' } }, 'decided');
    expect(await screen.findByText('本评审已完成：已作出决定。')).toBeTruthy();
    expect(screen.queryByText(/不能评审/)).toBeNull();
    expect(screen.queryByRole('button', { name: /本节其余/ })).toBeNull();
  });

  it('shows other reviewers side by side to the lead once all have finished', async () => {
    const other = judgement(a1.item, {
      reviewer: { id: 'u-b', name: '评审员乙' },
      verdict: 'override',
      status: 'unmet',
      reason: '没有记录',
    });
    open({
      ...base,
      othersVisible: true,
      me: { lead: true, finishedAt: '2026-11-29T05:00:00Z' },
      reviewers: [
        { id: 'u-rev', name: '评审员甲', lead: true, finishedAt: '2026-11-29T05:00:00Z' },
        { id: 'u-b', name: '评审员乙', lead: false, finishedAt: '2026-11-29T05:10:00Z' },
      ],
      items: base.items.map((ci) =>
        ci.item === a1.item
          ? { ...ci, mine: judgement(ci.item), others: [other], disagreement: true }
          : ci,
      ),
    });
    expect(
      await screen.findByText('所有评审员均已完成：请逐项确定意见不一致的题目，然后作出决定。'),
    ).toBeTruthy();
    const row = document.querySelector<HTMLElement>(`[data-review-item="${a1.item}"]`);
    if (!row) throw new Error('row');
    expect(within(row).getByText('评审员意见不一致')).toBeTruthy();
    expect(within(row).getByText('评审员乙')).toBeTruthy();
    expect(within(row).getByText('没有记录')).toBeTruthy();
    expect(within(row).getByText('最终意见（组长）')).toBeTruthy();
    // Agreement of the two reviewers: 1 of 2 items the same.
    expect((await screen.findByTestId('agreement-percent')).textContent).toBe('50%');
  });
});
