import { QueryClientProvider } from '@tanstack/react-query';
import { configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AssessmentSummary, DefinitionSummary, User } from '../api/types.ts';
import { Layout } from '../app/layout.tsx';
import { createQueryClient } from '../app/query-client.ts';
import { LocaleProvider } from '../i18n/locale.tsx';
import { type Call, stubFetch } from '../test/fetch-stub.ts';
import HomePage from './home-page.tsx';

/*
 * The home page of each role, as each shows it: a respondent's own assessments and the
 * catalogue for its kind of organisation (enterprise or city), and a reviewer's queue.
 * Each once in English, with no Chinese left in the page's own labels. (The admin's home
 * and the publish page are being rebuilt as the admin workspace, web/src/admin.)
 */

// antd sizes its tables by media queries: a desktop-wide window, so every column shows.
const narrow = window.matchMedia;
beforeEach(() => {
  window.matchMedia = (query: string) =>
    ({ ...narrow(query), matches: /min-width/.test(query) }) as MediaQueryList;
});
afterEach(() => {
  window.matchMedia = narrow;
  vi.unstubAllGlobals();
});
// The pages render antd tables under a shared, busy CPU: allow them time to settle.
configure({ asyncUtilTimeout: 30_000 });
vi.setConfig({ testTimeout: 120_000 });

const HAN = /\p{Script=Han}/u;
const org = (kind: 'enterprise' | 'city') =>
  kind === 'city'
    ? { id: 'oc', name: '临江市知识产权局', kind, region: '浙江省' }
    : { id: 'oe', name: '青禾科技', kind, region: null };
const userOf = (role: User['role'], kind: 'enterprise' | 'city' = 'enterprise'): User =>
  ({
    id: `u-${role}`,
    email: `${role}@x.cn`,
    name: `${role}-name`,
    role,
    organisation: org(kind),
  }) as User;

const form = (id: string, family: string, audience: string[], title: [string, string]) =>
  ({
    id,
    version: '1.0.0',
    ref: `${id}@1.0.0`,
    family,
    title: { zh: title[0], en: title[1] },
    summary: null,
    audience,
    hash: 'h',
    items: 12,
    builtin: true,
    publishedAt: '2026-11-01T00:00:00.000Z',
    versions: ['1.0.0'],
  }) as DefinitionSummary;
const forms = [
  form('mgmt-2023', 'gbt29490', ['enterprise'], ['企业贯标自评', 'Enterprise certification']),
  form('city-plan', 'strong-city', ['city'], ['强市建设自评', 'Strong city']),
];

const row = (
  id: string,
  status: AssessmentSummary['status'],
  over: Partial<AssessmentSummary> = {},
) =>
  ({
    id,
    title: `自评 ${id}`,
    status,
    revision: 1,
    definition: {
      id: 'mgmt-2023',
      version: '1.0.0',
      ref: 'mgmt-2023@1.0.0',
      title: { zh: '企业贯标自评', en: 'Enterprise certification' },
    },
    organisation: { id: 'oe', name: '青禾科技' },
    asOf: '2026-11-21',
    score: 72.45,
    verdict: { zh: '基本就绪', en: 'Nearly ready' },
    progress: { answered: 30, applicable: 40 },
    submittedAt: null,
    updatedAt: '2026-11-21T08:00:00.000Z',
    ...over,
  }) as AssessmentSummary;

/** A list as the API returns it: the first page. */
const page = (items: AssessmentSummary[]) => ({
  items,
  total: items.length,
  page: 1,
  pageSize: 20,
});

/** One tab of the reviewer's queue as the API returns it, with each tab's count. */
const queuePage = (items: unknown[]) => ({
  items,
  total: items.length,
  page: 1,
  pageSize: 20,
  counts: { pending: items.length, returned: 0, decided: 0 },
});

