import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations, type Violation } from './support/axe.ts';
import { browserAvailable, launch } from './support/browser.ts';
import { signIn } from './support/login.ts';
import { type RunningApi, startApi } from './support/server.ts';
import { ensureWebBuilt } from './support/web-build.ts';

/*
 * Accessibility measured, not assumed: axe-core run in Chromium on the home,
 * questionnaire (a step and the check step), results and review pages finds
 * no serious or critical violation.
 */

const run = browserAvailable('e2e accessibility');

describe.skipIf(!run)('axe-core (Chromium)', () => {
  let api: RunningApi;
  let browser: Browser;
  let ctx: BrowserContext;

  beforeAll(async () => {
    // WEB_DIST measures another build of the app (as the browser bench does).
    const dist = process.env.WEB_DIST;
    if (!dist) ensureWebBuilt();
    api = await startApi(dist ? { WEB_DIST: dist } : {});
    browser = await launch();
  }, 240_000);

  afterAll(async () => {
    await ctx?.close();
    await browser?.close();
    await api?.stop();
  });

  // Every page's findings at once, so one run shows everything to fix.
  const found: Record<string, Violation[]> = {};
  const check = async (page: Page, name: string) => {
    const v = await seriousViolations(page);
    if (v.length > 0) found[name] = v;
  };

  const fresh = async () => {
    for (const k of Object.keys(found)) delete found[k];
    await ctx?.close();
    // axe goes in as an inline script, which the app's CSP refuses otherwise.
    ctx = await browser.newContext({
      locale: 'zh-CN',
      bypassCSP: true,
      viewport: { width: 1280, height: 900 },
    });
    return ctx.newPage();
  };

  it('home, questionnaire (a step, the check step) and results', async () => {
    const page = await fresh();
    await signIn(page, api.url, 'qiye@demo.zhiping.cn');
    await page.getByRole('heading', { name: '我的自评' }).waitFor();
    await check(page, 'home (respondent)');

    await page.getByRole('link', { name: /优势企业、示范企业/ }).click();
    await page.locator('#zp-step-title').waitFor();
    await check(page, 'questionnaire step 1');
    await page.locator('.zp-actions').getByRole('button', { name: '下一步' }).click();
    await page.locator('#zp-step-title').waitFor();
    await check(page, 'questionnaire step 2');
    await page.getByRole('button', { name: '检查并提交' }).first().click();
    await page.locator('#zp-submit-title').waitFor();
    await check(page, 'questionnaire check step');

    await page.goto(`${api.url}/`);
    await page.getByRole('link', { name: /GB\/T 29490-2023 · 2026-09-10/ }).click();
    await page.getByTestId('verdict').waitFor();
    await page.locator('.zp-chart svg').waitFor();
    await check(page, 'results');
    expect(found).toEqual({});
  }, 180_000);

  it('the reviewer home and review console', async () => {
    const page = await fresh();
    await signIn(page, api.url, 'reviewer@demo.zhiping.cn');
    await page.locator('a[href$="/review"]').first().waitFor();
    await check(page, 'home (reviewer)');
    await page.locator('a[href$="/review"]').first().click();
    await page.getByRole('heading', { name: /^评审：/ }).waitFor();
    await check(page, 'review console');
    expect(found).toEqual({});
  }, 120_000);
});
