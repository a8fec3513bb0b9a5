import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launch } from './support/browser.ts';
import { signIn } from './support/login.ts';
import { type RunningApi, root, startApi } from './support/server.ts';
import { ensureWebBuilt } from './support/web-build.ts';

/*
 * Every role's first pages, in Chinese and in English, photographed on each run into
 * test/artifacts/ (git-ignored: the run's artefacts, overwritten each time), so a change
 * that breaks a layout is seen: the home of the respondent (enterprise), the city, the
 * reviewer and the administrator, and the guided start. English is chosen with the
 * header's switch, as a person would, and remembered for the next page.
 */

const artifacts = join(root, 'test', 'artifacts');
const run = browserAvailable('e2e pages');
const HAN = /\p{Script=Han}/u;

describe.skipIf(!run)('pages photographed (Chromium)', () => {
  let api: RunningApi;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const newPage = async () => {
    const ctx = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'zh-CN',
    });
    contexts.push(ctx);
    return ctx.newPage();
  };
  const shot = (page: Page, name: string) =>
    page.screenshot({ path: join(artifacts, `pages-${name}.png`), fullPage: true });
  const toEnglish = async (page: Page) => {
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
  };

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    ensureWebBuilt();
    // E2E_PORT pins the port (a shared machine's range); otherwise any free one.
    const port = Number(process.env.E2E_PORT);
    api = await startApi(
      {},
      port ? { port, dataDir: mkdtempSync(join(tmpdir(), 'zp-e2e-')) } : undefined,
    );
    browser = await launch();
  }, 240_000);

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await api?.stop();
  });

  it('the respondent: home and guided start, in Chinese and English', async () => {
    const page = await newPage();
    await signIn(page, api.url, 'qiye@demo.zhiping.cn');
    await page.getByRole('heading', { name: '我的自评' }).waitFor();
    await shot(page, 'respondent-home-zh');
    await page.getByRole('link', { name: '不确定填哪一份？回答几个问题' }).click();
    await page.getByRole('heading', { name: '选择适用的自评问卷' }).waitFor();
    await page.getByRole('button', { name: '创建并开始填写' }).first().waitFor();
    await shot(page, 'start-zh');
    await toEnglish(page);
    await page.getByRole('heading', { name: 'Which questionnaires apply?' }).waitFor();
    await shot(page, 'start-en');
    await page.goto(`${api.url}/`);
    await page.getByRole('heading', { name: 'My assessments' }).waitFor();
    const headings = await page.getByRole('heading', { level: 1 }).allTextContents();
    expect(headings.filter((h) => HAN.test(h))).toEqual([]);
    await shot(page, 'respondent-home-en');
  }, 180_000);

  it('the city: its own catalogue, in Chinese and English', async () => {
    const page = await newPage();
    await signIn(page, api.url, 'city@demo.zhiping.cn');
    await page.getByRole('heading', { name: '我的自评' }).waitFor();
    await page.getByRole('heading', { name: '知识产权强市' }).waitFor();
    await shot(page, 'city-home-zh');
    await toEnglish(page);
    await page.getByRole('heading', { name: 'My assessments' }).waitFor();
    await shot(page, 'city-home-en');
  }, 180_000);

  it('the reviewer: the queue, in Chinese and English', async () => {
    const page = await newPage();
    await signIn(page, api.url, 'reviewer@demo.zhiping.cn');
    await page.getByRole('heading', { name: '待评审' }).first().waitFor();
    await shot(page, 'reviewer-home-zh');
    await toEnglish(page);
    await page.getByRole('heading', { name: 'Review queue' }).first().waitFor();
    await shot(page, 'reviewer-home-en');
  }, 180_000);

  it('the administrator: the first page and the definitions, in Chinese and English', async () => {
    const page = await newPage();
    await signIn(page, api.url, 'admin@demo.zhiping.cn');
    await page.locator('main tr.ant-table-row').first().waitFor();
    await shot(page, 'admin-home-zh');
    await toEnglish(page);
    await page.locator('main tr.ant-table-row').first().waitFor();
    await shot(page, 'admin-home-en');
    // The home is the dashboard; the workspace's tabs are one link away.
    await page.getByRole('link', { name: 'Open administration' }).click();
    await page.getByRole('tab', { name: 'Definitions' }).click();
    await page.locator('[role=tabpanel]:visible tr.ant-table-row').first().waitFor();
    await shot(page, 'admin-definitions-en');
  }, 180_000);
});
