import { mkdirSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { formatScore } from '@zhiping/forms';
import { loadSample } from '@zhiping/forms/node';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { button } from './support/admin.ts';
import { browserAvailable, launch } from './support/browser.ts';
import { signIn } from './support/login.ts';
import { type RunningApi, root, startApi } from './support/server.ts';
import { ensureWebBuilt } from './support/web-build.ts';

/*
 * Issue 13's whole loop in a real browser, two rounds, two reviewers and a
 * lead: the enterprise submits; both reviewers judge blind and finish; the
 * lead sees their disagreement side by side, settles it and returns; the
 * enterprise reads the reasons, replies, changes the answer and resubmits;
 * the changed item comes back as 待复核 with what changed; both judge it
 * again; the lead approves with 其余各项均同意 after a confirmation showing
 * the score. Then every page and both reports show that same decided score.
 */

const artifacts = join(root, 'test', 'artifacts');
const run = browserAvailable('e2e review rounds');
const X = 'c5.2.approved';
const apiRequire = createRequire(join(root, 'api', 'package.json'));

async function pdfText(bytes: Buffer): Promise<string> {
  const pdfjs = await import(
    pathToFileURL(apiRequire.resolve('pdfjs-dist/legacy/build/pdf.mjs')).href
  );
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  let text = '';
  for (let p = 1; p <= doc.numPages; p++) {
    const content = await (await doc.getPage(p)).getTextContent();
    text += content.items.map((i: { str?: string }) => i.str ?? '').join('');
  }
  return text;
}

async function workbookText(bytes: Buffer): Promise<string> {
  const { default: ExcelJS } = await import(pathToFileURL(apiRequire.resolve('exceljs')).href);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes);
  const out: string[] = [];
  wb.eachSheet((ws: { eachRow: (f: (r: { values: unknown }) => void) => void }) =>
    ws.eachRow((r) => out.push(JSON.stringify(r.values))),
  );
  return out.join('\n');
}

