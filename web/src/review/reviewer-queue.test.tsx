import { QueryClientProvider } from '@tanstack/react-query';
import { configure, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../app/query-client.ts';
import { LocaleProvider } from '../i18n/locale.tsx';
import { stubFetch } from '../test/fetch-stub.ts';
import { detail } from '../test/fixture.ts';
import ReviewerQueue, { tabOf } from './reviewer-queue.tsx';
import type { QueueRow } from './types.ts';

afterEach(() => vi.unstubAllGlobals());
// antd tables under a shared, busy CPU: allow them time to settle.
configure({ asyncUtilTimeout: 30_000 });
vi.setConfig({ testTimeout: 120_000 });

const row = (
  id: string,
  status: QueueRow['status'],
  state: QueueRow['review']['state'],
): QueueRow => ({
  ...detail({ id, title: `自评 ${id}`, status }),
  review: { state, lead: true, round: 1 },
  reviewed: null,
});
const rows = [
  row('a', 'in_review', 'pending'),
  row('b', 'in_review', 'finished'),
  row('c', 'returned', 'returned'),
  row('d', 'decided', 'decided'),
];

describe('reviewer queue', () => {
  it('puts each row in one tab', () => {
    expect(rows.map(tabOf)).toEqual(['pending', 'pending', 'returned', 'decided']);
  });

  it('offers 评审 only for work still mine, 查看 for the rest', async () => {
    // The server pages one tab at a time and counts every tab (GET /review/queue/page?tab=…).
    stubFetch((c) => {
      if (!c.url.startsWith('/api/review/queue/page')) return { status: 200, body: [] };
      const tab = new URL(c.url, 'http://x').searchParams.get('tab') ?? 'pending';
      const items = rows.filter((r) => tabOf(r) === tab);
      return {
        status: 200,
        body: {
          items,
          total: items.length,
          page: 1,
          pageSize: 20,
          counts: { pending: 2, returned: 1, decided: 1 },
        },
      };
    });
    render(
      <QueryClientProvider client={createQueryClient()}>
        <LocaleProvider locale="zh">
          <MemoryRouter>
            <ReviewerQueue />
          </MemoryRouter>
        </LocaleProvider>
      </QueryClientProvider>,
    );
    expect(await screen.findByRole('tab', { name: '待评审 (2)' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: '已退回 (1)' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: '已决定 (1)' })).toBeTruthy();
    expect(screen.getAllByRole('link', { name: '评审' })).toHaveLength(1);
    expect(screen.getAllByRole('link', { name: '查看' })).toHaveLength(1);
    await userEvent.setup().click(screen.getByRole('tab', { name: '已决定 (1)' }));
    expect(await screen.findByText('自评 d')).toBeTruthy();
  });
});
