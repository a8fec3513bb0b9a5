import { dateIn } from '@zhiping/forms';
import type { Actor } from '../auth/session.ts';
import type { AssessmentAuditQuery, AuditEntry } from '../contract/index.ts';
import { type AuditFilter, auditTrail } from '../db/repositories/audit.ts';
import type { Deps } from '../deps.ts';
import { assessmentFor } from './access.ts';
import { changesOf } from './audit-changes.ts';

/*
 * An assessment's append-only log, for whoever may read the assessment
 * (respondent; reviewer for submitted rounds — a draft is a 404 to them),
 * filtered by who, what and when, as JSON or CSV.
 */

/**
 * The instant a calendar day begins in `timeZone`, as an ISO string: the
 * day's UTC midnight moved by the zone's offset on that day.
 */
export function dayStart(day: string, timeZone: string): string {
  const utc = new Date(`${day}T00:00:00Z`).getTime();
  // The zone's wall clock at that UTC instant, read back as if it were UTC, gives the offset.
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(utc));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  const wall = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return new Date(utc - (wall - utc)).toISOString();
}

const nextDay = (day: string) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

export async function auditOf(
  deps: Deps,
  actor: Actor,
  id: string,
  q: Partial<AssessmentAuditQuery> = {},
): Promise<AuditEntry[]> {
  await assessmentFor(deps.db.kysely, actor, id);
  const tz = deps.config.TIME_ZONE;
  const filter: AuditFilter = {
    actor: q.actor,
    action: q.action,
    from: q.from ? dayStart(q.from, tz) : undefined,
    to: q.to ? dayStart(nextDay(q.to), tz) : undefined,
  };
  const entries = await auditTrail(deps.db.kysely, id, filter);
  return entries.map((e) => {
    const changes = changesOf(e.action, e.detail);
    return changes ? { ...e, changes } : e;
  });
}

const cell = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

/** The log as CSV (UTF-8 with a BOM, so spreadsheet programs read the Chinese), times in the zone. */
export function auditCsv(entries: readonly AuditEntry[], timeZone: string): string {
  const time = (iso: string) => {
    const d = new Date(iso);
    const hms = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    }).format(d);
    return `${dateIn(d, timeZone)} ${hms}`;
  };
  const change = (e: AuditEntry) =>
    (e.changes ?? [])
      .map((c) => `${c.field}: ${JSON.stringify(c.from)} → ${JSON.stringify(c.to)}`)
      .join('; ');
  const lines = [['时间', '操作人', '操作', '变更', '详情'].join(',')];
  for (const e of entries)
    lines.push(
      [time(e.at), e.actor.name, e.action, change(e), JSON.stringify(e.detail)]
        .map((v) => cell(v))
        .join(','),
    );
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
