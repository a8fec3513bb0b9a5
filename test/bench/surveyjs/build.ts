import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Definition } from '@zhiping/forms';
import { build } from 'vite';
import { toSurveyJs } from './to-surveyjs.ts';

/**
 * Builds the bench's SurveyJS page (production React, survey-react-ui) with
 * the definition converted beside it, into a temporary folder; returns it.
 */
export async function buildSurveyPage(def: Definition): Promise<string> {
  const outDir = join(tmpdir(), `zhiping-surveyjs-bench-${process.pid}`);
  mkdirSync(outDir, { recursive: true });
  await build({
    root: dirname(fileURLToPath(import.meta.url)),
    base: './',
    logLevel: 'warn',
    configFile: false,
    build: { outDir, emptyOutDir: true, target: 'es2022' },
  });
  writeFileSync(join(outDir, 'survey.json'), JSON.stringify(toSurveyJs(def)));
  return outDir;
}
