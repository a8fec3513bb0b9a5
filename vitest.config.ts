import { defineConfig } from 'vitest/config';

// One runner for the workspace: each package with tests is a project.
export default defineConfig({
  test: {
    projects: ['forms', 'api', 'web', 'test'],
  },
});
