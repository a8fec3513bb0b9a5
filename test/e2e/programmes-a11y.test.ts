import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations, type Violation } from './support/axe.ts';
import { browserAvailable, launch } from './support/browser.ts';
import { culprits, overflow } from './support/layout.ts';
import { signIn } from './support/login.ts';
import { type RunningApi, root, startApi } from './support/server.ts';
import { ensureWebBuilt } from './support/web-build.ts';

/*
 * The programme pages on a 390 px phone, measured: the list, a call's page
 * as the office and as an applicant, the new-call form (with its title
 * rules) and the office's dashboard have no sideways scrolling of the page
 * and no serious or critical axe-core violation. Demo data: the city's
 * closed and open calls (seeds/programmes.yaml).
 */

const run = browserAvailable('e2e programmes at 390 px');
const artifacts = join(root, 'test', 'artifacts');

describe.skipIf(!run)('programme pages at 390 px, with axe (Chromium)', () => {
  let api: RunningApi;
  let browser: Browser;
  let ctx: BrowserContext | undefined;

  beforeAll(async () => {
    // WEB_DIST measures another build of the app; E2E_PORT pins the port (a shared machine).
    const dist = process.env.WEB_DIST;
    if (!dist) ensureWebBuilt();
    const port = Number(process.env.E2E_PORT ?? 0);
    api = await startApi(
      dist ? { WEB_DIST: dist } : {},
      port ? { port, dataDir: mkdtempSync(join(tmpdir(), 'zp-e2e-')) } : undefined,
    );
    browser = await launch();
  }, 240_000);

  afterAll(async () => {
    await ctx?.close();
    await browser?.close();
    await api?.stop();
  });

  // Every page's findings at once, so one run shows everything to fix.
  const found: Record<string, Violation[] | string[]> = {};
  const check = async (page: Page, name: string, shot?: string) => {
    // Let antd's transitions settle: a half-faded colour is a false contrast finding.
    await page.waitForTimeout(400);
    if (shot) await page.screenshot({ path: join(artifacts, shot), fullPage: true });
    const v = await seriousViolations(page);
    if (v.length > 0) found[name] = v;
    const wide = await culprits(page);
    if (wide.length > 0 || (await overflow(page)) > 0) found[`${name} (overflow)`] = wide;
  };

  const phone = async (email: string) => {
    await ctx?.close();
    // axe goes in as an inline script, which the app's CSP refuses otherwise.
    ctx = await browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: 'zh-CN',
      isMobile: true,
      hasTouch: true,
      bypassCSP: true,
    });
    const page = await ctx.newPage();
    await signIn(page, api.url, email);
    return page;
  };

  const calls = async (page: Page) => {
    const r = await page.request.get(`${api.url}/api/programmes`);
    return (await r.json()) as { programme: { id: string }; window: string; as: string }[];
  };

  it('the office: list, new-call form, a closed call and the dashboard', async () => {
    for (const k of Object.keys(found)) delete found[k];
    const page = await phone('city@demo.zhiping.cn');
    await page.goto(`${api.url}/programmes`);
    await page.getByRole('heading', { name: '本机构发起的申报' }).waitFor();
    await check(page, 'list (office)', '40-programmes-390.png');

    await page.getByRole('button', { name: '发起申报' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('评估表').click();
    await page
      .getByTitle(/优势企业、示范企业/)
      .first()
      .click();
    await dialog.getByText('称号要求').waitFor();
    await check(page, 'new-call form', '41-new-call-390.png');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    const closed = (await calls(page)).find((v) => v.as === 'office' && v.window === 'closed');
    expect(closed).toBeDefined();
    await page.goto(`${api.url}/programmes/${closed?.programme.id}`);
    await page.getByText(/参与排名 \d+ 家/).waitFor();
    await page.locator('#rollup-title').waitFor();
    await check(page, 'call (office, closed)', '42-call-office-390.png');

    await page.getByRole('link', { name: '申报一览' }).first().click();
    await page.getByRole('heading', { name: '申报一览' }).waitFor();
    await page.locator('#dash-cultivation').waitFor();
    await check(page, 'dashboard', '43-dashboard-390.png');
    expect(found).toEqual({});
  }, 180_000);

  it('an applicant: list and an open call’s page', async () => {
    for (const k of Object.keys(found)) delete found[k];
    const page = await phone('lvneng@demo.zhiping.cn');
    await page.goto(`${api.url}/programmes`);
    await page.getByRole('heading', { name: '可以申报的项目' }).waitFor();
    await check(page, 'list (applicant)', '44-programmes-applicant-390.png');
    const open = (await calls(page)).find((v) => v.as === 'applicant' && v.window === 'open');
    expect(open).toBeDefined();
    await page.goto(`${api.url}/programmes/${open?.programme.id}`);
    await page.locator('#apply-title').waitFor();
    await check(page, 'call (applicant, open)', '45-call-applicant-390.png');
    expect(found).toEqual({});
  }, 120_000);
});
