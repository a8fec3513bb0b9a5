import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launch } from './support/browser.ts';
import { signIn } from './support/login.ts';
import { type RunningApi, startApi } from './support/server.ts';
import { ensureWebBuilt } from './support/web-build.ts';

/*
 * Nothing typed is lost and only real conflicts are raised, in a real
 * browser against the real API: leaving within 100 ms of an answer (reload,
 * Back, a click elsewhere in the app), the server going away mid-typing, and
 * two tabs on one draft.
 */

const run = browserAvailable('e2e autosave');

interface Detail {
  revision: number;
  answers: Record<string, unknown>;
}

describe.skipIf(!run)('autosave in the browser (Chromium)', () => {
  let api: RunningApi;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];

  /** A signed-in respondent's page (its own cookie jar). */
  async function respondent(): Promise<Page> {
    const ctx = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'zh-CN',
    });
    contexts.push(ctx);
    const page = await ctx.newPage();
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    // Leaving with unsent changes asks first: this respondent leaves anyway.
    page.on('dialog', (d) => void d.accept());
    await signIn(page, api.url, 'qiye@demo.zhiping.cn');
    return page;
  }

  /** A fresh 2023 draft for one test. */
  async function newDraft(page: Page): Promise<string> {
    const res = await page.request.post(`${api.url}/api/assessments`, {
      data: { definition: 'gbt29490-2023' },
    });
    expect(res.status()).toBe(201);
    return ((await res.json()) as { id: string }).id;
  }

  const serverCopy = async (page: Page, id: string): Promise<Detail> =>
    (await (await page.request.get(`${api.url}/api/assessments/${id}`)).json()) as Detail;

  /** Polls the server until `check` holds (autosave may still be on its way). */
  async function eventually(page: Page, id: string, check: (d: Detail) => boolean) {
    const deadline = Date.now() + 20_000;
    let last: Detail | null = null;
    while (Date.now() < deadline) {
      last = await serverCopy(page, id);
      if (check(last)) return last;
      await page.waitForTimeout(200);
    }
    throw new Error(`the server never got there: ${JSON.stringify(last?.answers)}`);
  }

  async function open(page: Page, id: string, step: string) {
    await page.goto(`${api.url}/assessments/${id}/fill?step=${step}`);
    await page.locator('#zp-step-title').waitFor();
  }

  const yes = (page: Page, item: string) =>
    page.locator(`[data-item="${item}"]`).getByRole('radio', { name: '是', exact: true }).check();

  const count = '#q-12-input'; // pre.ip-count, a number on the "pre" step

  beforeAll(async () => {
    ensureWebBuilt();
    api = await startApi();
    browser = await launch();
  }, 240_000);

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await api?.stop();
  });

  it('an answer followed within 100 ms by a reload reaches the server', async () => {
    const page = await respondent();
    const id = await newDraft(page);
    await open(page, id, 'pre');
    await page.locator(count).fill('42');
    await page.waitForTimeout(50);
    await page.reload();
    await page.locator('#zp-step-title').waitFor();
    await eventually(page, id, (d) => d.answers['pre.ip-count'] === 42);
    // The reload landed on the same step and question, and shows the answer.
    expect(await page.locator(count).inputValue()).toBe('42');
    expect(new URL(page.url()).searchParams.get('item')).toBe('pre.ip-count');
    await expect.poll(() => page.evaluate('document.activeElement?.id')).toBe('q-12-input');
  }, 120_000);

  it('an answer followed within 100 ms by Back reaches the server', async () => {
    const page = await respondent();
    const id = await newDraft(page);
    await open(page, id, 'profile');
    await yes(page, 'p.exports');
    await page.waitForTimeout(50);
    await page.goBack();
    await eventually(page, id, (d) => d.answers['p.exports'] === true);
  }, 120_000);

  it('an answer followed within 100 ms by a click elsewhere in the app reaches the server', async () => {
    const page = await respondent();
    const id = await newDraft(page);
    await open(page, id, 'pre');
    await page.locator(count).fill('7');
    await page.waitForTimeout(30);
    await page.locator('.zp-brand').click();
    await page.getByRole('heading', { name: '我的自评' }).waitFor();
    await eventually(page, id, (d) => d.answers['pre.ip-count'] === 7);
  }, 120_000);

  it('Back and Forward move between steps, and a deep link opens its step', async () => {
    const page = await respondent();
    const id = await newDraft(page);
    await open(page, id, 'profile');
    const heading = page.locator('#zp-step-title');
    const first = await heading.textContent();
    await page.getByRole('button', { name: '下一步' }).click();
    await page.waitForURL(/step=pre/);
    const second = await heading.textContent();
    expect(second).not.toBe(first);
    await page.goBack();
    await page.waitForURL((u) => !u.search.includes('step=pre'));
    await expect.poll(() => heading.textContent()).toBe(first);
    await page.goForward();
    await page.waitForURL(/step=pre/);
    await expect.poll(() => heading.textContent()).toBe(second);
    await open(page, id, 'c5');
    expect(await heading.textContent()).toContain('领导作用');
  }, 120_000);

  it('keeps answering while the server is down; everything arrives once it is back', async () => {
    const page = await respondent();
    const id = await newDraft(page);
    await open(page, id, 'pre');
    await page.locator(count).fill('1');
    await eventually(page, id, (d) => d.answers['pre.ip-count'] === 1);
    await api.kill(true);
    await page.locator(count).fill('12');
    await yes(page, 'pre.internal-audit');
    await page.locator('.zp-save-offline').waitFor({ timeout: 15_000 });
    expect(await page.locator('.zp-save').textContent()).toContain('离线，已在本机保存');
    await yes(page, 'pre.management-review');
    await page.locator('#q-7-input').fill('2026-01-05');
    // Leaving inside the app while changes cannot be sent asks first; staying keeps the page.
    await page.locator('.zp-brand').click();
    const ask = page.getByRole('dialog').filter({ hasText: '离开此页？' });
    await ask.waitFor();
    await ask
      .getByRole('button', { name: '留下' })
      .or(ask.getByRole('button', { name: '留 下' }))
      .click();
    await ask.waitFor({ state: 'hidden' });
    expect(new URL(page.url()).pathname).toBe(`/assessments/${id}/fill`);
    await page.waitForTimeout(500);
    api = await startApi({}, { port: api.port, dataDir: api.dataDir });
    const d = await eventually(page, id, (x) => x.answers['pre.started'] === '2026-01-05');
    expect(d.answers).toMatchObject({
      'pre.ip-count': 12,
      'pre.internal-audit': true,
      'pre.management-review': true,
      'pre.started': '2026-01-05',
    });
    await page.locator('.zp-save-saved').waitFor();
  }, 180_000);

  it('two tabs that only move between steps never see a conflict nor write', async () => {
    const a = await respondent();
    const b = await respondent();
    const id = await newDraft(a);
    const before = (await serverCopy(a, id)).revision;
    await open(a, id, 'profile');
    await open(b, id, 'profile');
    for (let i = 0; i < 3; i++) {
      await a.getByRole('button', { name: '下一步' }).click();
      await b.getByRole('button', { name: '下一步' }).click();
    }
    await a.getByRole('button', { name: '上一步' }).click();
    await a.waitForTimeout(1_500);
    expect((await serverCopy(a, id)).revision).toBe(before);
    for (const p of [a, b]) {
      expect(await p.locator('.zp-conflict').count()).toBe(0);
      expect(await p.locator('.zp-save-conflict').count()).toBe(0);
    }
  }, 120_000);

  it('two tabs changing different items both keep theirs', async () => {
    const a = await respondent();
    const b = await respondent();
    const id = await newDraft(a);
    await open(a, id, 'profile');
    await open(b, id, 'profile');
    await yes(a, 'p.exports');
    await eventually(a, id, (d) => d.answers['p.exports'] === true);
    await yes(b, 'p.rnd');
    const d = await eventually(b, id, (x) => x.answers['p.rnd'] === true);
    expect(d.answers['p.exports']).toBe(true);
    // The second tab shows the first tab's answer, and no conflict.
    await b
      .locator('[data-item="p.exports"]')
      .getByRole('radio', { name: '是', exact: true })
      .and(b.locator(':checked'))
      .waitFor();
    expect(await b.locator('.zp-conflict').count()).toBe(0);
  }, 120_000);

  it('two tabs changing the same item see both values and keep the chosen one', async () => {
    const a = await respondent();
    const b = await respondent();
    const id = await newDraft(a);
    await open(a, id, 'pre');
    await open(b, id, 'pre');
    await a.locator(count).fill('5');
    await eventually(a, id, (d) => d.answers['pre.ip-count'] === 5);
    await b.locator(count).fill('8');
    const row = b.locator('[data-conflict="pre.ip-count"]');
    await row.waitFor({ timeout: 15_000 });
    expect(await row.locator('[data-side="mine"]').textContent()).toMatch(/^8/);
    expect(await row.locator('[data-side="theirs"]').textContent()).toMatch(/^5/);
    // Nothing is overwritten before the choice.
    await b.waitForTimeout(1_000);
    expect((await serverCopy(b, id)).answers['pre.ip-count']).toBe(5);
    await row.getByRole('radio', { name: /本页的答案/ }).check();
    await b.getByRole('button', { name: '保存所选答案' }).click();
    await eventually(b, id, (d) => d.answers['pre.ip-count'] === 8);
    await b.locator('.zp-save-saved').waitFor();
    expect(await b.locator('.zp-conflict').count()).toBe(0);
    expect(errors).toEqual([]);
  }, 120_000);
});
