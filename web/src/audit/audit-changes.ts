import { formatScore, JudgedStatus } from '@zhiping/forms';
import type { Translate } from '../i18n/locale.tsx';
import type { AuditEntry } from '../review/types.ts';

/** One line of "what changed": a field, its old value and its new one, in words. */
export interface AuditChange {
  field: string;
  from: string;
  to: string;
}

const NONE = '—';
const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
// The engine's enum, not a restated list (test/architecture.test.ts).
const isJudged = (v: unknown): v is JudgedStatus => JudgedStatus.safeParse(v).success;

/** A judgement as the audit stores it ({verdict, status, points}), in the review's words. */
export function judgementWords(j: unknown, t: Translate): string {
  if (!isRecord(j)) return NONE;
  if (j.verdict === 'agree') return t('reviewVerdict.agree');
  if (j.verdict !== 'override') return NONE;
  const status = isJudged(j.status) ? t(`itemStatus.${j.status}`) : '';
  const points = typeof j.points === 'number' ? ` (${j.points})` : '';
  return `${t('reviewVerdict.override')} → ${status}${points}`;
}

/** Scores as every page prints them (one decimal), so the trail reads like the results. */
const score = (v: unknown): string => (typeof v === 'number' ? formatScore(v) : plain(v));
const plain = (v: unknown): string =>
  v === null || v === undefined || v === '' ? NONE : typeof v === 'string' ? v : JSON.stringify(v);

/**
 * The old → new of an audit entry, read from its detail: the API records
 * the judgement it replaced (`previous`), the self and reviewed scores of a
 * decision, the seal a reopening superseded. Other details are listed as
 * they are (new values only).
 */
export function changesOf(e: AuditEntry, t: Translate): AuditChange[] {
  const d = e.detail;
  switch (e.action) {
    case 'reviewed':
    case 'settled':
      if (typeof d.item === 'string')
        return [{ field: d.item, from: judgementWords(d.previous, t), to: judgementWords(d, t) }];
      if (Array.isArray(d.items))
        return [{ field: d.items.join(t('list.sep')), from: NONE, to: judgementWords(d, t) }];
      return [];
    case 'decided':
      return [
        { field: t('score.reviewed'), from: score(d.selfScore), to: score(d.score) },
        ...(d.agreeRest === true
          ? [{ field: t('audit.agreeRest'), from: NONE, to: plain(d.agreedUnjudged) }]
          : []),
      ];
    case 'reopened':
      return [{ field: 'seal', from: plain(d.previousSeal), to: NONE }];
    case 'replied':
      return [{ field: plain(d.item), from: NONE, to: plain(d.text) }];
    default:
      return Object.entries(d)
        .filter(([k]) => k !== 'round')
        .map(([k, v]) => ({ field: k, from: NONE, to: plain(v) }));
  }
}