function serve(
  me: User,
  extra: (c: Call) => { status: number; body?: unknown } | undefined = () => undefined,
) {
  return stubFetch((c) => {
    const own = extra(c);
    if (own) return own;
    if (c.url === '/api/auth/me') return { status: 200, body: me };
    if (c.url === '/api/forms') return { status: 200, body: forms };
    return { status: 404, body: { type: 'about:blank', title: 'x', status: 404 } };
  });
}

function Where() {
  const l = useLocation();
  return <p data-testid="where">{l.pathname}</p>;
}

function mount(locale: 'zh' | 'en' = 'zh', withLayout = false, at = '/') {
  const home = withLayout ? (
    <Route element={<Layout />}>
      <Route path="/" element={<HomePage />} />
    </Route>
  ) : (
    <Route path="/" element={<HomePage />} />
  );
  render(
    <QueryClientProvider client={createQueryClient()}>
      <LocaleProvider locale={locale}>
        <MemoryRouter initialEntries={[at]}>
          <Routes>
            {home}
            <Route path="*" element={<Where />} />
          </Routes>
        </MemoryRouter>
      </LocaleProvider>
    </QueryClientProvider>,
  );
  return userEvent.setup();
}

const linkTo = (name: string) => screen.getByRole('link', { name }).getAttribute('href');

describe('respondent home (enterprise)', () => {
  const mine = [
    row('a1', 'draft'),
    row('a2', 'decided', { score: 88, verdict: { zh: '可以申请', en: 'Ready' } }),
  ];

  it('lists own assessments with status, score and verdict, each linking where it can go on', async () => {
    serve(userOf('respondent'), (c) =>
      c.url.startsWith('/api/assessments?') ? { status: 200, body: page(mine) } : undefined,
    );
    mount();
    expect(await screen.findByRole('heading', { name: '我的自评' })).toBeTruthy();
    await screen.findByText('自评 a1');
    // A draft is filled in; a decided one is read on its results page.
    expect(linkTo('自评 a1')).toBe('/assessments/a1/fill');
    expect(linkTo('继续填写')).toBe('/assessments/a1/fill');
    expect(linkTo('自评 a2')).toBe('/assessments/a2/results');
    expect(linkTo('查看结果')).toBe('/assessments/a2/results');
    const first = screen.getByText('自评 a1').closest('tr') as HTMLElement;
    expect(within(first).getByText('草稿')).toBeTruthy();
    expect(within(first).getByText('72.5')).toBeTruthy(); // one decimal
    expect(within(first).getByText('基本就绪')).toBeTruthy();
    expect(within(first).getByText('30/40')).toBeTruthy();
    const second = screen.getByText('自评 a2').closest('tr') as HTMLElement;
    expect(within(second).getByText('已决定')).toBeTruthy();
    expect(within(second).getByText('可以申请')).toBeTruthy();
  });

  it('offers only the enterprise questionnaires, by family, and starts one', async () => {
    const calls = serve(userOf('respondent'), (c) => {
      if (c.url.startsWith('/api/assessments?') && c.method === 'GET')
        return { status: 200, body: page([]) };
      if (c.url === '/api/assessments' && c.method === 'POST')
        return { status: 201, body: { ...row('new1', 'draft'), answers: {} } };
      return undefined;
    });
    const u = mount();
    expect(await screen.findByText('还没有自评。')).toBeTruthy();
    expect(screen.getByTestId('list-empty').textContent).toContain(
      '在下方的目录中选一份评估表开始',
    );
    expect(await screen.findByRole('heading', { name: '贯标（GB/T 29490）' })).toBeTruthy();
    expect(screen.getByText('企业贯标自评')).toBeTruthy();
    expect(screen.getByText('12 题')).toBeTruthy();
    expect(screen.queryByText('强市建设自评')).toBeNull();
    expect(screen.queryByRole('heading', { name: '知识产权强市' })).toBeNull();
    expect(linkTo('不确定填哪一份？回答几个问题')).toBe('/start');
    await u.click(screen.getByRole('button', { name: '开始：企业贯标自评' }));
    await waitFor(() =>
      expect(screen.getByTestId('where').textContent).toBe('/assessments/new1/fill'),
    );
    expect(calls.filter((c) => c.method === 'POST').map((c) => [c.url, c.body])).toEqual([
      ['/api/assessments', { definition: 'mgmt-2023@1.0.0' }],
    ]);
  });
});

