import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Answers, score, verdictLabel } from '@zhiping/forms';
import { loadBuiltins, loadSample } from '@zhiping/forms/node';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignFirstReviewer } from './support/admin.ts';
import { browserAvailable, launch } from './support/browser.ts';
import { fillStep, waitSaved } from './support/fill.ts';
import { signIn } from './support/login.ts';
import { type RunningApi, root, startApi } from './support/server.ts';
import { ensureWebBuilt } from './support/web-build.ts';

/*
 * The whole journey in a real browser against the real API (demo seed, fresh
 * data directory): a respondent fills a 贯标 assessment, reloads and resumes,
 * submits and reads the verdict; the admin assigns a reviewer, who overrides
 * an item with a reason and decides; the respondent sees the decision.
 */

const artifacts = join(root, 'test', 'artifacts');
const run = browserAvailable('e2e journey');

function watchErrors(page: Page, into: string[]) {
  page.on('pageerror', (e) => into.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    // 401 from /api/auth/me before signing in is expected.
    if (m.type() === 'error' && !m.text().includes('401')) into.push(`console: ${m.text()}`);
  });
}

const shot = (page: Page, name: string, fullPage = false) =>
  page.screenshot({ path: join(artifacts, `${name}.png`), fullPage });

describe.skipIf(!run)('browser journey (Chromium)', () => {
  let api: RunningApi;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];
  const newPage = async (width = 1280, height = 900) => {
    const ctx = await browser.newContext({ viewport: { width, height }, locale: 'zh-CN' });
    contexts.push(ctx);
    const page = await ctx.newPage();
    watchErrors(page, errors);
    return page;
  };

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    ensureWebBuilt();
    api = await startApi();
    browser = await launch();
  }, 240_000);

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await api?.stop();
  });

  it('fill → resume → submit → assign → review → decision', async () => {
    const def = loadBuiltins().get('gbt29490-2023');
    const sample = loadSample('gbt29490-2023/nearly-ready-software.json');
    // The sample's answers, with a file name for one evidence item to exercise the picker.
    const key: Answers = {
      ...sample.answers,
      'c7.5.manual-file': { files: [{ id: 'x', name: '知识产权手册.pdf' }] },
    };

    // ── the respondent ─────────────────────────────────────────────────
    const page = await newPage();
    await signIn(page, api.url, 'qiye@demo.zhiping.cn');
    await page.getByRole('heading', { name: '我的自评' }).waitFor();
    await shot(page, '01-respondent-home');
    await page.getByRole('button', { name: /^开始：GB\/T 29490-2023/ }).click();
    await page.waitForURL(/\/assessments\/[^/]+\/fill$/);
    const id = new URL(page.url()).pathname.split('/')[2] as string;
    const heading = page.locator('#zp-step-title');
    await heading.waitFor();

    // Two steps, then leave and come back: the answers and the step survive.
    for (let i = 0; i < 2; i++) {
      expect((await fillStep(page, def, key)).length).toBeGreaterThan(0);
      const before = await heading.textContent();
      await page.getByRole('button', { name: '下一步' }).click();
      // Read the next step's heading only once it is shown (not the one being left).
      await expect.poll(() => heading.textContent()).not.toBe(before);
    }
    const third = await heading.textContent();
    await waitSaved(page);
    await page.reload();
    await heading.waitFor();
    expect(await heading.textContent()).toBe(third);
    await page
      .getByRole('navigation', { name: '填写步骤' })
      .getByRole('button', { name: /企业概况/ })
      .click();
    const manufactures = page.locator('[data-item="p.manufactures"]');
    expect(await manufactures.getByRole('radio', { name: '否', exact: true }).isChecked()).toBe(
      true,
    );
    // Back to where we were (the third step), and on to the end.
    await page.getByRole('navigation', { name: '填写步骤' }).getByRole('button').nth(2).click();
    expect(await heading.textContent()).toBe(third);

    for (let guard = 0; guard < 20; guard++) {
      await fillStep(page, def, key);
      if ((await heading.textContent())?.includes('8')) await shot(page, '02-questionnaire');
      const next = page.locator('.zp-actions').getByRole('button', { name: '下一步' });
      if ((await next.count()) === 0) break;
      await next.click();
    }
    // A software firm: the production items were never asked.
    expect(key['p.manufactures']).toBe(false);
    for (const id of ['c8.2.production', 'c8.2.shopfloor'])
      expect(await page.locator(`[data-item="${id}"]`).count()).toBe(0);
    await page.locator('.zp-actions').getByRole('button', { name: '检查并提交' }).click();
    await page.getByText('所有必答题都已作答，可以提交。').waitFor();
    await shot(page, '03-submit-check');
    await page.getByRole('button', { name: '确认提交' }).click();
    await page.waitForURL(/\/results$/);
    const verdict = page.getByTestId('verdict');
    await verdict.waitFor();

    // The page shows what the engine says for these answers on the assessment's date.
    const detail = (await (await page.request.get(`${api.url}/api/assessments/${id}`)).json()) as {
      asOf: string;
      status: string;
    };
    expect(detail.status).toBe('submitted');
    const expected = score(def, key, { asOf: detail.asOf });
    expect(await verdict.textContent()).toBe(verdictLabel(expected));
    // Gaps show in the definition's words, once it is in (the questionnaire cached it).
    await page.locator('[data-gap]').first().waitFor();
    expect(await page.locator('[data-gap]').count()).toBe(expected.gaps.length);
    expect(expected.gaps.length).toBeGreaterThan(0);
    await page.locator('.zp-chart svg').waitFor();
    await shot(page, '04-results');

    // ── the admin assigns the reviewer ─────────────────────────────────
    const admin = await newPage();
    await signIn(admin, api.url, 'admin@demo.zhiping.cn');
    // Every assessment is listed; the row is the one just submitted (rows carry their id).
    await admin.goto(`${api.url}/admin/assessments?status=submitted`);
    const row = admin.locator(`tr[data-row-key="${id}"]`);
    await row.waitFor();
    await shot(admin, '05-admin');
    await assignFirstReviewer(admin, row);
    // Assigned, it leaves the "submitted" filter and is listed in review.
    await admin.goto(`${api.url}/admin/assessments?status=in_review`);
    await admin.locator(`tr[data-row-key="${id}"]`).getByText('评审中').waitFor();

    // ── the reviewer overrides one item with a reason, and approves ────
    const reviewer = await newPage();
    await signIn(reviewer, api.url, 'reviewer@demo.zhiping.cn');
    await reviewer.locator(`a[href="/assessments/${id}/review"]`).first().click();
    await reviewer.getByRole('heading', { name: /^评审：/ }).waitFor();
    const target = 'c5.2.approved';
    expect(key[target]).toBe(true);
    await reviewer.locator('summary', { hasText: '领导作用' }).click();
    const item = reviewer.locator(`[data-review-item="${target}"]`);
    await item.locator('label', { hasText: '改判' }).click();
    await item.getByRole('radio', { name: '严重不符合' }).check();
    await item.getByLabel('改判理由').fill('方针文件没有最高管理者签批记录');
    // No save button: a complete override is recorded as it is typed.
    await item.getByRole('status').getByText('已保存').waitFor();
    await reviewer.getByTestId('reviewed-score').waitFor();
    const selfScore = expected.total.score;
    const reviewed = Number(await reviewer.getByTestId('reviewed-score').textContent());
    expect(reviewed).toBeLessThan(selfScore);
    // A deliberate decision: nothing preselected, the rest agreed explicitly, the score confirmed.
    const decision = reviewer.locator('section[aria-labelledby="decision-form-title"]');
    await decision.locator('label', { hasText: '通过' }).click();
    await decision.getByRole('checkbox', { name: /其余 \d+ 项均同意/ }).check();
    await reviewer.getByLabel('决定说明').fill('体系运行记录基本齐全，方针签批请补齐。');
    await decision.getByRole('button', { name: '提交决定' }).click();
    expect(Number(await reviewer.getByTestId('preview-score').textContent())).toBe(reviewed);
    await reviewer.getByRole('button', { name: '确认并提交' }).click();
    await reviewer.getByText('评审决定：通过').waitFor();
    await shot(reviewer, '06-review');

    // ── the respondent reads the decision ──────────────────────────────
    await page.reload();
    await page.getByTestId('decision').waitFor();
    expect(await page.getByTestId('decision').textContent()).toContain('通过');
    await page.getByText('方针文件没有最高管理者签批记录').waitFor();
    await shot(page, '07-decision');

    expect(errors).toEqual([]);
  }, 300_000);

  it('lays the questionnaire out at tablet width without sideways scrolling', async () => {
    const page = await newPage(768, 1024);
    await signIn(page, api.url, 'qiye@demo.zhiping.cn');
    await page.getByRole('link', { name: /优势企业、示范企业/ }).click();
    await page.locator('#zp-step-title').waitFor();
    await shot(page, '08-tablet');
    const overflow = (await page.evaluate(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    )) as number;
    expect(overflow).toBeLessThanOrEqual(0);
  }, 120_000);
});
