import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launch } from './support/browser.ts';
import { signIn } from './support/login.ts';
import { type RunningApi, root, startApi } from './support/server.ts';
import { ensureWebBuilt } from './support/web-build.ts';

/*
 * The demo enterprise starts its 2023 assessment from its 2013 one: it sees
 * the carry-over report before the draft exists, the draft flags the answers
 * still to be confirmed until it confirms them, and its history shows the
 * 2023 assessment's two rounds (returned in September, resubmitted in November).
 */

const run = browserAvailable('e2e history');
const artifacts = join(root, 'test', 'artifacts');

interface Report {
  carried: unknown[];
  pending: { item: string }[];
}

describe.skipIf(!run)('carry-over and history (Chromium)', () => {
  let api: RunningApi;
  let browser: Browser;

  beforeAll(async () => {
    ensureWebBuilt();
    api = await startApi();
    browser = await launch();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });

  it('starts the 2023 assessment from the 2013 one, report first, then confirms what waits', async () => {
    const page = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
    await signIn(page, api.url, 'qiye@demo.zhiping.cn');
    await page.getByRole('heading', { name: '我的自评' }).waitFor();

    // From the home page: pick the 2013 assessment to start from.
    await page.getByRole('combobox', { name: '以此为基础新建' }).click();
    await page.getByTitle('青禾精密 · GB/T 29490-2013 · 2025-06-20').click();
    await page.waitForURL(/\/assessments\/[^/]+\/carry-over/);
    const source = new URL(page.url()).pathname.split('/')[2] as string;
    await page.getByRole('heading', { name: /开始新的自评/ }).waitFor();
    await page.getByRole('radio', { name: /换到：GB\/T 29490-2023/ }).check();

    // The report on the page is the API's, counts and all.
    const expected = (await (
      await page.request.post(`${api.url}/api/assessments/${source}/carry-over/preview`, {
        data: { definition: 'gbt29490-2023' },
        headers: { origin: api.url },
      })
    ).json()) as Report;
    expect(expected.pending.length).toBeGreaterThan(0);
    const stat = (title: string) =>
      page.locator('.ant-statistic', { hasText: title }).locator('.ant-statistic-content-value');
    await expect.poll(() => stat('直接沿用').textContent()).toBe(String(expected.carried.length));
    expect(await stat('待确认').textContent()).toBe(String(expected.pending.length));
    await page.getByRole('heading', { name: '需要您确认的答案' }).waitFor();
    await page.screenshot({ path: join(artifacts, '20-carry-over-report.png'), fullPage: true });

    // Only now the draft exists: it opens on what is still to be confirmed.
    await page.getByRole('button', { name: '按此报告新建草稿' }).click();
    await page.waitForURL(/\/confirm$/);
    const id = new URL(page.url()).pathname.split('/')[2] as string;
    expect(id).not.toBe(source);
    await page.getByText(`还有 ${expected.pending.length} 个沿用的答案待确认`).waitFor();

    // Later: the questionnaire flags them until they are confirmed.
    await page.getByRole('link', { name: '稍后再确认，先去填写' }).click();
    await page.locator('#zp-step-title').waitFor();
    await page.getByText(`还有 ${expected.pending.length} 个沿用的答案待确认`).waitFor();
    await page.getByRole('link', { name: '逐项确认' }).click();
    await page.getByRole('button', { name: '全部确认' }).click();
    await page.waitForURL(/\/fill/);
    await page.locator('#zp-step-title').waitFor();
    const draft = (await (await page.request.get(`${api.url}/api/assessments/${id}`)).json()) as {
      title: string;
      answers: Record<string, unknown>;
    };
    for (const p of expected.pending) expect(draft.answers[p.item]).toBeDefined();
    expect(draft.title).toMatch(/^青禾精密 · GB\/T 29490-2023 · \d{4}-\d{2}-\d{2}$/);
    expect(await page.getByText(/沿用的答案待确认/).count()).toBe(0);
  }, 180_000);

  it('shows the trend of the 2023 assessment over its two rounds, and what changed', async () => {
    const page = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
    await signIn(page, api.url, 'qiye@demo.zhiping.cn');
    await page.getByRole('link', { name: '历史与趋势' }).click();
    await page.getByRole('heading', { name: '历次自评与趋势' }).waitFor();
    await page.goto(`${api.url}/history/gbt29490-2023`);
    const chart = page.locator('.zp-trend');
    await chart.locator('svg').waitFor();
    expect(await chart.getAttribute('data-rounds')).toBe('2');
    // Both rounds are on the category axis.
    await chart.getByText('2026-09-10 第1轮').waitFor();
    await chart.getByText('2026-11-20 第2轮').waitFor();
    await page
      .getByText(/与上次相比/)
      .first()
      .waitFor();
    await page.screenshot({ path: join(artifacts, '21-history.png'), fullPage: true });
  }, 120_000);
});
