import { type Problem, problem } from '../problem.ts';
import { isDocumentCitation } from '../schema/citation.ts';
import type { Condition } from '../schema/condition.ts';
import type { Definition } from '../schema/definition.ts';
import type { Source } from '../schema/source.ts';

const CHINESE = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** The numbers a gate's condition compares against (0 says "any", not a cited figure). */
function thresholds(c: Condition, out: number[] = []): number[] {
  switch (c.op) {
    case 'all':
    case 'any':
      for (const x of c.of) thresholds(x, out);
      break;
    case 'not':
      thresholds(c.cond, out);
      break;
    case 'elapsed':
      out.push(c.amount);
      break;
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
    case 'eq':
    case 'ne':
      if (typeof c.value === 'number' && c.value !== 0) out.push(c.value);
      break;
    default:
      break;
  }
  return out;
}

/** Ways a figure may be written in a quote: 0.02 as "0.02" or "2"(%), 3 as "3" or "三". */
function spellings(n: number): string[] {
  const out = [String(n)];
  if (Math.abs(n) < 1) out.push(String(Math.round(n * 10_000) / 100));
  if (Number.isInteger(n) && n >= 0 && n <= 10) out.push(CHINESE[n] as string);
  if (n === 2) out.push('两');
  return out;
}

/**
 * Gates whose threshold is cited only to passages of the source texts that do
 * not state it: every citation quotes a document we hold, and no quote
 * contains the figure. A scheme without text in the catalogue (a regional
 * notice, certification practice) or a standard clause may state it; a quote
 * from another document that lacks the number does not support it.
 */
export function checkThresholdCitations(
  def: Definition,
  catalogue: ReadonlyMap<string, Source>,
): Problem[] {
  const out: Problem[] = [];
  def.gates.forEach((g, i) => {
    const figures = thresholds(g.condition);
    if (figures.length === 0 || g.citations.length === 0) return;
    const onlyHeldQuotes = g.citations.every(
      (c) => isDocumentCitation(c) && catalogue.get(c.source)?.file !== undefined,
    );
    if (!onlyHeldQuotes) return;
    const quotes = g.citations.map((c) => (isDocumentCitation(c) ? (c.quote ?? '') : ''));
    const missing = figures.filter(
      (n) => !spellings(n).some((sp) => quotes.some((q) => q.includes(sp))),
    );
    if (missing.length > 0)
      out.push(
        problem(
          ['gates', i, 'citations'],
          'threshold_not_cited',
          `gate "${g.id}" compares with ${missing.join(', ')}, but cites only passages that do not state it: cite the scheme that sets it`,
          'warning',
        ),
      );
  });
  return out;
}
