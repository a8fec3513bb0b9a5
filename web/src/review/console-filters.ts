import type { Compiled } from '@zhiping/forms';
import type { ConsoleItem } from './types.ts';

/** The console's filters: what a reviewer working through ~100 items asks to see. */
export const FILTERS = [
  'all',
  'todo',
  'changed',
  'overridden',
  'evidence',
  'unmet',
  'gates',
] as const;
export type ConsoleFilter = (typeof FILTERS)[number];

/** My judgement counts for this round: given, and not waiting for a recheck (待复核). */
export const isJudged = (ci: ConsoleItem): boolean =>
  ci.mine !== null && ci.mine.state === 'current';

/** A judgement from an earlier round whose answer has changed since: it applies to no score. */
export const needsRecheck = (ci: ConsoleItem): boolean => ci.mine?.state === 'needs-recheck';

/** The items any gate reads: a reviewer checks these first (they decide eligibility, not points). */
export function gateItemIds(compiled: Compiled): Set<string> {
  const ids = new Set<string>();
  for (const inputs of compiled.gateInputs.values())
    for (const i of inputs) {
      const id = compiled.items[i]?.item.id;
      if (id !== undefined) ids.add(id);
    }
  return ids;
}

export interface FilterContext {
  /** Whether the respondent's answer cites evidence files. */
  hasEvidence: (item: string) => boolean;
  gateItems: ReadonlySet<string>;
}

/**
 * Whether an item shows under a filter. "Overridden" looks at the judgement
 * that applies (the lead's settlement, else mine); "unmet" at the status the
 * respondent gave — what a reviewer wants to look at twice.
 */
export function matches(filter: ConsoleFilter, ci: ConsoleItem, ctx: FilterContext): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'todo':
      return ci.applicable && !isJudged(ci);
    case 'changed':
      return ci.changed !== null;
    case 'overridden':
      return (ci.final ?? ci.mine)?.verdict === 'override';
    case 'evidence':
      return ctx.hasEvidence(ci.item);
    case 'unmet':
      return ci.selfStatus === 'unmet' || ci.selfStatus === 'partial';
    case 'gates':
      return ctx.gateItems.has(ci.item);
  }
}

/** 已评 x/N: applicable items I have judged this round, of all applicable ones. */
export function progressOf(items: readonly ConsoleItem[]): {
  judged: number;
  total: number;
  recheck: number;
} {
  let judged = 0;
  let total = 0;
  let recheck = 0;
  for (const ci of items) {
    if (!ci.applicable) continue;
    total++;
    if (isJudged(ci)) judged++;
    else if (needsRecheck(ci)) recheck++;
  }
  return { judged, total, recheck };
}

/**
 * The items of a section a bulk agree records: applicable ones I have not
 * judged at all. Changed answers and 待复核 items are left out on purpose —
 * what the respondent changed is what the reviewer must look at one by one.
 */
export const bulkAgreeable = (items: readonly ConsoleItem[]): string[] =>
  items
    .filter((ci) => ci.applicable && ci.mine === null && ci.changed === null)
    .map((ci) => ci.item);
