import {
  type AssessmentStatus,
  DEFAULT_TIME_ZONE,
  formatScore as sharedFormatScore,
  translate,
} from '@zhiping/forms';

/*
 * What only the reports format: points, percentages, timestamps and the
 * seal line. Statuses, outcomes, answers and reasons come from the shared
 * catalogues in `@zhiping/forms` (present/), as on every web page.
 */

/** Shown wherever a criterion, section or citation is marked `unverified`. */
export const UNVERIFIED = translate('zh', 'unverified');

/** The 0–100 total as every report prints it (tests look for this exact string). */
export const formatScore = sharedFormatScore;

/** Item points: at most two decimals, no trailing zeros ("3.5", "10"). */
export const formatPoints = (n: number): string => String(Math.round(n * 100) / 100);

export const formatPercent = (ratio: number | null): string =>
  ratio === null ? '—' : `${(ratio * 100).toFixed(1)}%`;

const zoneNames: Record<string, string> = { 'Asia/Shanghai': '北京时间', UTC: 'UTC' };

/**
 * An ISO timestamp in the organisation's time zone (Beijing time unless
 * configured otherwise), named after the time, so a printed report never
 * depends on the server's own zone.
 */
export function formatDateTime(iso: string, timeZone: string = DEFAULT_TIME_ZONE): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(t))
      .map((p) => [p.type, p.value]),
  );
  const name = zoneNames[timeZone] ?? timeZone;
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}（${name}）`;
}

/**
 * The seal line printed on every page: the submission's SHA-256, or a plain
 * statement that nothing is sealed yet.
 */
export function sealText(hash: string | null, status: AssessmentStatus): string {
  if (hash) return `SHA-256: ${hash.replace(/^sha256:/i, '')}`;
  return status === 'draft' ? '草稿，未封存' : '未封存';
}
