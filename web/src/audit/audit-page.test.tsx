import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../app/query-client.ts';
import { LocaleProvider } from '../i18n/locale.tsx';
import { stubFetch } from '../test/fetch-stub.ts';
import { detail } from '../test/fixture.ts';
import { auditQuery } from './audit-api.ts';
import AuditPage from './audit-page.tsx';

afterEach(() => vi.unstubAllGlobals());

const events = [
  {
    id: 2,
    action: 'reviewed',
    actor: { id: 'u-r', name: '评审员甲' },
    detail: {
      round: 1,
      item: 'm.records',
      verdict: 'override',
      status: 'unmet',
      reason: '没有记录',
      previous: { verdict: 'override', status: 'partial', points: 3, state: 'current' },
    },
    at: '2026-11-29T02:00:00Z',
  },
  {
    id: 3,
    action: 'decided',
    actor: { id: 'u-r', name: '评审员甲' },
    detail: { round: 1, outcome: 'approve', selfScore: 67.6, score: 65.3, agreeRest: false },
    at: '2026-11-29T03:00:00Z',
  },
  {
    id: 1,
    action: 'submitted',
    actor: { id: 'u-e', name: '企业填报人' },
    detail: {},
    at: '2026-11-28T02:00:00Z',
  },
];

describe('audit trail', () => {
  it('builds the filter query, leaving out what is not set', () => {
    expect(auditQuery({})).toBe('');
    expect(auditQuery({ actor: 'u-r', from: '2026-11-01', to: undefined })).toBe(
      '?actor=u-r&from=2026-11-01',
    );
    expect(auditQuery({ action: 'decided' }, true)).toBe('?action=decided&format=csv');
  });

  it('shows who, what, when and old → new, with a CSV link', async () => {
    stubFetch((call) =>
      call.url === '/api/assessments/a1'
        ? { status: 200, body: detail() }
        : { status: 200, body: events },
    );
    render(
      <QueryClientProvider client={createQueryClient()}>
        <LocaleProvider locale="zh">
          <MemoryRouter initialEntries={['/assessments/a1/audit']}>
            <Routes>
              <Route path="/assessments/:id/audit" element={<AuditPage />} />
            </Routes>
          </MemoryRouter>
        </LocaleProvider>
      </QueryClientProvider>,
    );
    const reviewed = await screen.findByText('评审意见');
    const entry = reviewed.closest('[data-audit]');
    expect(entry?.textContent).toContain('评审员甲');
    expect(entry?.textContent).toContain('改判 → 一般不符合 (3) → 改判 → 严重不符合');
    expect(screen.getByText('提交')).toBeTruthy();
    // A decision: the self score → the reviewed one it froze.
    expect(screen.getByText('作出决定').closest('[data-audit]')?.textContent).toContain(
      '67.6 → 65.3',
    );
    expect(screen.getByRole('link', { name: '导出 CSV' }).getAttribute('href')).toBe(
      '/api/assessments/a1/audit?format=csv',
    );
  });
});
