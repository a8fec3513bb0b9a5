import { QueryClientProvider } from '@tanstack/react-query';
import { configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../app/query-client.ts';
import { LocaleProvider } from '../i18n/locale.tsx';
import { type Call, stubFetch } from '../test/fetch-stub.ts';
import AdminPage from './admin-page.tsx';

/*
 * The admin workspace against a stubbed API: filters go to the server and
 * stay in the URL, and an empty list says what to do. (Inviting a user and
 * the one-time link are covered in the browser: test/e2e/admin.test.ts.)
 */

const wideMatch = window.matchMedia;
beforeEach(() => {
  window.matchMedia = (query: string) =>
    ({ ...wideMatch(query), matches: /min-width/.test(query) }) as MediaQueryList;
});
afterEach(() => {
  window.matchMedia = wideMatch;
  vi.unstubAllGlobals();
});
configure({ asyncUtilTimeout: 30_000 });
vi.setConfig({ testTimeout: 120_000 });

const me = {
  id: 'u-admin',
  email: 'admin@example.cn',
  name: '管理员',
  role: 'admin',
  organisation: { id: 'p', name: '平台', kind: 'platform', region: null },
};
const page = <T,>(items: T[]) => ({ items, total: items.length, page: 1, pageSize: 20 });
const ningbo = {
  id: 'o-nb',
  name: '宁波市知识产权局',
  kind: 'city',
  region: '宁波市',
  regionLevel: 'city',
  users: 2,
  createdAt: '2026-11-21T08:00:00.000Z',
};

let location = '';
function Where() {
  const l = useLocation();
  location = `${l.pathname}${l.search}`;
  return null;
}

function show(path: string, respond: (c: Call) => { status: number; body?: unknown }) {
  const calls = stubFetch((c) =>
    c.url === '/api/auth/me' ? { status: 200, body: me } : respond(c),
  );
  render(
    <QueryClientProvider client={createQueryClient()}>
      <LocaleProvider>
        <MemoryRouter initialEntries={[path]}>
          <Routes>
            <Route path="/admin/:tab" element={<AdminPage />} />
          </Routes>
          <Where />
        </MemoryRouter>
      </LocaleProvider>
    </QueryClientProvider>,
  );
  return calls;
}

describe('admin workspace', () => {
  it('sends the search and filters to the server and keeps them in the URL', async () => {
    const calls = show('/admin/organisations?regionLevel=city', (c) =>
      c.url.startsWith('/api/admin/organisations')
        ? { status: 200, body: page(c.url.includes('q=') ? [] : [ningbo]) }
        : { status: 404, body: {} },
    );
    const row = await screen.findByRole('row', { name: /宁波市知识产权局/ });
    expect(within(row).getByText('宁波市（市级）')).toBeTruthy();
    expect(calls.some((c) => c.url === '/api/admin/organisations?regionLevel=city')).toBe(true);

    const user = userEvent.setup();
    await user.type(screen.getByRole('searchbox', { name: '搜索机构名称或地区' }), '杭州{Enter}');
    await screen.findByText('没有符合条件的机构。点“新建机构”添加一个。');
    expect(location).toBe(`/admin/organisations?regionLevel=city&q=${encodeURIComponent('杭州')}`);
    expect(calls.at(-1)?.url).toBe(
      `/api/admin/organisations?q=${encodeURIComponent('杭州')}&regionLevel=city`,
    );
    await user.click(screen.getByRole('button', { name: /清除筛选/ }));
    await waitFor(() => expect(location).toBe('/admin/organisations'));
  });
});
