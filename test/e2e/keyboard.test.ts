import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launch } from './support/browser.ts';
import { signIn } from './support/login.ts';
import { type RunningApi, startApi } from './support/server.ts';
import { ensureWebBuilt } from './support/web-build.ts';

/*
 * The questionnaire by keyboard alone: Tab reaches every control of the step
 * in document order (a radio group is one stop, as in any native form), the
 * step list answers Enter and Space, radio groups move with the arrow keys,
 * and the buttons and disclosure toggles work with Enter.
 */

const run = browserAvailable('e2e keyboard');

// Tags every control in the questionnaire with its place in document order and a
// key (a radio group counts once); returns the keys every Tab pass must reach.
const TAG = `(() => {
  const sel = 'a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])';
  const els = [...document.querySelectorAll('.zp-q ' + sel.split(', ').join(', .zp-q '))]
    .filter((e) => !e.disabled && e.checkVisibility({ visibilityProperty: true }));
  const keys = new Set();
  els.forEach((e, i) => {
    e.dataset.kbOrder = String(i);
    e.dataset.kbKey = e.type === 'radio' ? 'radio:' + e.name : 'el:' + i;
    keys.add(e.dataset.kbKey);
  });
  return [...keys];
})()`;
// The focused control's key and place; 'inside' for an untagged element within the questionnaire.
const ACTIVE = `(() => { const e = document.activeElement; if (e && e.dataset && e.dataset.kbKey) return [e.dataset.kbKey, Number(e.dataset.kbOrder)]; return e && e.closest && e.closest('.zp-q') ? 'inside' : null; })()`;

/** Tabs from the app header through the page; the controls of the questionnaire it met, in order. */
async function tabThrough(page: Page, max: number) {
  await page.locator('header a').first().focus();
  const met: [string, number][] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const a = (await page.evaluate(ACTIVE)) as [string, number] | 'inside' | null;
    if (a === 'inside') continue;
    if (a) met.push(a);
    else if (met.length > 0) break; // left the questionnaire
  }
  return met;
}

describe.skipIf(!run)('keyboard only (Chromium)', () => {
  let api: RunningApi;
  let browser: Browser;

  beforeAll(async () => {
    const dist = process.env.WEB_DIST;
    if (!dist) ensureWebBuilt();
    api = await startApi(dist ? { WEB_DIST: dist } : {});
    browser = await launch();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });

  it('every control of a step is reached by Tab, in document order', async () => {
    const page = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
    await signIn(page, api.url, 'qiye@demo.zhiping.cn');
    await page.getByRole('link', { name: /优势企业、示范企业/ }).click();
    await page.locator('#zp-step-title').waitFor();
    // Two steps: the profile (yes/no, dates) and one of clause questions (scales, evidence, text).
    for (const step of [0, 1]) {
      if (step > 0) {
        await page.locator('.zp-actions').getByRole('button', { name: '下一步' }).click();
        await page.waitForTimeout(500);
      }
      // The parts that load after the first paint (sources, tags) are in place first.
      await page.waitForLoadState('networkidle');
      const keys = (await page.evaluate(TAG)) as string[];
      expect(keys.length).toBeGreaterThan(10);
      const met = await tabThrough(page, keys.length + 40);
      const reached = new Set(met.map(([k]) => k));
      expect(keys.filter((k) => !reached.has(k))).toEqual([]);
      const order = met.map(([, i]) => i);
      expect(order).toEqual([...order].sort((a, b) => a - b));
    }
  }, 120_000);

  it('steps answer Enter and Space; radio groups move with arrows; buttons and toggles with Enter', async () => {
    const page = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
    await signIn(page, api.url, 'qiye@demo.zhiping.cn');
    await page.getByRole('link', { name: /优势企业、示范企业/ }).click();
    const heading = page.locator('#zp-step-title');
    await heading.waitFor();
    const steps = page.locator('nav.zp-steps button');

    // Enter on the third step, Space on the second: each opens its step, focus on its heading.
    const third = (await steps.nth(2).locator('.zp-step-title').textContent()) ?? '';
    await steps.nth(2).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => heading.textContent()).toContain(third);
    // Focused once the step is painted (use-step-focus.ts).
    await expect.poll(() => heading.evaluate((e) => e === document.activeElement)).toBe(true);
    const second = (await steps.nth(1).locator('.zp-step-title').textContent()) ?? '';
    await steps.nth(1).focus();
    await page.keyboard.press('Space');
    await expect.poll(() => heading.textContent()).toContain(second);

    // A radio group: Space picks the focused option, the arrows move the choice.
    // Visible controls only: the steps left stay in the page, hidden (kept-steps.tsx), in step order.
    const group = page.locator('[role=radiogroup]').filter({ visible: true }).first();
    const radios = group.locator('input[type=radio]');
    await radios.first().focus();
    await page.keyboard.press('Space');
    await expect.poll(() => radios.first().isChecked()).toBe(true);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => radios.nth(1).isChecked()).toBe(true);
    expect(await radios.nth(1).evaluate((e) => e === document.activeElement)).toBe(true);
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => radios.first().isChecked()).toBe(true);

    // A disclosure: the sources of a question open and close with Enter.
    const sources = page.locator('.zp-sources-toggle').filter({ visible: true }).first();
    await sources.focus();
    await page.keyboard.press('Enter');
    expect(await sources.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Enter');
    expect(await sources.getAttribute('aria-expanded')).toBe('false');

    // The step buttons: Enter on 下一步, then on 检查并提交.
    const before = await heading.textContent();
    await page.locator('.zp-actions').getByRole('button', { name: '下一步' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => heading.textContent()).not.toBe(before);
    await page.getByRole('button', { name: '检查并提交' }).first().focus();
    await page.keyboard.press('Enter');
    await page.locator('#zp-submit-title').waitFor();
  }, 120_000);
});