describe('respondent home (city)', () => {
  it('offers the city questionnaires only', async () => {
    serve(userOf('respondent', 'city'), (c) =>
      c.url.startsWith('/api/assessments?') ? { status: 200, body: page([]) } : undefined,
    );
    mount();
    expect(await screen.findByRole('heading', { name: '知识产权强市' })).toBeTruthy();
    expect(screen.getByText('强市建设自评')).toBeTruthy();
    expect(screen.queryByText('企业贯标自评')).toBeNull();
    expect(screen.getByRole('button', { name: '开始：强市建设自评' })).toBeTruthy();
  });
});

describe('respondent home: the list on the server', () => {
  it('sends the filters in the URL to the server, and an empty result says how to widen it', async () => {
    const calls = serve(userOf('respondent'), (c) =>
      c.url.startsWith('/api/assessments?') ? { status: 200, body: page([]) } : undefined,
    );
    mount('zh', false, '/?status=decided&q=%E5%B9%B4%E5%BA%A6&sort=score&order=asc');
    expect(await screen.findByText('没有符合条件的评估。')).toBeTruthy();
    expect(screen.getByText('放宽或清除筛选条件再试。')).toBeTruthy();
    const listed = calls.find((c) => c.url.startsWith('/api/assessments?'));
    const sent = new URL(listed?.url ?? '', 'http://x').searchParams;
    expect(Object.fromEntries(sent)).toEqual({
      q: '年度',
      status: 'decided',
      sort: 'score',
      order: 'asc',
      pageSize: '20',
    });
    // The sorted column shows its arrow from the URL.
    const score = screen.getByRole('columnheader', { name: /得分/ });
    expect(score.getAttribute('aria-sort')).toBe('ascending');
    expect(
      within(screen.getByTestId('list-empty')).getByRole('button', { name: '清除筛选' }),
    ).toBeTruthy();
  });

  it('shows the decided score labelled 评审 above the self score labelled 自评', async () => {
    const decided = row('d1', 'decided', {
      score: 81,
      reviewed: {
        round: 1,
        score: 81,
        verdict: null,
        selfScore: 76.5,
        selfVerdict: null,
        decidedAt: '2026-11-20T00:00:00.000Z',
      },
    } as Partial<AssessmentSummary>);
    serve(userOf('respondent'), (c) =>
      c.url.startsWith('/api/assessments?')
        ? { status: 200, body: page([decided, row('r1', 'draft')]) }
        : undefined,
    );
    mount();
    await screen.findByText('自评 d1');
    const tr = screen.getByText('自评 d1').closest('tr') as HTMLElement;
    expect(within(tr).getByTestId('list-reviewed-score').textContent).toBe('81.0');
    expect(within(tr).getByTestId('list-self-score').textContent).toBe('76.5');
    expect(within(tr).getByText(/^评审/)).toBeTruthy();
    const draft = screen.getByText('自评 r1').closest('tr') as HTMLElement;
    expect(within(draft).queryByTestId('list-reviewed-score')).toBeNull();
    expect(within(draft).getByTestId('list-self-score').textContent).toBe('72.5');
  });
});

