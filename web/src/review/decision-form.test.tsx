import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../app/query-client.ts';
import { LocaleProvider } from '../i18n/locale.tsx';
import { stubFetch } from '../test/fetch-stub.ts';
import { DecisionForm } from './decision-form.tsx';

afterEach(() => vi.unstubAllGlobals());

function setup(unjudged: number, observations: string[] = []) {
  const calls = stubFetch((call) => {
    if (call.url.includes('/decision/preview'))
      return {
        status: 200,
        body: {
          outcome: 'approve',
          agreeRest: call.url.includes('agreeRest=true'),
          score: 65.3,
          verdict: '贯标达标',
          selfScore: 67.6,
          selfVerdict: '贯标达标',
          judged: 97,
          applicable: 99,
          unjudged: ['a', 'b'],
          observations,
          allowed: true,
        },
      };
    return { status: 200, body: {} };
  });
  const onDone = vi.fn();
  render(
    <QueryClientProvider client={createQueryClient()}>
      <LocaleProvider locale="zh">
        <DecisionForm assessmentId="a1" unjudged={unjudged} onDone={onDone} />
      </LocaleProvider>
    </QueryClientProvider>,
  );
  return { calls, onDone, user: userEvent.setup() };
}

const decisions = (calls: { url: string; method: string }[]) =>
  calls.filter((c) => c.method === 'POST' && c.url.endsWith('/decision'));

describe('DecisionForm', () => {
  it('has no default decision', () => {
    setup(0);
    expect(screen.getByRole('radio', { name: '通过' })).toHaveProperty('checked', false);
    expect(screen.getByRole('radio', { name: '退回修改' })).toHaveProperty('checked', false);
    expect(screen.getByRole('button', { name: '提交决定' })).toHaveProperty('disabled', true);
  });

  it('approving with items unjudged needs 其余各项均同意', async () => {
    const { user } = setup(2);
    await user.click(screen.getByRole('radio', { name: '通过' }));
    expect(screen.getByRole('button', { name: '提交决定' })).toHaveProperty('disabled', true);
    await user.click(screen.getByRole('checkbox', { name: /其余 2 项均同意/ }));
    expect(screen.getByRole('button', { name: '提交决定' })).toHaveProperty('disabled', false);
  });

  it('returning needs the reasons', async () => {
    const { user } = setup(0);
    await user.click(screen.getByRole('radio', { name: '退回修改' }));
    expect(screen.getByRole('button', { name: '提交决定' })).toHaveProperty('disabled', true);
    await user.type(screen.getByLabelText(/退回原因/), '请补充内审记录');
    expect(screen.getByRole('button', { name: '提交决定' })).toHaveProperty('disabled', false);
  });

  it('confirms with the final score and tier, then sends one decision for a double click', async () => {
    const { user, calls, onDone } = setup(2);
    await user.click(screen.getByRole('radio', { name: '通过' }));
    await user.click(screen.getByRole('checkbox', { name: /其余 2 项均同意/ }));
    await user.click(screen.getByRole('button', { name: '提交决定' }));
    // Nothing is sent before the confirmation.
    expect(decisions(calls)).toHaveLength(0);
    expect((await screen.findByTestId('preview-score')).textContent).toBe('65.3');
    expect(screen.getByTestId('decision-preview').textContent).toContain('贯标达标');
    expect(screen.getByTestId('decision-preview').textContent).toContain('67.6');
    const send = screen.getByRole('button', { name: '确认并提交' });
    await user.dblClick(send);
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(decisions(calls)).toHaveLength(1);
    expect(decisions(calls)[0]).toMatchObject({ body: { outcome: 'approve', agreeRest: true } });
  });

  it('says how many items are 观察项 and how they count', async () => {
    const { user } = setup(0, ['c5.2.approved', 'c9.3.findings']);
    await user.click(screen.getByRole('radio', { name: '通过' }));
    await user.click(screen.getByRole('button', { name: '提交决定' }));
    expect((await screen.findByTestId('preview-observations')).textContent).toBe(
      '其中 2 项判为观察项：按符合计分，列入报告的观察项清单。',
    );
  });

  it('leaves the observation line out when the review has none', async () => {
    const { user } = setup(0);
    await user.click(screen.getByRole('radio', { name: '通过' }));
    await user.click(screen.getByRole('button', { name: '提交决定' }));
    await screen.findByTestId('preview-score');
    expect(screen.queryByTestId('preview-observations')).toBeNull();
  });
});
