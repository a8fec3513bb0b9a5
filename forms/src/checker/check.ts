import { CycleError, dependencyGraph, topologicalOrder } from '../engine/compile.ts';
import { exprRefs } from '../engine/expr.ts';
import { scorerFor } from '../engine/item-points.ts';
import { fromZod, type Problem, problem } from '../problem.ts';
import { isDocumentCitation } from '../schema/citation.ts';
import { Definition, Overlay } from '../schema/definition.ts';
import type { Source } from '../schema/source.ts';
import { checkConsistency } from './consistency.ts';
import { checkThresholdCitations } from './thresholds.ts';
import { checkGateInputs, checkTiers } from './tiers.ts';
import { checkCondition, type RefTarget } from './types.ts';
import {
  citationsWithPaths,
  conditionsWithPaths,
  itemsWithPaths,
  sectionsWithPaths,
} from './walk.ts';

export interface CheckContext {
  /** The source catalogue; without it citation sources are not checked. */
  sources?: ReadonlyMap<string, Source>;
}

/**
 * Parses a raw definition file (a definition, or an overlay when it has
 * `extends`), listing every schema problem with its path.
 */
export function parseDefinitionFile(raw: unknown): {
  file: Definition | Overlay | null;
  problems: Problem[];
} {
  const isOverlayFile = typeof raw === 'object' && raw !== null && 'extends' in raw;
  const r = (isOverlayFile ? Overlay : Definition).safeParse(raw);
  return r.success ? { file: r.data, problems: [] } : { file: null, problems: fromZod(r.error) };
}

/**
 * Everything wrong with a parsed definition, at once: duplicate and unknown
 * ids, type mismatches in conditions, cycles, unreachable tiers, unknown
 * citation sources. Warnings (missing citations) do not make it invalid.
 *
 * @example checkDefinition(def, { sources }).filter((p) => p.severity === 'error')
 */
export function checkDefinition(def: Definition, ctx: CheckContext = {}): Problem[] {
  const out: Problem[] = [];
  const sections = sectionsWithPaths(def);
  const items = itemsWithPaths(def);

  const seen = new Map<string, string>();
  const unique = (id: string, what: string, path: (string | number)[]) => {
    const prev = seen.get(id);
    if (prev)
      out.push(problem([...path, 'id'], 'duplicate_id', `"${id}" is already used by a ${prev}`));
    else seen.set(id, what);
  };
  for (const { value: s, path } of sections) {
    unique(`section:${s.id}`, 'section', path);
    if (s.items.length > 0 && s.sections.length > 0) {
      out.push(
        problem(
          path,
          'mixed_section',
          `section "${s.id}" has both items and sub-sections; move its items into a sub-section`,
        ),
      );
    }
    if (s.items.length === 0 && s.sections.length === 0) {
      out.push(problem(path, 'empty_section', `section "${s.id}" has no items`));
    }
  }
  for (const { value: item, path } of items) unique(item.id, 'item', path);
  def.derived.forEach((d, i) => {
    unique(d.id, 'derived value', ['derived', i]);
  });
  const dupes = (ids: string[], path: (string | number)[], what: string) => {
    const s = new Set<string>();
    ids.forEach((id, i) => {
      if (s.has(id)) out.push(problem([...path, i], 'duplicate_id', `duplicate ${what} "${id}"`));
      s.add(id);
    });
  };
  dupes(
    def.gates.map((g) => g.id),
    ['gates'],
    'gate',
  );
  dupes(
    def.tiers.map((t) => t.id),
    ['tiers'],
    'tier',
  );
  for (const [name, levels] of Object.entries(def.scales)) {
    dupes(
      levels.map((l) => String(l.value)),
      ['scales', name],
      'scale level',
    );
  }

  const itemById = new Map(items.map(({ value }) => [value.id, value]));
  const derivedIds = new Set(def.derived.map((d) => d.id));
  const lookup = (ref: string): RefTarget | undefined => {
    const item = itemById.get(ref);
    if (item) return { kind: 'item', item };
    return derivedIds.has(ref) ? { kind: 'derived' } : undefined;
  };

  for (const { value: item, path } of items) {
    if (item.kind === 'single' || item.kind === 'multi')
      dupes(
        item.options.map((o) => o.id),
        [...path, 'options'],
        'option',
      );
    if (item.kind === 'scale' && !def.scales[item.scale]) {
      out.push(
        problem(
          [...path, 'scale'],
          'unknown_ref',
          `unknown scale "${item.scale}" (defined: ${Object.keys(def.scales).join(', ') || 'none'})`,
        ),
      );
    }
    if (item.kind === 'computed' && !derivedIds.has(item.value)) {
      out.push(
        problem([...path, 'value'], 'unknown_ref', `"${item.value}" is not a derived value`),
      );
    }
    if (
      item.kind === 'number' &&
      item.min !== undefined &&
      item.max !== undefined &&
      item.min > item.max
    ) {
      out.push(
        problem([...path, 'min'], 'invalid_range', `min ${item.min} is above max ${item.max}`),
      );
    }
    const scorer = scorerFor(item, def.scales);
    if (item.recommendation === undefined && scorer.max > 0) {
      out.push(
        problem(
          path,
          'no_recommendation',
          `scored item "${item.id}" says nothing about what to do when unmet`,
          'warning',
        ),
      );
    }
  }
  for (const { value, path } of conditionsWithPaths(def))
    checkCondition(value, path, lookup, def, out);

  def.derived.forEach((d, i) => {
    for (const ref of exprRefs(d.expr)) {
      const t = lookup(ref);
      if (!t)
        out.push(
          problem(['derived', i, 'expr'], 'unknown_ref', `unknown item or derived value "${ref}"`),
        );
      else if (
        t.kind === 'item' &&
        !['number', 'computed', 'scale', 'date'].includes(t.item.kind)
      ) {
        out.push(
          problem(
            ['derived', i, 'expr'],
            'type_mismatch',
            `"${ref}" is ${t.item.kind}, not a number`,
          ),
        );
      } else if (t.kind === 'item' && t.item.kind === 'date' && readsBare(d.expr, ref)) {
        out.push(
          problem(
            ['derived', i, 'expr'],
            'type_mismatch',
            `the date "${ref}" can only be used in elapsed`,
          ),
        );
      }
    }
  });

  try {
    topologicalOrder(dependencyGraph(def));
  } catch (e) {
    if (!(e instanceof CycleError)) throw e;
    const names = e.cycle.map((k) => k.slice(2));
    out.push(problem([], 'cycle', `circular dependency: ${names.join(' → ')}`));
  }

  out.push(...checkTiers(def));
  out.push(...checkGateInputs(def));
  out.push(...checkConsistency(def, itemById));
  out.push(...checkCitations(def, ctx));
  return out;
}

