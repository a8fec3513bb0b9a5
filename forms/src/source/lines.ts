import { LineCounter, parseDocument } from 'yaml';
import type { Problem } from '../problem.ts';

/*
 * A definition's source text (YAML, or JSON, which YAML reads too) with the
 * positions kept, so every problem the checker reports by path can name the
 * line an author fixes. Pure: the caller reads the file (CLI, browser).
 */

export interface SourceText {
  /** The parsed value (null when the text has syntax errors). */
  data: unknown;
  /** Syntax problems, each with its line. */
  problems: Problem[];
  /** The 1-based line of the node at a path, or of its nearest ancestor that exists. */
  lineOf(path: readonly (string | number)[]): number | undefined;
}

/**
 * Parses source text keeping positions.
 *
 * @example parseSource('id: x\nversion: 1\n').lineOf(['version']) // 2
 */
export function parseSource(text: string): SourceText {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  const problems: Problem[] = doc.errors.map((e) => ({
    path: [],
    code: 'yaml_syntax',
    message: e.message,
    severity: 'error',
    line: counter.linePos(e.pos[0]).line,
  }));
  const lineOf = (path: readonly (string | number)[]) => {
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
      const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
      if (range) return counter.linePos(range[0]).line;
    }
    return undefined;
  };
  return { data: problems.length > 0 ? null : doc.toJS(), problems, lineOf };
}

/** Problems with the line their path points at, in line order (problems without one last). */
export function withLines(problems: readonly Problem[], source: SourceText): Problem[] {
  return problems
    .map((p) => (p.line !== undefined ? p : { ...p, line: source.lineOf(p.path) }))
    .sort((a, b) => (a.line ?? Number.MAX_SAFE_INTEGER) - (b.line ?? Number.MAX_SAFE_INTEGER));
}
