import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument } from 'yaml';
import type { Problem } from '../problem.ts';

export interface YamlFile {
  file: string;
  data: unknown;
  /** Problems of the YAML syntax itself. */
  problems: Problem[];
  /** The 1-based line of the node at a path (or of its nearest ancestor). */
  lineOf(path: (string | number)[]): number | undefined;
}

/** Reads a YAML file, keeping positions so problems can point at a line. */
export function readYaml(file: string): YamlFile {
  const text = readFileSync(file, 'utf8');
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  const problems: Problem[] = doc.errors.map((e) => ({
    path: [],
    code: 'yaml_syntax',
    message: e.message,
    severity: 'error',
    file,
    line: counter.linePos(e.pos[0]).line,
  }));
  const lineOf = (path: (string | number)[]) => {
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
      const range = (node as { range?: [number, number, number] } | undefined)?.range;
      if (range) return counter.linePos(range[0]).line;
    }
    return undefined;
  };
  return { file, data: doc.toJS(), problems, lineOf };
}
