import { QueryClientProvider } from '@tanstack/react-query';
import { configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { compareVersions, type Definition, refOf } from '@zhiping/forms';
import { loadBuiltins } from '@zhiping/forms/node';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../app/query-client.ts';
import { LocaleProvider } from '../i18n/locale.tsx';
import { stubFetch } from '../test/fetch-stub.ts';
import GuidedStartPage from './guided-start-page.tsx';

/*
 * The guided start over the built-in catalogue, served as the API serves it (the newest
 * version of each definition). For an enterprise with no region on file: the current
 * 贯标 edition first (recommended), the 2013 edition for comparison, and the enterprise
 * programme as related (recommend.test.ts reasons the order from the definitions); the
 * questions are gbt29490-2023's own profile questions; creating one carries the answers.
 */

afterEach(() => vi.unstubAllGlobals());
configure({ asyncUtilTimeout: 30_000 });
vi.setConfig({ testTimeout: 120_000 });

const newest = new Map<string, Definition>();
for (const d of loadBuiltins().definitions) {
  const had = newest.get(d.id);
  if (!had || compareVersions(d.version, had.version) > 0) newest.set(d.id, d);
}
const summary = (d: Definition) => ({
  id: d.id,
  version: d.version,
  ref: refOf(d),
  family: d.family,
  title: d.title,
  summary: null,
  audience: d.audience,
  hash: 'h',
  items: 1,
  builtin: true,
  publishedAt: '2026-11-01T00:00:00.000Z',
  versions: [d.version],
});
const me = {
  id: 'u1',
  email: 'qiye@x.cn',
  name: '林晓',
  role: 'respondent',
  organisation: { id: 'o', name: '青禾科技', kind: 'enterprise', region: null },
};

function Where() {
  return <p data-testid="where">{useLocation().pathname}</p>;
}

function mount(locale: 'zh' | 'en' = 'zh') {
  const calls = stubFetch((c) => {
    if (c.url === '/api/auth/me') return { status: 200, body: me };
    if (c.url === '/api/forms') return { status: 200, body: [...newest.values()].map(summary) };
    const ref = decodeURIComponent(c.url.replace('/api/forms/', ''));
    const d = [...newest.values()].find((x) => refOf(x) === ref);
    if (c.method === 'GET' && d)
      return { status: 200, body: { summary: summary(d), definition: d } };
    if (c.method === 'POST' && c.url === '/api/assessments')
      return { status: 201, body: { id: 'n1' } };
    return { status: 404, body: { type: 'about:blank', title: 'x', status: 404 } };
  });
  render(
    <QueryClientProvider client={createQueryClient()}>
      <LocaleProvider locale={locale}>
        <MemoryRouter initialEntries={['/start']}>
          <Routes>
            <Route path="/start" element={<GuidedStartPage />} />
            <Route path="*" element={<Where />} />
          </Routes>
        </MemoryRouter>
      </LocaleProvider>
    </QueryClientProvider>,
  );
  return { calls, u: userEvent.setup() };
}

const cards = () =>
  [...document.querySelectorAll('.zp-rec')].map((c) => ({
    title: c.querySelector('strong')?.textContent,
    tag: c.querySelector('.ant-tag')?.textContent,
    reasons: [...c.querySelectorAll('p')].map((p) => p.textContent),
  }));

describe('guided start', () => {
  it('recommends the current edition, offers the older one and the programme, with reasons', async () => {
    mount();
    expect(screen.getByRole('heading', { name: '选择适用的自评问卷' })).toBeTruthy();
    await waitFor(() => expect(cards()).toHaveLength(3));
    const title = (id: string) => newest.get(id)?.title;
    expect(cards()).toEqual([
      {
        title: title('gbt29490-2023'),
        tag: '推荐',
        reasons: ['最贴合贵单位的现行问卷，建议从这一份开始。'],
      },
      {
        title: title('gbt29490-2013'),
        tag: '也可考虑',
        reasons: ['较早的版本（2013 年）：用于对照，或持有该版证书时自查。'],
      },
      {
        title: title('ip-enterprise'),
        tag: '也可考虑',
        reasons: ['同样适用于贵单位：试点 / 优势 / 示范企业。'],
      },
    ]);
    // Who the organisation is: an enterprise, as its account says.
    const kind = screen.getByRole('radiogroup', { name: '单位类型' });
    expect(within(kind).getByRole('radio', { name: '企业' })).toHaveProperty('checked', true);
    // The region question lists the places with a local version, and "elsewhere" is chosen.
    const region = screen.getByRole('radiogroup', { name: '所在地区（有地方版本的）' });
    expect(within(region).getByRole('radio', { name: '其他地区' })).toHaveProperty('checked', true);
    expect(within(region).getByRole('radio', { name: '深圳市' })).toBeTruthy();
  });

  it('a local version appears for its place; creating carries the profile answers given', async () => {
    const { calls, u } = mount();
    await waitFor(() => expect(cards()).toHaveLength(3));
    await u.click(screen.getByRole('radio', { name: '深圳市' }));
    await waitFor(() =>
      expect(cards().map((c) => c.title)).toContain(newest.get('ip-enterprise-shenzhen')?.title),
    );
    expect(
      cards().find((c) => c.title === newest.get('ip-enterprise-shenzhen')?.title)?.reasons,
    ).toEqual(['同样适用于贵单位：试点 / 优势 / 示范企业。', '深圳市的地方版本。']);
    // The first profile question of gbt29490-2023 (p.manufactures), answered "否".
    const prompt = newest
      .get('gbt29490-2023')
      ?.sections[0]?.items.find((i) => i.id === 'p.manufactures')?.prompt;
    const q = screen.getByRole('radiogroup', { name: String(prompt) });
    await u.click(within(q).getByRole('radio', { name: '否' }));
    const first = document.querySelector('.zp-rec') as HTMLElement;
    await u.click(within(first).getByRole('button', { name: '创建并开始填写' }));
    await waitFor(() =>
      expect(screen.getByTestId('where').textContent).toBe('/assessments/n1/fill'),
    );
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.body)).toEqual([
      { definition: 'gbt29490-2023', answers: { 'p.manufactures': false } },
    ]);
  });

  it('in English', async () => {
    mount('en');
    expect(screen.getByRole('heading', { name: 'Which questionnaires apply?' })).toBeTruthy();
    await waitFor(() => expect(cards()).toHaveLength(3));
    expect(cards().map((c) => c.tag)).toEqual([
      'Recommended',
      'Also worth a look',
      'Also worth a look',
    ]);
    expect(cards()[0]?.reasons).toEqual([
      'The current questionnaire that fits your organisation best: start here.',
    ]);
    expect(screen.getByRole('radiogroup', { name: 'Kind of organisation' })).toBeTruthy();
    expect(screen.getAllByRole('button', { name: 'Create and start' })).toHaveLength(3);
    const HAN = /\p{Script=Han}/u;
    const labels = [
      ...screen.getAllByRole('heading'),
      screen.getByText('Kind of organisation'),
      screen.getByText('Region (with a local version)'),
      ...[...document.querySelectorAll('.zp-rec .ant-tag, .zp-rec p, .zp-rec button')],
    ].map((e) => e.textContent ?? '');
    // Definition titles, place names and the questionnaires' own prompts are Chinese data.
    expect(labels.filter((l) => HAN.test(l))).toEqual([]);
  });
});
