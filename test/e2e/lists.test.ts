import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launch } from './support/browser.ts';
import { signIn } from './support/login.ts';
import { type RunningApi, root, startApi } from './support/server.ts';
import { ensureWebBuilt } from './support/web-build.ts';

/*
 * Issue 17's lists in the browser, on the demo data: a filter lives in the
 * URL, so a reload and the Back button show the same list; an empty result
 * says how to widen it; the reviewer's tab survives a reload; the admin's
 * dashboard fits a phone and leads into the filtered list and into an
 * organisation's history.
 */

const run = browserAvailable('e2e lists');
const artifacts = join(root, 'test', 'artifacts');

const rowIds = async (page: Page) =>
  page
    .locator('tbody tr[data-row-key]')
    .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-row-key') ?? ''));

/** The rows the API lists for the same parameters, read with the page's own session. */
const apiIds = async (page: Page, url: string, path: string) => {
  const r = await page.request.get(`${url}${path}`);
  expect(r.status()).toBe(200);
  const body = (await r.json()) as { items: { id: string }[] };
  return body.items.map((i) => i.id);
};

describe.skipIf(!run)('lists (Chromium)', () => {
  let api: RunningApi;
  let browser: Browser;

  beforeAll(async () => {
    ensureWebBuilt();
    // A fixed port when asked (agents sharing a machine each keep to their own range).
    const port = Number(process.env.E2E_PORT ?? 0);
    api = await startApi(
      {},
      port ? { port, dataDir: mkdtempSync(join(tmpdir(), 'zp-e2e-')) } : undefined,
    );
    browser = await launch();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });

  it('a respondent’s filter survives a reload and the Back button', async () => {
    const page = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
    await signIn(page, api.url, 'qiye@demo.zhiping.cn');
    await page.getByRole('heading', { name: '我的自评' }).waitFor();
    // The dashboard: where the enterprise stands on the 2023 edition.
    await page.getByTestId('standing-gbt29490-2023').waitFor();

    await page.getByRole('combobox', { name: '任何状态' }).click();
    await page.locator('.ant-select-item-option[title="已决定"]').click();
    await page.waitForURL(/[?&]status=decided/);
    const expected = await apiIds(page, api.url, '/api/assessments?status=decided&pageSize=20');
    expect(expected.length).toBeGreaterThan(0);
    await expect.poll(() => rowIds(page)).toEqual(expected);

    await page.reload();
    await page.getByRole('heading', { name: '我的自评' }).waitFor();
    expect(new URL(page.url()).searchParams.get('status')).toBe('decided');
    await expect.poll(() => rowIds(page)).toEqual(expected);
    // Both scores of a decided row are on the list, each with its label.
    const first = page.locator(`tr[data-row-key="${expected[0]}"]`);
    expect(await first.getByText('评审', { exact: true }).count()).toBe(1);
    expect(await first.getByTestId('list-self-score').count()).toBe(1);

    await first.locator('a').first().click();
    await page.waitForURL(/\/assessments\/[^/]+\/results/);
    await page.goBack();
    await page.waitForURL(/[?&]status=decided/);
    await expect.poll(() => rowIds(page)).toEqual(expected);
    await page.screenshot({ path: join(artifacts, 'lists-filtered.png'), fullPage: true });
  });

  it('an empty result says how to widen it, and clearing brings the rows back', async () => {
    const page = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
    await signIn(page, api.url, 'qiye@demo.zhiping.cn');
    await page.goto(`${api.url}/?q=${encodeURIComponent('没有这个标题')}`);
    const empty = page.getByTestId('list-empty');
    await empty.getByText('没有符合条件的评估。').waitFor();
    expect(await empty.getByText('放宽或清除筛选条件再试。').count()).toBe(1);
    await empty.getByRole('button', { name: /清除筛选/ }).click();
    await page.waitForURL((u) => !u.searchParams.has('q'));
    await expect.poll(async () => (await rowIds(page)).length).toBeGreaterThan(0);
  });

  it('a reviewer’s tab is in the URL and survives a reload', async () => {
    const page = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
    await signIn(page, api.url, 'reviewer@demo.zhiping.cn');
    await page.getByRole('heading', { name: '待评审' }).first().waitFor();
    await page.getByRole('tab', { name: /已决定/ }).click();
    await page.waitForURL(/[?&]tab=decided/);
    const expected = await apiIds(page, api.url, '/api/review/queue/page?tab=decided&pageSize=20');
    await expect.poll(() => rowIds(page)).toEqual(expected);
    await page.reload();
    const tab = page.getByRole('tab', { name: /已决定/ });
    await tab.waitFor();
    expect(await tab.getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => rowIds(page)).toEqual(expected);
    // The reviewer's figures are on the same home: the queue counted by state.
    await page.getByTestId('dash-queue').waitFor();
  });

  it('the admin’s dashboard fits a phone and leads to the filtered list and to a history', async () => {
    const ctx = await browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: 'zh-CN',
      isMobile: true,
      hasTouch: true,
    });
    const page = await ctx.newPage();
    await signIn(page, api.url, 'admin@demo.zhiping.cn');
    await page.getByRole('heading', { name: '工作台' }).waitFor();
    const states = page.getByTestId('dash-states');
    await states.waitFor();
    await page.screenshot({ path: join(artifacts, 'dashboard-admin-390.png'), fullPage: true });
    expect(
      await page.evaluate(
        'document.documentElement.scrollWidth - document.documentElement.clientWidth',
      ),
    ).toBeLessThanOrEqual(0);
    // 已决定's figure opens the admin list filtered to it; Back returns to the dashboard.
    const decided = states.locator('div', { hasText: '已决定' }).getByRole('link');
    const n = Number(await decided.textContent());
    await decided.click();
    await page.waitForURL(/\/admin\/assessments\?status=decided/);
    await expect.poll(async () => (await rowIds(page)).length).toBe(Math.min(n, 20));
    await page.goBack();
    await page.getByRole('heading', { name: '工作台' }).waitFor();

    // An organisation's history, from the admin's organisation list.
    await page.goto(`${api.url}/admin/organisations?q=${encodeURIComponent('青禾')}`);
    await page
      .getByRole('link', { name: /的历史$/ })
      .first()
      .click();
    await page.waitForURL(/\/history\?organisation=/);
    await page.getByRole('heading', { name: /的历史/ }).waitFor();
    expect(await page.locator('tbody tr').count()).toBeGreaterThan(0);
  });
});
