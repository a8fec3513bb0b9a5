import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { button, pick, setReviewers } from './support/admin.ts';
import { browserAvailable, launch } from './support/browser.ts';
import { signIn } from './support/login.ts';
import { type RunningApi, root, startApi } from './support/server.ts';
import { ensureWebBuilt } from './support/web-build.ts';

/*
 * The admin's workspace in a real browser against the real API (demo seed):
 * an admin creates an organisation and invites a reviewer into it; the
 * reviewer opens the one-time link, sets a password and signs in; the admin
 * reassigns an assessment under review to them, and they find it in their
 * queue. The link then no longer works.
 */

const artifacts = join(root, 'test', 'artifacts');
const run = browserAvailable('e2e admin');
const PASSWORD = 'Ningbo-review-desk-2026';

describe.skipIf(!run)('admin workspace (Chromium)', () => {
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
    page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });

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

  it('organisation → invited reviewer sets a password by link → reassigned review', async () => {
    const admin = await newPage();
    await signIn(admin, api.url, 'admin@demo.zhiping.cn');
    // The admin's home is the dashboard; the workspace is one link away.
    await admin.getByRole('heading', { name: '工作台' }).waitFor();
    await admin.getByRole('link', { name: '进入管理' }).click();
    await admin.waitForURL(/\/admin\/assessments/);

    // ── an organisation with its region and level ──────────────────────
    await admin.getByRole('tab', { name: '机构' }).click();
    await admin.waitForURL(/\/admin\/organisations/);
    await button(admin, '新建机构').click();
    const orgForm = admin.getByRole('dialog');
    await orgForm.getByLabel('机构名称').fill('宁波知识产权评审中心');
    await pick(admin, orgForm.getByLabel('类型'), '评审机构');
    await orgForm.getByLabel('地区').fill('宁波市');
    await pick(admin, orgForm.getByLabel('行政级别'), '市级');
    await button(orgForm, '保存').click();
    await orgForm.waitFor({ state: 'hidden' });
    await admin.getByRole('searchbox', { name: '搜索机构名称或地区' }).fill('宁波');
    await admin.keyboard.press('Enter');
    await admin.waitForURL(/q=%E5%AE%81%E6%B3%A2|q=宁波/);
    const orgRow = admin.locator('tr', { hasText: '宁波知识产权评审中心' });
    await orgRow.getByText('宁波市（市级）').waitFor();
    await shot(admin, 'admin-01-organisations');

    // ── a reviewer invited into it: the link is shown once ─────────────
    await admin.getByRole('tab', { name: '用户' }).click();
    await button(admin, '新建用户').click();
    const userForm = admin.getByRole('dialog');
    await userForm.getByLabel('姓名').fill('王敏');
    await userForm.getByLabel('邮箱').fill('wangmin@nbreview.example.cn');
    await pick(admin, userForm.getByLabel('角色'), '评审员');
    await userForm.getByLabel('所属机构').click();
    await userForm.getByLabel('所属机构').fill('宁波知识产权');
    await admin.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    await button(userForm, '保存').click();
    const link = await admin.getByTestId('one-time-link').inputValue();
    expect(link).toMatch(new RegExp(`^${api.url}/welcome/[A-Za-z0-9_-]{40,}$`));
    await shot(admin, 'admin-02-invite-link');
    await admin.keyboard.press('Escape');
    await admin
      .locator('tr', { hasText: 'wangmin@nbreview.example.cn' })
      .getByText('已邀请')
      .waitFor();

    // ── the invited reviewer sets a password through the link ──────────
    const invited = await newPage(390, 844);
    await invited.goto(link);
    await invited.getByText('请为账号 wangmin@nbreview.example.cn 设置登录密码').waitFor();
    await invited.getByLabel('新密码').fill('short');
    await invited.getByLabel('再次输入').fill('short');
    await button(invited, '设置密码').click();
    await invited
      .getByText(/至少 12 个字符/)
      .first()
      .waitFor();
    await invited.getByLabel('新密码').fill(PASSWORD);
    await invited.getByLabel('再次输入').fill(PASSWORD);
    await button(invited, '设置密码').click();
    await invited.getByText('密码已设置').waitFor();
    await shot(invited, 'admin-03-password-set');
    // Single use: the same link now says it has expired.
    await invited.goto(link);
    await invited.getByText('链接已失效').waitFor();
    await invited.goto(`${api.url}/login`);
    await invited.locator('#login-email').fill('wangmin@nbreview.example.cn');
    await invited.locator('#login-password').fill(PASSWORD);
    await button(invited, '登录').click();
    await invited.waitForURL((u) => !u.pathname.startsWith('/login'));

    // ── the admin reassigns an assessment under review to them ─────────
    await admin.goto(`${api.url}/admin/assessments?status=in_review`);
    const row = admin.locator('tbody tr[data-row-key]').first();
    await row.waitFor();
    const id = await row.getAttribute('data-row-key');
    expect(id).toBeTruthy();
    await setReviewers(admin, row, ['王敏']);
    await shot(admin, 'admin-04-reassigned');
    const reviewers = await admin.evaluate(async (aid) => {
      const r = await fetch(`/api/admin/assessments?status=in_review&pageSize=100`);
      const page = (await r.json()) as { items: { id: string; reviewers: { name: string }[] }[] };
      return page.items.find((a) => a.id === aid)?.reviewers.map((p) => p.name);
    }, id ?? '');
    expect(reviewers).toEqual(['王敏']);

    // The reviewer's queue has it; the previous reviewer's no longer does.
    const queueIds = async (page: Page) =>
      page.evaluate(async () => {
        const body: unknown = await (await fetch('/api/review/queue')).json();
        const rows = Array.isArray(body) ? body : (body as { items: unknown[] }).items;
        return (rows as { id: string }[]).map((a) => a.id);
      });
    expect(await queueIds(invited)).toContain(id);
    const before = await newPage();
    await signIn(before, api.url, 'reviewer@demo.zhiping.cn');
    expect(await queueIds(before)).not.toContain(id);

    expect(errors).toEqual([]);
  }, 180_000);

  it('publishes from a file: problems in Chinese by line, a preview, then the new version and its diff', async () => {
    const admin = await newPage();
    await signIn(admin, api.url, 'admin@demo.zhiping.cn');
    await admin.goto(`${api.url}/admin/definitions`);
    const file = (yaml: string) => ({
      name: 'local.yaml',
      mimeType: 'text/yaml',
      buffer: Buffer.from(yaml),
    });
    const upload = (yaml: string) => admin.locator('#definition-file').setInputFiles(file(yaml));

    // A mistake: a condition names a question that does not exist (line 20).
    await upload(LOCAL.replace('ref: q.policy', 'ref: q.polcy'));
    const problems = admin.getByRole('alert').filter({ hasText: '发现 1 个问题' });
    await problems.getByText('第 20 行').waitFor();
    await problems.getByText(/引用了不存在的编号.*q\.polcy/).waitFor();
    await shot(admin, 'admin-05-publish-problems');

    // Fixed: checked, previewed as a respondent sees it, published.
    await upload(LOCAL);
    await admin
      .getByText(/检查通过：宁波市知识产权贯标自查（ningbo-selfcheck@1\.0\.0），2 题/)
      .waitFor();
    await button(admin, '预览问卷').click();
    const preview = admin.locator('.ant-drawer');
    await preview.getByText('是否有书面的知识产权方针？').waitFor();
    await shot(admin, 'admin-06-preview');
    await admin.keyboard.press('Escape');
    await preview.waitFor({ state: 'hidden' });
    await button(admin, '发布').click();
    await admin.getByText('已发布 ningbo-selfcheck@1.0.0').waitFor();

    // A second version with a changed weight: the diff names it.
    await upload(
      LOCAL.replace('version: 1.0.0', 'version: 1.1.0').replace('points: 10', 'points: 20'),
    );
    await button(admin, '发布').click();
    await admin.getByText('已发布 ningbo-selfcheck@1.1.0').waitFor();
    await admin
      .getByRole('row', { name: /宁波市知识产权贯标自查/ })
      .getByRole('radio')
      .click();
    await admin.waitForURL(/def=ningbo-selfcheck/);
    const compare = admin.locator('.ant-card', { hasText: '比较版本' });
    await compare.getByText('points：10 → 20').waitFor();
    await compare.getByText(/计分、门槛或等级有变化/).waitFor();
    await shot(admin, 'admin-07-diff');
    expect(errors).toEqual([]);
  }, 180_000);

  it('the admin lists fit a 390 px phone', async () => {
    const phone = await newPage(390, 844);
    await signIn(phone, api.url, 'admin@demo.zhiping.cn');
    for (const tab of ['assessments', 'organisations', 'users', 'definitions', 'audit']) {
      await phone.goto(`${api.url}/admin/${tab}`);
      // Rows (or the empty state) painted, not the loading table.
      await phone.locator('.ant-table-row, .ant-empty').first().waitFor();
      await phone.locator('.ant-spin-spinning').first().waitFor({ state: 'detached' });
      await shot(phone, `admin-390-${tab}`);
      const overflow = (await phone.evaluate(
        'document.documentElement.scrollWidth - document.documentElement.clientWidth',
      )) as number;
      const wide = (await phone.evaluate(`[...document.querySelectorAll('body *')]
        .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
        .filter((e) => {
          for (let p = e.parentElement; p && p !== document.body; p = p.parentElement)
            if (getComputedStyle(p).overflowX !== 'visible') return false;
          return true;
        })
        .slice(0, 5)
        .map((e) => e.tagName + '.' + String(e.className).split(' ').join('.'))`)) as string[];
      expect({ tab, overflow, wide }).toEqual({ tab, overflow: expect.any(Number), wide: [] });
      expect(overflow, tab).toBeLessThanOrEqual(0);
    }
  }, 120_000);
});

/** A small definition as an author would upload it (YAML). */
const LOCAL = `id: ningbo-selfcheck
version: 1.0.0
family: gbt29490
title: 宁波市知识产权贯标自查
audience: [enterprise]
sections:
  - id: s.policy
    title: 方针
    items:
      - id: q.policy
        kind: yesno
        prompt: 是否有书面的知识产权方针？
        points: 10
        recommendation: 制定并发布知识产权方针
      - id: q.review
        kind: yesno
        prompt: 是否每年评审一次方针？
        points: 10
        recommendation: 每年在管理评审中评审方针
        visibleWhen: { op: eq, ref: q.policy, value: true }
tiers:
  - id: t.base
    label: 起步
  - id: t.ready
    label: 基本就绪
    minScore: 60
`;
