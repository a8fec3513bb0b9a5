import type { DefinitionDetail } from '@zhiping/api/contract';
import {
  checkDefinition,
  Definition,
  definitionProblemText,
  Overlay,
  type Problem,
  parseDefinitionFile,
  pathText,
  resolveOverlay,
} from '@zhiping/forms';
import { parseSource, type SourceText, withLines } from '@zhiping/forms/source';

/*
 * An uploaded definition file checked in the browser by the same checker
 * the server runs, every problem in Chinese at its line. An overlay is
 * resolved on the published base it extends (fetched by the caller).
 */

export interface Shown {
  line: number | undefined;
  where: string;
  text: string;
  severity: 'error' | 'warning';
}

export interface Checked {
  source: SourceText;
  /** The file as sent to the server (a definition or an overlay). */
  data: unknown;
  /** The resolved definition, when the file passed. */
  definition: Definition | null;
  /** The base an overlay extends, when it does. */
  extendsRef: string | null;
  problems: Shown[];
}

export const shown = (problems: readonly Problem[], source: SourceText): Shown[] =>
  withLines(problems, source).map((p) => ({
    line: p.line,
    where: pathText(p.path),
    text: definitionProblemText(p),
    severity: p.severity,
  }));

/** Parses and checks; `base` fetches the published definition an overlay extends. */
export async function checkSource(
  text: string,
  base: (ref: string) => Promise<DefinitionDetail>,
): Promise<Checked> {
  const source = parseSource(text);
  const empty = { source, data: source.data, definition: null, extendsRef: null };
  if (source.problems.length > 0) return { ...empty, problems: shown(source.problems, source) };
  const parsed = parseDefinitionFile(source.data);
  if (!parsed.file) return { ...empty, problems: shown(parsed.problems, source) };
  const overlay = Overlay.safeParse(source.data);
  if (overlay.success) {
    const ref = overlay.data.extends;
    const r = resolveOverlay(overlay.data, (await base(ref)).definition);
    const problems = [...r.problems, ...(r.definition ? checkDefinition(r.definition) : [])];
    return {
      ...empty,
      extendsRef: ref,
      definition: problems.some((p) => p.severity === 'error') ? null : r.definition,
      problems: shown(problems, source),
    };
  }
  const file = Definition.parse(source.data);
  const problems = checkDefinition(file);
  return {
    ...empty,
    definition: problems.some((p) => p.severity === 'error') ? null : file,
    problems: shown(problems, source),
  };
}

/** The server's 422 field errors (dotted paths) at their lines in the uploaded text. */
export function serverProblems(
  errors: { path: string; message: string; code?: string | undefined }[],
  source: SourceText,
): Shown[] {
  return errors.map((e) => {
    const path = e.path ? e.path.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k)) : [];
    return { line: source.lineOf(path), where: e.path, text: e.message, severity: 'error' };
  });
}
