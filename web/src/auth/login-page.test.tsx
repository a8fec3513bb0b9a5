import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../app/query-client.ts';
import { LocaleProvider } from '../i18n/locale.tsx';
import { stubFetch } from '../test/fetch-stub.ts';
import LoginPage from './login-page.tsx';

afterEach(() => vi.unstubAllGlobals());

function setup() {
  render(
    <QueryClientProvider client={createQueryClient()}>
      <LocaleProvider locale="zh">
        <MemoryRouter initialEntries={['/login?next=/start']}>
          <Routes>
            <Route path="/login" element={<LoginPage />} />
            <Route path="/start" element={<p>start page</p>} />
          </Routes>
        </MemoryRouter>
      </LocaleProvider>
    </QueryClientProvider>,
  );
  return userEvent.setup();
}

const user = {
  id: 'u1',
  email: 'qiye@demo.zhiping.cn',
  name: '林晓',
  role: 'respondent',
  organisation: { id: 'o', name: '青禾', kind: 'enterprise', region: null },
};

describe('LoginPage', () => {
  it('shows the problem detail when the API refuses', async () => {
    stubFetch((c) =>
      c.url === '/api/auth/me'
        ? { status: 401, body: { type: 'about:blank', title: '未登录', status: 401 } }
        : {
            status: 401,
            body: {
              type: 'urn:zhiping:problem:bad-login',
              title: '登录失败',
              status: 401,
              detail: '邮箱或密码不正确。',
            },
          },
    );
    const u = setup();
    await u.type(await screen.findByLabelText('邮箱'), 'qiye@demo.zhiping.cn');
    await u.type(screen.getByLabelText('密码'), 'wrong');
    await u.click(screen.getByRole('button', { name: /登\s*录/ }));
    expect(await screen.findByText('邮箱或密码不正确。')).toBeTruthy();
  });

  it('asks for what is missing before sending anything', async () => {
    const calls = stubFetch(() => ({ status: 401, body: { type: 'x', title: 'x', status: 401 } }));
    const u = setup();
    await u.click(await screen.findByRole('button', { name: /登\s*录/ }));
    expect(screen.getByText('请输入邮箱')).toBeTruthy();
    expect(screen.getByText('请输入密码')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);
  });

  it('signs in and goes where the visitor was headed', async () => {
    const calls = stubFetch((c) =>
      c.url === '/api/auth/me'
        ? { status: 401, body: { type: 'x', title: 'x', status: 401 } }
        : { status: 200, body: user },
    );
    const u = setup();
    await u.type(await screen.findByLabelText('邮箱'), ' qiye@demo.zhiping.cn ');
    await u.type(screen.getByLabelText('密码'), 'Demo-2026-zhiping');
    await u.keyboard('{Enter}');
    expect(await screen.findByText('start page')).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      email: 'qiye@demo.zhiping.cn',
      password: 'Demo-2026-zhiping',
    });
  });
});
