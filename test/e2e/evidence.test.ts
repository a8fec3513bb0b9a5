import { randomBytes } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launch } from './support/browser.ts';
import { signIn } from './support/login.ts';
import { type RunningApi, startApi } from './support/server.ts';
import { ensureWebBuilt } from './support/web-build.ts';

/*
 * Evidence in Chromium: a file dropped on the zone uploads (with progress on
 * a slow line), an image and a PDF open in the in-page preview (the image as
 * an <img>, the PDF drawn on a canvas), Esc closes it and focus comes back.
 */

const run = browserAvailable('e2e evidence');

/** A real PNG of w × h noise (so it does not compress away): the server checks content, not names. */
function png(w: number, h: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const rows = Array.from({ length: h }, () =>
    Buffer.concat([Buffer.from([0]), randomBytes(w * 3)]),
  );
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A one-page PDF with a filled rectangle, cross-reference offsets computed. */
function pdf(): Buffer {
  const stream = '0.12 0.37 0.75 rg 20 20 160 60 re f';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** Drops files on the zone as a person dragging them from the desktop would. */
async function dropOn(
  page: Page,
  zone: string,
  files: { name: string; type: string; bytes: Buffer }[],
) {
  const payload = files.map((f) => ({ ...f, bytes: f.bytes.toString('base64') }));
  const data = await page.evaluateHandle((fs) => {
    const dt = new DataTransfer();
    for (const f of fs) {
      const bin = Uint8Array.from(atob(f.bytes), (c) => c.charCodeAt(0));
      dt.items.add(new File([bin], f.name, { type: f.type }));
    }
    return dt;
  }, payload);
  await page.dispatchEvent(zone, 'dragover', { dataTransfer: data });
  await page.dispatchEvent(zone, 'drop', { dataTransfer: data });
}

describe.skipIf(!run)('evidence uploads and previews (Chromium)', () => {
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

  it('drops an image and a PDF, shows progress, previews both in the page', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await signIn(page, api.url, 'qiye@demo.zhiping.cn');
    // A fresh 2023 draft (its clauses ask for evidence), whatever the demo drafts are called.
    await page.getByRole('button', { name: /^开始：GB\/T 29490-2023/ }).click();
    await page.waitForURL(/\/fill/);
    await page.locator('#zp-step-title').waitFor();
    const zones = page.getByTestId('evidence-drop');
    for (let i = 0; i < 20 && (await zones.count()) === 0; i++) {
      await page.locator('.zp-actions').getByRole('button', { name: '下一步' }).click();
      await page.waitForTimeout(300);
    }
    const item = page.locator('[data-item]', { has: zones.first() }).first();
    const zone = `[data-item="${await item.getAttribute('data-item')}"] [data-testid="evidence-drop"]`;

    // A slow line (256 KB/s up) so the progress of a 1.5 MB image can be seen moving.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 20,
      downloadThroughput: -1,
      uploadThroughput: 256 * 1024,
    });
    await dropOn(page, zone, [
      { name: '签批的方针.png', type: 'image/png', bytes: png(900, 600) },
      { name: '手册目录.pdf', type: 'application/pdf', bytes: pdf() },
    ]);
    const bar = item.getByRole('progressbar', { name: '签批的方针.png 的上传进度' });
    await bar.waitFor();
    const seen = new Set<string>();
    for (let i = 0; i < 100 && (await bar.count()) > 0; i++) {
      seen.add((await bar.getAttribute('value').catch(() => null)) ?? '');
      await page.waitForTimeout(50);
    }
    // Some value strictly between nothing and everything was shown on the way.
    expect([...seen].some((v) => Number(v) > 0 && Number(v) < 1)).toBe(true);
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    await item.getByRole('link', { name: '手册目录.pdf' }).waitFor({ timeout: 30_000 });
    await item.getByRole('link', { name: '签批的方针.png' }).waitFor();

    // The image: an <img> in a modal dialog; Esc closes it and focus returns to its button.
    const previewImage = item.getByRole('button', { name: '预览 签批的方针.png' });
    await previewImage.click();
    const dialog = page.getByTestId('evidence-preview');
    await dialog.locator('img').waitFor();
    expect(await dialog.locator('img').evaluate((e: HTMLImageElement) => e.naturalWidth)).toBe(900);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await previewImage.evaluate((e) => e === document.activeElement)).toBe(true);

    // The PDF: drawn on a canvas by PDF.js, no browser viewer, no frame.
    await item.getByRole('button', { name: '预览 手册目录.pdf' }).click();
    const canvas = dialog.locator('canvas');
    await canvas.waitFor({ timeout: 30_000 });
    expect(await dialog.locator('iframe, object, embed').count()).toBe(0);
    const painted = await canvas.evaluate((c: HTMLCanvasElement) => {
      const ctx = c.getContext('2d');
      if (!ctx) return 0;
      const d = ctx.getImageData(0, 0, c.width, c.height).data;
      let blue = 0;
      for (let i = 0; i < d.length; i += 4) if ((d[i + 2] ?? 0) > 150 && (d[i] ?? 255) < 80) blue++;
      return blue;
    });
    expect(painted).toBeGreaterThan(100); // the rectangle was drawn
    await dialog.getByRole('button', { name: '关闭预览' }).click();
    await dialog.waitFor({ state: 'detached' });
    await context.close();
  }, 180_000);
});
