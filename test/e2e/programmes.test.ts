import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launch } from './support/browser.ts';
import { signIn } from './support/login.ts';
import { type RunningApi, root, startApi } from './support/server.ts';
import { ensureWebBuilt } from './support/web-build.ts';

/*
 * A city runs a call end to end: its office opens it in the browser, two
 * enterprises of the city apply from theirs, the reviewer decides both, the
 * office ends the call, sees them ranked, and fills its own 强市 assessment
 * from the call's count — where the answer then shows where it came from.
 * Answering a whole questionnaire is other tests' work: here the applicants'
 * answers go in through the API, as the autosave would send them.
 */

const run = browserAvailable('e2e programmes');
const artifacts = join(root, 'test', 'artifacts');
const sample = (rel: string) =>
  JSON.parse(readFileSync(join(root, 'seeds', 'samples', `${rel}.json`), 'utf8')) as {
    answers: Record<string, unknown>;
  };

/** Today in Asia/Shanghai (the service's default time zone), plus `days`. */
const day = (days = 0) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
    new Date(Date.now() + days * 86_400_000),
  );

describe.skipIf(!run)('a city’s call (Chromium)', () => {
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

  const as = async (email: string): Promise<Page> => {
    const page = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
    await signIn(page, api.url, email);
    return page;
  };
  const call = async (page: Page, method: string, path: string, data?: unknown) => {
    const r = await page.request.fetch(`${api.url}/api${path}`, {
      method,
      headers: { origin: api.url },
      ...(data === undefined ? {} : { data }),
    });
    expect(r.status(), `${method} ${path}: ${await r.text()}`).toBeLessThan(300);
    return r.status() === 204 ? null : await r.json();
  };

  it('opens, applies, decides, ranks and rolls up into the city’s own assessment', async () => {
    const title = `青澜市贯标认证资助（浏览器测试 ${Date.now()}）`;
    const city = await as('city@demo.zhiping.cn');
    await city.getByRole('link', { name: '申报', exact: true }).click();
    await city.getByRole('heading', { name: '本机构发起的申报' }).waitFor();
    await city.getByRole('button', { name: '发起申报' }).click();
    const dialog = city.getByRole('dialog');
    await dialog.getByLabel('申报名称').fill(title);
    await dialog.getByLabel('评估表').click();
    await city
      .getByTitle(/29490-2023.*\(2\.1\.0\)/)
      .first()
      .click();
    const dates = dialog.locator('.ant-picker-range input');
    await dates.nth(0).click();
    await dates.nth(0).fill(day(-1));
    await dates.nth(0).press('Enter');
    await dates.nth(1).fill(day(30));
    await dates.nth(1).press('Enter');
    await dialog.getByLabel('评审员').click();
    await city.getByTitle(/陈思远/).click();
    await city.keyboard.press('Escape');
    await dialog.getByRole('button', { name: '发起' }).click();
    await city.waitForURL(/\/programmes\/[^/]+$/);
    await city.getByRole('heading', { name: new RegExp(title) }).waitFor();
    await city.getByText('申报中').first().waitFor();
    await city.screenshot({ path: join(artifacts, '30-programme-opened.png'), fullPage: true });

    // Two enterprises of the city apply from their home pages, then answer and submit.
    const applied: Record<string, string> = {};
    for (const [email, rel] of [
      ['lanxin@demo.zhiping.cn', 'gbt29490-2023/nearly-ready-software'],
      ['lvneng@demo.zhiping.cn', 'gbt29490-2023/ready-manufacturer'],
    ] as const) {
      const page = await as(email);
      await page.getByRole('link', { name: title }).click();
      await page.getByRole('button', { name: '新建自评申报' }).click();
      await page.waitForURL(/\/assessments\/[^/]+\/fill/);
      const aid = new URL(page.url()).pathname.split('/')[2] as string;
      const draft = await call(page, 'GET', `/assessments/${aid}`);
      const cleared = Object.fromEntries(Object.keys(draft.answers).map((k) => [k, null]));
      const saved = await call(page, 'PATCH', `/assessments/${aid}`, {
        revision: draft.revision,
        answers: { ...cleared, ...sample(rel).answers },
      });
      // Answering afresh also settles carried answers that waited for confirmation.
      await call(page, 'POST', `/assessments/${aid}/submit`, { revision: saved.revision });
      applied[email] = aid;
      await page.context().close();
    }

    // The call's reviewer decides both.
    const reviewer = await as('reviewer@demo.zhiping.cn');
    const decided: Record<string, number> = {};
    for (const aid of Object.values(applied)) {
      const d = await call(reviewer, 'POST', `/assessments/${aid}/decision`, {
        outcome: 'approve',
        comment: '同意资助。',
        agreeRest: true,
      });
      decided[aid] = d.reviewedResult.total.score;
    }
    await reviewer.context().close();

    // The office ends the call and sees both ranked on their decided scores.
    await city.reload();
    await city.getByRole('button', { name: '提前截止' }).click();
    await city.getByRole('button', { name: /确\s*定|OK/ }).click();
    await city.getByText('已截止').first().waitFor();
    await city.getByText(/参与排名 2 家/).waitFor();
    const rows = city.locator('section[aria-labelledby="applicants-title"] tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(2);
    const ordered = Object.entries(decided).sort((a, b) => b[1] - a[1]);
    for (const [i, [, score]] of ordered.entries()) {
      const cells = rows.nth(i).locator('td');
      expect((await cells.nth(0).textContent())?.trim()).toBe(String(i + 1));
      expect(Number((await cells.nth(3).textContent())?.trim())).toBeCloseTo(score, 1);
    }
    await city.screenshot({ path: join(artifacts, '31-programme-ranked.png'), fullPage: true });

    // Both reached a tier the call awards (no quota): the count goes into the city's 强市 draft.
    const form = city.getByRole('form', { name: '填入本机构的评估' });
    await form.getByLabel('本机构的评估（草稿）').click();
    await city.getByTitle(/强市/).first().click();
    await form.getByLabel('题目').click();
    await city.getByTitle(/i\.certified-enterprises/).click();
    await form.getByLabel('汇总数').click();
    await city.getByTitle(/获评（合计）：2/).click();
    await form.getByRole('button', { name: '填入' }).click();
    await city.getByText('已填入：2').waitFor();

    // The 强市 questionnaire says where the answer came from.
    const mine = await call(city, 'GET', '/assessments');
    const strong = (
      mine.items as { id: string; status: string; definition: { id: string } }[]
    ).find((a) => a.definition.id === 'strong-city-2025' && a.status === 'draft');
    expect(strong).toBeDefined();
    await city.goto(`${api.url}/assessments/${strong?.id}/fill`);
    await city.getByText('来自申报汇总的答案').waitFor();
    await city
      .getByRole('link', { name: new RegExp(`i\\.certified-enterprises：2（来自《${title}`) })
      .waitFor();
    await city.screenshot({ path: join(artifacts, '32-strong-city-source.png'), fullPage: true });
  }, 240_000);
});