describe.skipIf(!run)('review rounds (Chromium)', () => {
  let api: RunningApi;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];
  const newPage = async (width = 1280, height = 900) => {
    const ctx = await browser.newContext({ viewport: { width, height }, locale: 'zh-CN' });
    contexts.push(ctx);
    const page = await ctx.newPage();
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    return page;
  };
  const shot = (page: Page, name: string) =>
    page.screenshot({ path: join(artifacts, `review-${name}.png`), fullPage: true });

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

  const json = async (p: Page, method: string, path: string, body?: unknown) => {
    const res = await p.request.fetch(`${api.url}${path}`, {
      method,
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      ...(body === undefined ? {} : { data: JSON.stringify(body) }),
    });
    if (!res.ok()) throw new Error(`${method} ${path}: ${res.status()} ${await res.text()}`);
    return res.status() === 204 ? null : await res.json();
  };

  /** Opens the console, records X's judgement and agrees with everything else, section by section. */
  async function judgeAll(page: Page, id: string, overrideX: boolean) {
    await page.goto(`${api.url}/assessments/${id}/review`);
    await page.getByRole('heading', { name: /^评审：/ }).waitFor();
    // 未评 opens every section that still has work.
    await page.locator('.ant-segmented').getByText('未评').click();
    const x = page.locator(`[data-review-item="${X}"]`);
    if ((await x.count()) > 0) await judge(x, overrideX);
    await agreeRest(page, id);
  }

  /** Agrees with every item still unjudged, section by section (本节其余同意). */
  async function agreeRest(page: Page, id: string) {
    await page.locator('.ant-segmented').getByText('全部').click();
    for (let guard = 0; guard < 80; guard++) {
      await page.locator('.ant-segmented').getByText('未评').click();
      const bulk = page.getByRole('button', { name: /本节其余 \d+ 项同意/ });
      if ((await bulk.count()) === 0) break;
      const done = page.waitForResponse((r) => r.url().endsWith('/reviews/agree'));
      const refreshed = page.waitForResponse(
        (r) => r.url().endsWith(`/assessments/${id}/review`) && r.request().method() === 'GET',
      );
      await bulk.first().click();
      expect((await done).status()).toBe(200);
      await refreshed;
    }
    await page.locator('.ant-segmented').getByText('全部').click();
  }

  async function judge(item: Locator, override: boolean) {
    if (override) {
      await item.locator('label', { hasText: '改判' }).first().click();
      await item.getByRole('radio', { name: '严重不符合' }).check();
      await item.getByLabel('改判理由').fill('方针没有最高管理者签批记录');
      await item.getByLabel('给填报人的意见').fill('请补充方针签批记录');
    } else {
      await item.locator('label', { hasText: '同意' }).first().click();
    }
    await item.getByRole('status').getByText('已保存').waitFor();
  }

  async function finish(page: Page) {
    const progress = page.getByTestId('review-progress');
    await expect
      .poll(async () => /已评 (\d+)\/\1/.test((await progress.textContent()) ?? ''))
      .toBe(true);
    await page.getByRole('button', { name: '完成评审' }).click();
    await button(page, '确定').click();
    await page
      .getByText('您已完成本轮评审')
      .or(page.getByText('所有评审员均已完成'))
      .first()
      .waitFor();
  }

  async function decide(
    page: Page,
    outcome: '通过' | '退回修改',
    comment: string,
  ): Promise<string> {
    const form = page.locator('section[aria-labelledby="decision-form-title"]');
    await form.locator('label', { hasText: outcome }).click();
    const rest = form.getByRole('checkbox', { name: /其余 \d+ 项均同意/ });
    if ((await rest.count()) > 0) await rest.check();
    await form.locator('#decision-comment').fill(comment);
    await form.getByRole('button', { name: '提交决定' }).click();
    const score = (await page.getByTestId('preview-score').textContent()) ?? '';
    await shot(page, `confirm-${outcome}`);
    // Two quick clicks send one decision.
    const sent: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/decision')) sent.push(r.url());
    });
    await page.getByRole('button', { name: '确认并提交' }).dblclick();
    await page.getByText(`评审决定：${outcome}`).waitFor();
    expect(sent).toHaveLength(1);
    return score;
  }

  it('two rounds, two reviewers and a lead: one decided score everywhere', async () => {
    const sample = loadSample('gbt29490-2023/nearly-ready-software.json');
    expect(sample.answers[X]).toBe(true);

    // ── set-up through the API: the enterprise submits; the admin adds a second reviewer and assigns both
    const qiye = await newPage();
    await signIn(qiye, api.url, 'qiye@demo.zhiping.cn');
    const created = await json(qiye, 'POST', '/api/assessments', {
      definition: sample.definition,
      title: '两轮评审测试',
      answers: sample.answers,
    });
    const id: string = created.id;
    await json(qiye, 'POST', `/api/assessments/${id}/submit`, { revision: created.revision });

    const admin = await newPage();
    await signIn(admin, api.url, 'admin@demo.zhiping.cn');
    const reviewers = (await json(admin, 'GET', '/api/admin/users?role=reviewer&pageSize=100'))
      .items as {
      id: string;
      email: string;
      organisation: { id: string };
    }[];
    const lead = reviewers.find((u) => u.email === 'reviewer@demo.zhiping.cn');
    if (!lead) throw new Error('demo reviewer missing');
    const second = await json(admin, 'POST', '/api/admin/users', {
      email: 'li.review@demo.zhiping.cn',
      name: '李评审',
      role: 'reviewer',
      organisationId: lead.organisation.id,
      password: 'Qinghe-second-look-2026',
    });
    await json(admin, 'PUT', `/api/admin/assessments/${id}/reviewers`, {
      reviewerIds: [lead.id, second.id],
    });

    const chen = await newPage();
    await signIn(chen, api.url, 'reviewer@demo.zhiping.cn');
    const li = await newPage();
    await li.goto(`${api.url}/login`);
    await li.locator('#login-email').fill('li.review@demo.zhiping.cn');
    await li.locator('#login-password').fill('Qinghe-second-look-2026');
    await button(li, '登录').click();
    await li.waitForURL((u) => !u.pathname.startsWith('/login'));

    // ── round 1: blind, independent judgements; the second reviewer overrides X, the lead agrees
    await judgeAll(li, id, true);
    await finish(li);
    await judgeAll(chen, id, false);
    await finish(chen);
    // Everyone finished: the lead sees both judgements of X side by side and the agreement figures.
    await chen.reload();
    await chen.getByText('所有评审员均已完成').waitFor();
    await chen.getByTestId('agreement').waitFor();
    const x1 = chen.locator(`[data-review-item="${X}"]`);
    await x1.getByText('评审员意见不一致').waitFor();
    await x1.getByText('李评审').waitFor();
    await shot(chen, 'lead-side-by-side');
    await judge(x1, true); // the lead settles on the override
    await decide(chen, '退回修改', '方针签批记录缺失，请补充后重新提交。');

    // ── the enterprise: the home row leads to the reasons; reply, reopen, change X, resubmit
    await qiye.goto(`${api.url}/`);
    await qiye.getByRole('link', { name: '查看退回原因' }).first().click();
    await qiye.getByTestId('return-reasons').getByText('方针签批记录缺失').waitFor();
    const thread = qiye.locator(`[data-returned-item="${X}"]`);
    await thread.getByText('请补充方针签批记录').waitFor();
    await thread.getByLabel('您的回复').fill('方针尚未签批，已如实改为“否”。');
    await button(thread, '回复').click();
    await thread.getByText('已回复').waitFor();
    await shot(qiye, 'returned');
    await qiye.getByRole('button', { name: '重新打开并修改' }).click();
    await qiye.waitForURL(/\/fill/);
    const draft = await json(qiye, 'GET', `/api/assessments/${id}`);
    const saved = await json(qiye, 'PATCH', `/api/assessments/${id}`, {
      revision: draft.revision,
      answers: { [X]: false },
    });
    await json(qiye, 'POST', `/api/assessments/${id}/submit`, { revision: saved.revision });

    // ── round 2: X comes back 待复核 with the change and the reply; the rest carried
    await li.goto(`${api.url}/assessments/${id}/review`);
    await expect
      .poll(async () => (await li.getByTestId('review-progress').textContent()) ?? '', {
        timeout: 30_000,
      })
      .toContain('待复核 1 项');
    await li.locator('.ant-segmented').getByText('本轮修改').click();
    const x2 = li.locator(`[data-review-item="${X}"]`);
    await x2.getByText('待复核').waitFor();
    // Both reviewers commented on X; the one reply shows under each comment.
    await x2.getByText('方针尚未签批，已如实改为“否”。').first().waitFor();
    expect(await li.locator('[data-review-item]').count()).toBe(1);
    await shot(li, 'round-2-changed');
    await judge(x2, false);
    console.log('round 2, after X:', await li.getByTestId('review-progress').textContent());
    await agreeRest(li, id);
    await finish(li);
    await chen.goto(`${api.url}/assessments/${id}/review`);
    await chen.locator('.ant-segmented').getByText('本轮修改').click();
    await judge(chen.locator(`[data-review-item="${X}"]`), false);
    await agreeRest(chen, id);
    await finish(chen);
    await chen.reload();
    await chen.getByText('所有评审员均已完成').waitFor();
    const decided = await decide(chen, '通过', '方针一项已如实更正，其余符合。');
    expect(decided).toMatch(/^\d+\.\d$/);

    // ── the same decided score on every page and in both reports
    await chen.reload();
    expect(await chen.getByTestId('reviewed-score').textContent()).toBe(decided);
    await chen.getByText('本评审已完成：已作出决定。').waitFor();
    await chen.goto(`${api.url}/`);
    await chen.getByRole('tab', { name: /已决定/ }).click();
    const queueRow = chen.locator(`tr[data-row-key="${id}"]`);
    expect(await queueRow.getByTestId('list-reviewed-score').textContent()).toBe(decided);
    expect(await queueRow.getByRole('link', { name: '查看' }).count()).toBe(1);

    await qiye.goto(`${api.url}/assessments/${id}/results`);
    expect(await qiye.getByTestId('decided-score').textContent()).toBe(decided);
    await shot(qiye, 'results-decided');
    await qiye.goto(`${api.url}/`);
    const homeRow = qiye.locator(`tr[data-row-key="${id}"]`);
    await homeRow.waitFor();
    expect(await homeRow.textContent()).toContain(decided);

    const detail = await json(qiye, 'GET', `/api/assessments/${id}`);
    expect(formatScore(detail.reviewed.score)).toBe(decided);
    // The first report of a process loads the CJK fonts and a render worker: on a loaded
    // machine that outlasts the request's default 30 s.
    const report = { timeout: 180_000 };
    const pdf = await qiye.request.get(`${api.url}/api/assessments/${id}/report.pdf`, report);
    expect(pdf.status()).toBe(200);
    // pdf.js gives the text runs with the spaces between them ("总分 70.4 / 100").
    expect((await pdfText(await pdf.body())).replace(/\s+/g, '')).toContain(`总分${decided}/100`);
    const xlsx = await qiye.request.get(`${api.url}/api/assessments/${id}/report.xlsx`, report);
    expect(xlsx.status()).toBe(200);
    expect(await workbookText(await xlsx.body())).toContain(decided);

    // The audit trail shows the decision, self → reviewed.
    await qiye.goto(`${api.url}/assessments/${id}/audit`);
    await qiye.locator('[data-audit="decided"]').first().waitFor();
    expect(await qiye.locator('[data-audit="decided"]').first().textContent()).toContain(decided);

    // The enterprise was told: returned and decided are in the inbox.
    await qiye.goto(`${api.url}/notifications`);
    await qiye.locator('[data-notification="decided"]').first().waitFor();
    await qiye.locator('[data-notification="returned"]').first().waitFor();

    expect(errors).toEqual([]);
  }, 900_000);
});
