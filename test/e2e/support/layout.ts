import type { Page } from 'playwright-core';

/* Layout checks for narrow screens, shared by the 390 px browser tests. */

/** How far the page scrolls sideways (≤ 0: it fits the viewport). */
export const overflow = async (page: Page) =>
  (await page.evaluate(
    'document.documentElement.scrollWidth - document.documentElement.clientWidth',
  )) as number;

/** Elements past the viewport's right edge (outside a scroller of their own), to say what overflows. */
export const culprits = async (page: Page) =>
  (await page.evaluate(`[...document.querySelectorAll('body *')]
    .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
    .filter((e) => {
      for (let p = e.parentElement; p && p !== document.body; p = p.parentElement)
        if (getComputedStyle(p).overflowX !== 'visible') return false;
      return true;
    })
    .slice(0, 5)
    .map((e) => e.tagName + '.' + String(e.className).split(' ').join('.') + ' ' + Math.round(e.getBoundingClientRect().right))`)) as string[];
