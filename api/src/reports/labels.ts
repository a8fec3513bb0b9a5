import { type GateOutcome, type Text, zh } from '@zhiping/forms';
import type { AssessmentStatus, ReportDecision } from './types.ts';

/** The Chinese of a definition's `Text` (reports are zh-CN); '' when absent. */
export const zhText = (t: Text | null | undefined): string => (t == null ? '' : zh(t));

export const ASSESSMENT_STATUS_LABEL: Record<AssessmentStatus, string> = {
  draft: '草稿',
  submitted: '已提交',
  in_review: '审核中',
  returned: '已退回',
  decided: '已决定',
};

export const GATE_OUTCOME_LABEL: Record<GateOutcome, string> = {
  passed: '通过',
  failed: '未通过',
  unknown: '待定（缺少答案）',
};

export const DECISION_LABEL: Record<ReportDecision['outcome'], string> = {
  approve: '批准',
  return: '退回修改',
};

/** Shown wherever a criterion, section or citation is marked `unverified`. */
export const UNVERIFIED = '待确认';

/** The 0–100 total as every report prints it (tests look for this exact string). */
export const formatScore = (n: number): string => n.toFixed(1);

/** Item points: at most two decimals, no trailing zeros ("3.5", "10"). */
export const formatPoints = (n: number): string => String(Math.round(n * 100) / 100);

export const formatPercent = (ratio: number | null): string =>
  ratio === null ? '—' : `${(ratio * 100).toFixed(1)}%`;

const numberFormat = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 4 });
export const formatNumber = (n: number): string => numberFormat.format(n);

/** "2020-05-11" → "2020年5月11日"; anything else is returned unchanged. */
export function formatDate(d: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : d;
}

/**
 * An ISO timestamp in Beijing time. China keeps UTC+8 all year, so a fixed
 * offset is exact and the output does not depend on the server's zone.
 */
export function formatDateTime(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const b = new Date(t + 8 * 3600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${b.getUTCFullYear()}-${p(b.getUTCMonth() + 1)}-${p(b.getUTCDate())} ${p(b.getUTCHours())}:${p(b.getUTCMinutes())}（北京时间）`;
}

/**
 * The seal line printed on every page: the submission's SHA-256, or a plain
 * statement that nothing is sealed yet.
 */
export function sealText(hash: string | null, status: AssessmentStatus): string {
  if (hash) return `SHA-256: ${hash.replace(/^sha256:/i, '')}`;
  return status === 'draft' ? '草稿，未封存' : '未封存';
}

/** "gbt29490-2013" → "GB/T 29490-2013"; other ids are printed as they are. */
export function standardName(id: string): string {
  const m = /^(gbt|gb|gbz)(\d+)-(\d{4})$/.exec(id);
  if (!m) return id;
  const prefix = m[1] === 'gbt' ? 'GB/T' : m[1] === 'gbz' ? 'GB/Z' : 'GB';
  return `${prefix} ${m[2]}-${m[3]}`;
}
