import { readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import type { BrowserContext } from 'playwright-core';

/** Where the bench's SurveyJS page is served from, inside the browser context only. */
export const SURVEY_ORIGIN = 'http://surveyjs.bench';

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
};

/** Answers SURVEY_ORIGIN's requests from the built folder (no server, no port). */
export async function serveSurveyPage(context: BrowserContext, dir: string): Promise<void> {
  await context.route(`${SURVEY_ORIGIN}/**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    const file = join(
      dir,
      normalize(path === '/' ? 'index.html' : path).replace(/^(\.\.[/\\])+/, ''),
    );
    try {
      return route.fulfill({
        body: readFileSync(file),
        contentType: TYPES[extname(file)] ?? 'application/octet-stream',
      });
    } catch {
      return route.fulfill({ status: 404 });
    }
  });
}
