import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** True when the browser tests can run here; they are required when E2E_REQUIRED=1 (CI). */
export function browserAvailable(what: string): boolean {
  if (existsSync(CHROMIUM)) return true;
  const msg = `${what}: skipped — no Chromium at ${CHROMIUM} (apt-get install -y chromium fonts-noto-cjk)`;
  if (process.env.E2E_REQUIRED === '1') throw new Error(`${msg}, but E2E_REQUIRED=1`);
  console.warn(msg);
  return false;
}

/** Headless Chromium with the flags this closed network needs (no background traffic). */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
