import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../app/query-client.ts';
import { LocaleProvider } from '../i18n/locale.tsx';
import { stubFetch } from '../test/fetch-stub.ts';
import InboxPage, { targetOf } from './inbox-page.tsx';
import { UnreadLink } from './unread-link.tsx';

afterEach(() => vi.unstubAllGlobals());

const n = (id: number, kind: 'assigned' | 'returned' | 'decided', readAt: string | null) => ({
  id,
  kind,
  assessment: { id: 'a1', title: '贯标自评' },
  actor: { id: 'u-r', name: '评审员甲' },
  at: '2026-11-29T02:00:00Z',
  readAt,
  detail: {},
});
const list = {
  unread: 1,
  items: [n(2, 'returned', null), n(1, 'assigned', '2026-11-29T03:00:00Z')],
};

function show(ui: React.ReactNode) {
  const calls = stubFetch((call) =>
    call.url.startsWith('/api/notifications/read')
      ? { status: 200, body: { unread: 0 } }
      : { status: 200, body: list },
  );
  render(
    <QueryClientProvider client={createQueryClient()}>
      <LocaleProvider locale="zh">
        <MemoryRouter>{ui}</MemoryRouter>
      </LocaleProvider>
    </QueryClientProvider>,
  );
  return calls;
}

describe('notifications', () => {
  it('lead each kind to where the work is', () => {
    expect(targetOf(n(1, 'assigned', null))).toBe('/assessments/a1/review');
    expect(targetOf(n(1, 'returned', null))).toBe('/assessments/a1/returned');
    expect(targetOf(n(1, 'decided', null))).toBe('/assessments/a1/results');
  });

  it('the header shows the unread count', async () => {
    show(<UnreadLink signedIn />);
    expect((await screen.findByTestId('unread-count')).textContent).toBe('1');
    // Named by its visible words (axe: label-content-name-mismatch); the sentence is its tooltip.
    expect(screen.getByRole('link', { name: '通知 1' }).getAttribute('title')).toBe(
      '通知（1 条未读）',
    );
  });

  it('the inbox lists them and opening one marks it read', async () => {
    const calls = show(<InboxPage />);
    const link = await screen.findByRole('link', { name: '《贯标自评》已被 评审员甲 退回修改' });
    await userEvent.setup().click(link);
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'POST')).toMatchObject({
        url: '/api/notifications/read',
        body: { ids: [2] },
      }),
    );
  });
});