/** Whether `expr` reads `ref` anywhere as a plain value, not through elapsed or monthsSince. */
function readsBare(expr: Definition['derived'][number]['expr'], ref: string): boolean {
  if (typeof expr === 'number') return false;
  if ('op' in expr && (expr.op === 'monthsSince' || expr.op === 'elapsed')) return false;
  if ('ref' in expr) return expr.ref === ref;
  const kids: unknown[] =
    'args' in expr
      ? expr.args
      : 'value' in expr
        ? [expr.value, expr.population]
        : 'previous' in expr
          ? [expr.current, expr.previous]
          : [expr.current, expr.base];
  return kids.some((k) => readsBare(k as typeof expr, ref));
}

function checkCitations(def: Definition, ctx: CheckContext): Problem[] {
  const out: Problem[] = [];
  for (const { value: item, path } of itemsWithPaths(def)) {
    if (item.citations.length === 0)
      out.push(problem(path, 'no_citation', `item "${item.id}" cites no source`, 'warning'));
  }
  def.gates.forEach((g, i) => {
    if (g.citations.length === 0)
      out.push(problem(['gates', i], 'no_citation', `gate "${g.id}" cites no source`, 'warning'));
  });
  const catalogue = ctx.sources;
  if (catalogue) out.push(...checkThresholdCitations(def, catalogue));
  if (catalogue) {
    def.sources.forEach((s, i) => {
      if (!catalogue.has(s))
        out.push(
          problem(['sources', i], 'unknown_source', `"${s}" is not in the source catalogue`),
        );
    });
  }
  for (const { value: c, path } of citationsWithPaths(def)) {
    const id = isDocumentCitation(c) ? c.source : c.standard;
    const key = isDocumentCitation(c) ? 'source' : 'standard';
    const known = catalogue?.get(id);
    if (catalogue && !known) {
      out.push(problem([...path, key], 'unknown_source', `"${id}" is not in the source catalogue`));
    } else if (known && known.kind !== (isDocumentCitation(c) ? 'document' : 'standard')) {
      out.push(
        problem(
          [...path, key],
          'wrong_source_kind',
          `"${id}" is a ${known.kind}: cite it with "${known.kind === 'standard' ? 'standard/clause' : 'source/article'}"`,
        ),
      );
    } else if (!def.sources.includes(id)) {
      out.push(
        problem(
          [...path, key],
          'undeclared_source',
          `"${id}" is cited but not listed in the definition's sources`,
          'warning',
        ),
      );
    }
  }
  return out;
}
