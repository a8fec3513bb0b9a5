import { defineConfig } from 'vitest/config';

// One runner for the workspace: each package with tests is a project.
export default defineConfig({
  test: {
    projects: ['forms', 'api', 'web', 'test'],
    // Vitest's default on a 2-core machine is one worker (cores − 1), which ran every file
    // one after another: the browser, crash and scale-out tests spend most of their time
    // waiting on the processes they drive, so two files at a time use the cores better.
    // MAX_WORKERS=1 runs them one at a time again.
    maxWorkers: Number(process.env.MAX_WORKERS ?? 2),
  },
});
