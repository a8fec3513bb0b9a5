import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { launchServer } from './browser.ts';
import './run.ts';

/*
 * Once per run of the e2e project: one Chromium that every browser
 * test file connects to (each file still gets fresh contexts — cookie jars,
 * storage — and they are closed when the file disconnects), and a directory
 * for what the files make once and share (see server.ts, web-build.ts).
 */
export default async function setup(project: TestProject) {
  const browser = await launchServer();
  const dir = mkdtempSync(join(tmpdir(), 'zp-e2e-run-'));
  project.provide('e2eRun', { dir, chromium: browser?.wsEndpoint() ?? null });
  // In watch mode a rerun sees the sources as they are now.
  project.onTestsRerun(() => {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir);
  });
  return async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  };
}
