import { type Answers, compile, type Definition, isNotApplicable, zh } from '@zhiping/forms';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Answers, through the UI as a person would, every question of the current
 * step that is shown and has an answer in `key` — by the item's kind.
 * Returns the ids answered.
 */
export async function fillStep(page: Page, def: Definition, key: Answers): Promise<string[]> {
  const c = compile(def);
  const done: string[] = [];
  for (const { item, index } of c.items) {
    const value = key[item.id];
    if (value === undefined || item.kind === 'computed') continue;
    // The step shown only: the steps left stay in the page, hidden (kept-steps.tsx).
    const box = page.locator(`[data-item="${item.id}"]`).filter({ visible: true });
    if ((await box.count()) === 0) continue; // hidden, or on another step
    const input = `#q-${index}-input`;
    if (isNotApplicable(value)) {
      await box.getByRole('checkbox', { name: '本题不适用' }).check();
      done.push(item.id);
      continue;
    }
    switch (item.kind) {
      case 'yesno':
        await radio(box, value === true ? '是' : '否');
        break;
      case 'single': {
        const o = item.options.find((x) => x.id === value);
        if (o) await radio(box, zh(o.label));
        break;
      }
      case 'multi':
        for (const id of value as string[]) {
          const o = item.options.find((x) => x.id === id);
          if (o) await box.getByRole('checkbox', { name: zh(o.label), exact: true }).check();
        }
        break;
      case 'scale': {
        const level = (def.scales[item.scale] ?? []).find((l) => l.value === value);
        if (level)
          await box
            .getByRole('radio', { name: new RegExp(`^${escapeRe(zh(level.label))}`) })
            .check();
        break;
      }
      case 'number':
      case 'date':
      case 'text':
        await box.locator(input).fill(String(value));
        break;
      case 'evidence': {
        const e = value as { ref?: string; note?: string; files?: { name: string }[] };
        if (e.ref) await box.locator(`${input}-ref`).fill(e.ref);
        if (e.note) await box.locator(`${input}-note`).fill(e.note);
        if (e.files?.length) {
          await box.locator(`${input}-files`).setInputFiles(
            e.files.map((f) => ({
              name: f.name,
              mimeType: 'application/pdf',
              buffer: Buffer.from('%PDF-1.7 evidence'),
            })),
          );
          // The files are uploaded as they are picked: wait until each is listed as stored.
          for (const f of e.files)
            await page.locator(`[data-item="${item.id}"] .zp-files`).getByText(f.name).waitFor();
        }
        break;
      }
    }
    done.push(item.id);
  }
  return done;
}

/*
 * A click, then the choice shown: Playwright's check() looks at the state at
 * once after its click, while the page may still be rendering it on a busy
 * machine (seen once: "Clicking the checkbox did not change its state").
 */
async function radio(box: Locator, name: string) {
  const choice = box.getByRole('radio', { name, exact: true });
  await choice.click();
  await expect.poll(() => choice.isChecked()).toBe(true);
}

/** Waits until autosave has caught up: past the debounce, nothing pending or in flight. */
export async function waitSaved(page: Page): Promise<void> {
  await page.waitForTimeout(900);
  await page.waitForSelector('.zp-save-saved, .zp-save-idle', { timeout: 15_000 });
}
