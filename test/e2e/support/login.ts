import type { Page } from 'playwright-core';

/** The demo accounts' password (README). */
export const DEMO_PASSWORD = 'Demo-2026-zhiping';

/**
 * Signs in through the login page as a person would, and waits until the
 * app has left it. antd spaces two-character button labels ("登 录"), so
 * either spelling is accepted.
 */
export async function signIn(page: Page, url: string, email: string): Promise<void> {
  await page.goto(`${url}/login`);
  await page.locator('#login-email').fill(email);
  await page.locator('#login-password').fill(DEMO_PASSWORD);
  await page
    .getByRole('button', { name: '登 录' })
    .or(page.getByRole('button', { name: '登录' }))
    .click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}
