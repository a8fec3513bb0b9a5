import {
  type Definition,
  EvidenceValue,
  type Item,
  isNotApplicable,
  type Option,
} from '@zhiping/forms';
import { formatDate, formatNumber, zhText } from './labels.ts';

/** Shown for an item with no answer. */
export const NO_ANSWER = '—';

export interface AnswerContext {
  scales: Definition['scales'];
  /** Derived values by id, as scored (`ScoreResult.derived`). */
  derived: Readonly<Record<string, number | null>>;
}

const optionLabel = (options: readonly Option[], id: unknown): string => {
  const o = options.find((x) => x.id === id);
  return o ? zhText(o.label) : String(id);
};

/** A number with its unit; "比率" values are fractions, which read better as percentages. */
export function quantity(n: number, unit: string | undefined): string {
  if (unit === '比率') return `${formatNumber(Math.round(n * 1000) / 10)}%`;
  if (!unit) return formatNumber(n);
  return unit === '%' ? `${formatNumber(n)}%` : `${formatNumber(n)} ${unit}`;
}

function evidenceText(v: unknown): string {
  const r = EvidenceValue.safeParse(v);
  if (!r.success) return fallback(v);
  const parts: string[] = [];
  if (r.data.files.length > 0) parts.push(`文件：${r.data.files.map((f) => f.name).join('、')}`);
  if (r.data.ref?.trim()) parts.push(`出处：${r.data.ref.trim()}`);
  if (r.data.note?.trim()) parts.push(`说明：${r.data.note.trim()}`);
  return parts.join('\n');
}

// Malformed answers score as unanswered; the report still shows what was sent.
const fallback = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

/**
 * The self-assessment answer of one item in words: 是/否, option and level
 * labels, numbers with their unit and period, dates, evidence file names
 * and notes, or 不适用 with the respondent's reason.
 *
 * @example answerText(yesNoItem, true, ctx) // "是"
 */
export function answerText(item: Item, value: unknown, ctx: AnswerContext): string {
  if (item.kind === 'computed') {
    const d = ctx.derived[item.value];
    return d == null ? '无法计算（缺少数据）' : `计算值：${quantity(d, item.unit)}`;
  }
  if (value === undefined || value === null) return NO_ANSWER;
  if (isNotApplicable(value))
    return value.reason?.trim() ? `不适用：${value.reason.trim()}` : '不适用';
  switch (item.kind) {
    case 'yesno':
      return value === true ? '是' : value === false ? '否' : fallback(value);
    case 'single':
      return optionLabel(item.options, value);
    case 'multi':
      if (!Array.isArray(value)) return fallback(value);
      return value.length === 0
        ? '（一项都未选）'
        : value.map((id) => optionLabel(item.options, id)).join('、');
    case 'scale': {
      const level = ctx.scales[item.scale]?.find((l) => l.value === value);
      return level ? `${zhText(level.label)}（${level.value} 级）` : fallback(value);
    }
    case 'number':
      if (typeof value !== 'number') return fallback(value);
      return `${quantity(value, item.unit)}${item.period ? `（${item.period}）` : ''}`;
    case 'date':
      return typeof value === 'string' ? formatDate(value) : fallback(value);
    case 'text':
      return typeof value === 'string' ? value.trim() || NO_ANSWER : fallback(value);
    case 'evidence':
      return evidenceText(value);
  }
}
