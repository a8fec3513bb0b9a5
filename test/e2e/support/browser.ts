import { existsSync } from 'node:fs';
import { type Browser, type BrowserServer, chromium, type LaunchOptions } from 'playwright-core';
import { e2eRun } from './run.ts';

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
const options: LaunchOptions = {
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
};

/** The Chromium a whole test run shares (global-setup.ts), when there is one here. */
export async function launchServer(): Promise<BrowserServer | null> {
  return existsSync(CHROMIUM) ? chromium.launchServer(options) : null;
}

/**
 * The browser for one test file: a connection to the run's shared Chromium
 * (starting one costs about a second of both cores), else one of its own.
 * Closing a connection closes the contexts it opened, and only those.
 */
export async function launch(): Promise<Browser> {
  const shared = e2eRun()?.chromium;
  if (shared) {
    try {
      return await chromium.connect(shared);
    } catch (err) {
      console.warn(`the shared Chromium is gone (${String(err)}); launching one for this file`);
    }
  }
  return chromium.launch(options);
}
