import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSample } from '@zhiping/forms/node';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations, type Violation } from './support/axe.ts';
import { browserAvailable, launch } from './support/browser.ts';
import { overflow } from './support/layout.ts';
import { signIn } from './support/login.ts';
import { type RunningApi, root, startApi } from './support/server.ts';
import { ensureWebBuilt } from './support/web-build.ts';

/*
 * The review on a 390 px phone, measured with axe-core: the console with an
 * override open (观察项 and its note), the decision's confirmation dialog,
 * and on the respondent's side the reasons for return, the audit trail and
 * the inbox. Each state is checked for serious and critical violations and
 * for sideways scrolling.
 */

const run = browserAvailable('e2e review at 390 px');
const artifacts = join(root, 'test', 'artifacts');

describe.skipIf(!run)('the review at 390 px, with axe (Chromium)', () => {
  let api: RunningApi;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    const dist = process.env.WEB_DIST;
    if (!dist) ensureWebBuilt();
    // E2E_PORT pins the API's port (agents sharing a machine each keep to their own range).
    const port = Number(process.env.E2E_PORT ?? 0);
    api = await startApi(
      dist ? { WEB_DIST: dist } : {},
      port ? { port, dataDir: mkdtempSync(join(tmpdir(), 'zp-e2e-')) } : undefined,
    );
    browser = await launch();
  }, 240_000);

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await api?.stop();
  });

  const phone = async () => {
    const ctx = await browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: 'zh-CN',
      isMobile: true,
      hasTouch: true,
      // axe goes in as an inline script, which the app's CSP refuses otherwise.
      bypassCSP: true,
    });
    contexts.push(ctx);
    return ctx.newPage();
  };

  // Every state's findings at once, so one run shows everything to fix.
  const found: Record<string, Violation[] | number> = {};
  const check = async (page: Page, name: string) => {
    await page.screenshot({ path: join(artifacts, `review-390-${name}.png`), fullPage: true });
    const v = await seriousViolations(page);
    if (v.length > 0) found[name] = v;
    const wide = await overflow(page);
    if (wide > 0) found[`${name}: wider than the phone by`] = wide;
  };

  const json = async (p: Page, method: string, path: string, body?: unknown) => {
    const res = await p.request.fetch(`${api.url}${path}`, {
      method,
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      ...(body === undefined ? {} : { data: JSON.stringify(body) }),
    });
    if (!res.ok()) throw new Error(`${method} ${path}: ${res.status()} ${await res.text()}`);
    return res.status() === 204 ? null : await res.json();
  };

  it('console, confirmation, reasons for return, audit trail and inbox', async () => {
    // Set-up through the API: the enterprise submits, the admin assigns the demo reviewer.
    const sample = loadSample('gbt29490-2023/nearly-ready-software.json');
    const qiye = await phone();
    await signIn(qiye, api.url, 'qiye@demo.zhiping.cn');
    const created = await json(qiye, 'POST', '/api/assessments', {
      definition: sample.definition,
      title: '手机评审测试',
      answers: sample.answers,
    });
    const id: string = created.id;
    await json(qiye, 'POST', `/api/assessments/${id}/submit`, { revision: created.revision });
    const admin = await phone();
    await signIn(admin, api.url, 'admin@demo.zhiping.cn');
    const reviewers = (await json(admin, 'GET', '/api/admin/users?role=reviewer&pageSize=100'))
      .items as { id: string; email: string }[];
    const chen = reviewers.find((u) => u.email === 'reviewer@demo.zhiping.cn');
    if (!chen) throw new Error('demo reviewer missing');
    await json(admin, 'PUT', `/api/admin/assessments/${id}/reviewers`, { reviewerIds: [chen.id] });

    // The console, then with an override open on the first item: 观察项 and what it means.
    const reviewer = await phone();
    await signIn(reviewer, api.url, 'reviewer@demo.zhiping.cn');
    await reviewer.goto(`${api.url}/assessments/${id}/review`);
    await reviewer.getByRole('heading', { name: /^评审：/ }).waitFor();
    await reviewer.locator('[data-review-item]').first().waitFor();
    await check(reviewer, 'console');
    const item = reviewer.locator('[data-review-item]').first();
    await item.locator('label', { hasText: '改判' }).first().click();
    await item.getByRole('radio', { name: '观察项' }).check();
    await item.getByTestId('observation-hint').waitFor();
    await item.getByLabel('改判理由').fill('制度刚运行，下次评审复查执行记录');
    await item.getByLabel('给填报人的意见').fill('请保存本季度的执行记录');
    await item.getByRole('status').getByText('已保存').waitFor();
    await check(reviewer, 'console-override');

    // The decision's confirmation dialog (returning, so the respondent gets the reasons).
    const form = reviewer.locator('section[aria-labelledby="decision-form-title"]');
    await form.locator('label', { hasText: '退回修改' }).click();
    await form.locator('#decision-comment').fill('请补充执行记录后重新提交。');
    await form.getByRole('button', { name: '提交决定' }).click();
    await reviewer.getByTestId('preview-score').waitFor();
    await check(reviewer, 'confirmation');
    await reviewer.getByRole('button', { name: '确认并提交' }).click();
    await reviewer.getByText('评审决定：退回修改').waitFor();
    await check(reviewer, 'console-returned');

    // The respondent: the reasons with the comment and its reply box, the audit trail, the inbox.
    await qiye.goto(`${api.url}/assessments/${id}/returned`);
    await qiye.getByTestId('return-reasons').getByText('请补充执行记录').waitFor();
    await qiye.getByText('请保存本季度的执行记录').waitFor();
    await check(qiye, 'returned');
    await qiye.goto(`${api.url}/assessments/${id}/audit`);
    await qiye.locator('[data-audit="decided"]').first().waitFor();
    await check(qiye, 'audit');
    await qiye.goto(`${api.url}/notifications`);
    await qiye.locator('[data-notification="returned"]').first().waitFor();
    await check(qiye, 'inbox');

    expect(found).toEqual({});
  }, 600_000);
});