describe('reviewer home', () => {
  it('lists the queue with each organisation and a link to review it', async () => {
    // A queue row carries where this reviewer stands in its review (issue 13).
    const queue = [
      {
        ...row('q1', 'in_review', { organisation: { id: 'o9', name: '澄湖精密' } }),
        review: { state: 'pending', lead: true, round: 1 },
      },
    ];
    serve(userOf('reviewer'), (c) =>
      c.url.startsWith('/api/review/queue/page?')
        ? { status: 200, body: queuePage(queue) }
        : undefined,
    );
    mount();
    expect(await screen.findByRole('heading', { name: '待评审' })).toBeTruthy();
    await screen.findByText('自评 q1');
    const tr = screen.getByText('自评 q1').closest('tr') as HTMLElement;
    expect(within(tr).getByText('澄湖精密')).toBeTruthy();
    expect(within(tr).getByText('评审中')).toBeTruthy();
    expect(linkTo('自评 q1')).toBe('/assessments/q1/review');
    expect(linkTo('评审')).toBe('/assessments/q1/review');
  });
});

describe('in English', () => {
  it('the respondent home, switched from Chinese in the header', async () => {
    serve(userOf('respondent'), (c) =>
      c.url.startsWith('/api/assessments?')
        ? { status: 200, body: page([row('a1', 'draft')]) }
        : undefined,
    );
    const u = mount('zh', true);
    await screen.findByRole('heading', { name: '我的自评' });
    await u.click(screen.getByRole('button', { name: 'English' }));
    expect(await screen.findByRole('heading', { name: 'My assessments' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Start a new assessment' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'GB/T 29490 certification' })).toBeTruthy();
    expect(
      screen.getByText('Enterprise certification', { selector: '.zp-card-title' }),
    ).toBeTruthy();
    expect(screen.getByText('12 questions')).toBeTruthy();
    expect(linkTo('Continue')).toBe('/assessments/a1/fill');
    expect(screen.getByRole('button', { name: 'Start: Enterprise certification' })).toBeTruthy();
    const tr = screen.getByText('自评 a1').closest('tr') as HTMLElement;
    expect(within(tr).getByText('Draft')).toBeTruthy();
    expect(within(tr).getByText('Nearly ready')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeTruthy();
    // What the page itself says (headings, column titles, buttons) has no Chinese left; the
    // assessment's own title and the organisation's name are data, not labels.
    const labels = [
      ...screen.getAllByRole('heading'),
      ...screen.getAllByRole('columnheader'),
      // The language switch names the other language in that language: 中文 is meant.
      ...screen.getAllByRole('button').filter((b) => b.getAttribute('lang') !== 'zh-CN'),
    ].map((e) => e.textContent ?? '');
    expect(screen.getByRole('button', { name: '中文' }).getAttribute('lang')).toBe('zh-CN');
    expect(labels.filter((l) => HAN.test(l))).toEqual([]);
  });

  it('the reviewer home', async () => {
    serve(userOf('reviewer'), (c) =>
      c.url.startsWith('/api/review/queue/page?')
        ? {
            status: 200,
            body: queuePage([
              { ...row('q1', 'in_review'), review: { state: 'pending', lead: true, round: 1 } },
            ]),
          }
        : undefined,
    );
    mount('en');
    expect(await screen.findByRole('heading', { name: 'Review queue' })).toBeTruthy();
    await screen.findByText('自评 q1');
    expect(linkTo('Review')).toBe('/assessments/q1/review');
    expect(screen.getByText('In review')).toBeTruthy();
    const labels = [...screen.getAllByRole('heading'), ...screen.getAllByRole('columnheader')].map(
      (e) => e.textContent ?? '',
    );
    expect(labels).toContain('Organisation');
    expect(labels.filter((l) => HAN.test(l))).toEqual([]);
  });

  it('the city respondent home', async () => {
    serve(userOf('respondent', 'city'), (c) =>
      c.url.startsWith('/api/assessments?') ? { status: 200, body: page([]) } : undefined,
    );
    mount('en');
    expect(await screen.findByText('No assessments yet.')).toBeTruthy();
    expect(await screen.findByRole('button', { name: 'Start: Strong city' })).toBeTruthy();
    expect(screen.queryByText('Enterprise certification')).toBeNull();
  });
});
