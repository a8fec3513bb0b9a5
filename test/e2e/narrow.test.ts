import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launch } from './support/browser.ts';
import { culprits, overflow } from './support/layout.ts';
import { signIn } from './support/login.ts';
import { type RunningApi, root, startApi } from './support/server.ts';
import { ensureWebBuilt } from './support/web-build.ts';

/* A respondent on a 390 px phone: home and questionnaire fit the width (no sideways scrolling). */

const run = browserAvailable('e2e narrow');
const artifacts = join(root, 'test', 'artifacts');

describe.skipIf(!run)('at 390 px (Chromium)', () => {
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

  it('home, results and questionnaire fit a phone', async () => {
    const ctx = await browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: 'zh-CN',
      isMobile: true,
      hasTouch: true,
    });
    const page = await ctx.newPage();
    await signIn(page, api.url, 'qiye@demo.zhiping.cn');
    await page.getByRole('heading', { name: '我的自评' }).waitFor();
    await page.screenshot({ path: join(artifacts, '09-home-390.png'), fullPage: true });
    expect(await culprits(page)).toEqual([]);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    // The brand stays on one line.
    const brand = await page.locator('.zp-brand strong').boundingBox();
    expect(brand?.height ?? 0).toBeLessThan(30);

    // A submitted one: its results page.
    await page.getByRole('link', { name: /GB\/T 29490-2023 · 2026-09-10/ }).click();
    await page.getByTestId('verdict').waitFor();
    await page.locator('.zp-chart svg').waitFor();
    await page.screenshot({ path: join(artifacts, '11-results-390.png'), fullPage: true });
    expect(await culprits(page)).toEqual([]);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.goBack();

    await page.getByRole('link', { name: /优势企业、示范企业/ }).click();
    await page.locator('#zp-step-title').waitFor();
    await page.screenshot({ path: join(artifacts, '10-questionnaire-390.png'), fullPage: true });
    expect(await culprits(page)).toEqual([]);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await ctx.close();
  }, 120_000);

  it('the review console fits a phone', async () => {
    const ctx = await browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: 'zh-CN',
      isMobile: true,
      hasTouch: true,
    });
    const page = await ctx.newPage();
    await signIn(page, api.url, 'reviewer@demo.zhiping.cn');
    await page.locator('a[href$="/review"]').first().click();
    await page.getByRole('heading', { name: /^评审：/ }).waitFor();
    await page.screenshot({ path: join(artifacts, '12-review-390.png'), fullPage: true });
    expect(await culprits(page)).toEqual([]);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await ctx.close();
  }, 120_000);
});
