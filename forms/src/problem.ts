import type { z } from 'zod';

/** One thing wrong with a definition, answers or mapping, located by path. */
export interface Problem {
  path: (string | number)[];
  code: string;
  message: string;
  severity: 'error' | 'warning';
  /** Filled in by file-reading adapters (CLI) from the path. */
  file?: string;
  line?: number;
}

export const problem = (
  path: (string | number)[],
  code: string,
  message: string,
  severity: Problem['severity'] = 'error',
): Problem => ({ path, code, message, severity });

/** Every zod issue as a problem, nested union issues flattened to their most specific. */
export function fromZod(error: z.ZodError, prefix: (string | number)[] = []): Problem[] {
  const out: Problem[] = [];
  const visit = (issues: z.core.$ZodIssue[], base: (string | number)[]) => {
    for (const issue of issues) {
      const path = [...base, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
      if (issue.code === 'invalid_union' && issue.errors.length > 0) {
        // Report the branch that got furthest: the fewest issues is the best guess.
        const best = [...issue.errors].sort((a, b) => a.length - b.length)[0] ?? [];
        visit(best, path);
        continue;
      }
      out.push(problem(path, issue.code, issue.message));
    }
  };
  visit(error.issues, prefix);
  return out;
}
