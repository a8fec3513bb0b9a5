import { z } from 'zod';
import type { AuditEntry } from '../contract/index.ts';

/*
 * Old → new for the audit trail, from what each entry recorded: a
 * judgement keeps the one it replaced (`previous`), a decision the self
 * and reviewed scores, a change of state its states. Entries that do not
 * know the old value (an autosave lists the items it changed) give none.
 */

type Change = NonNullable<AuditEntry['changes']>[number];

const FIELDS = ['verdict', 'status', 'points'] as const;
const Obj = z.record(z.string(), z.unknown());
const obj = (v: unknown): Record<string, unknown> => Obj.safeParse(v).data ?? {};

/** The changes an entry records, or undefined when it records none. */
export function changesOf(action: string, detail: Record<string, unknown>): Change[] | undefined {
  const out: Change[] = [];
  if (action === 'reviewed' || action === 'settled') {
    if ('items' in detail) return undefined; // a bulk agreement: every item was unjudged
    const before = obj(detail.previous);
    for (const f of FIELDS) {
      const from = before[f] ?? null;
      const to = f === 'verdict' ? detail.verdict : (detail[f] ?? null);
      if (from !== to) out.push({ field: f, from, to });
    }
  } else if (action === 'decided') {
    out.push({
      field: 'status',
      from: 'in_review',
      to: detail.outcome === 'return' ? 'returned' : 'decided',
    });
    if (typeof detail.score === 'number' && typeof detail.selfScore === 'number')
      out.push({ field: 'score', from: detail.selfScore, to: detail.score });
  } else if (action === 'reopened') {
    out.push({ field: 'status', from: 'returned', to: 'draft' });
  } else if (action === 'lead_changed') {
    out.push({ field: 'lead', from: detail.from ?? null, to: detail.to ?? null });
  }
  return out.length > 0 ? out : undefined;
}
