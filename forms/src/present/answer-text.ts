import { asEvidence } from '../engine/answer-shape.ts';
import type { Definition } from '../schema/definition.ts';
import type { Locale } from '../schema/enums.ts';
import type { Item, Option } from '../schema/item.ts';
import { isNotApplicable } from '../schema/not-applicable.ts';
import { formatDate, formatNumber, textOf, translate } from './translate.ts';

export interface AnswerTextContext {
  scales: Definition['scales'];
  /** Derived values by id, as scored (`ScoreResult.derived`), for computed items. */
  derived?: Readonly<Record<string, number | null>> | undefined;
  locale?: Locale | undefined;
}

/** A number with its unit; "比率" values are fractions, which read better as percentages. */
export function quantity(n: number, unit: string | undefined, locale: Locale = 'zh'): string {
  if (unit === '比率') return `${formatNumber(Math.round(n * 1000) / 10, locale)}%`;
  if (!unit) return formatNumber(n, locale);
  return unit === '%' ? `${formatNumber(n, locale)}%` : `${formatNumber(n, locale)} ${unit}`;
}

// Malformed answers score as unanswered; whoever reads still sees what was sent.
const raw = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

/**
 * One item's answer in words, the same on the questionnaire, the review
 * console, the results page, the PDF and the workbook: yes/no, option and
 * level labels, numbers with unit and period (ratios as percentages),
 * dates, evidence, or "not applicable" with the respondent's reason.
 *
 * @example answerText(scaleItem, 2, { scales }) // "已实施（2 级）"
 */
export function answerText(item: Item, value: unknown, ctx: AnswerTextContext): string {
  const locale = ctx.locale ?? 'zh';
  const t = (k: Parameters<typeof translate>[1], p?: Parameters<typeof translate>[2]) =>
    translate(locale, k, p);
  const option = (options: readonly Option[], id: unknown) => {
    const o = options.find((x) => x.id === id);
    return o ? textOf(o.label, locale) : raw(id);
  };
  if (item.kind === 'computed') {
    const d = ctx.derived?.[item.value];
    return d == null
      ? t('answer.computedMissing')
      : t('answer.computedValue', { value: quantity(d, item.unit, locale) });
  }
  if (value === undefined || value === null) return t('answer.none');
  if (isNotApplicable(value))
    return value.reason?.trim()
      ? t('answer.notApplicableWhy', { reason: value.reason.trim() })
      : t('answer.notApplicable');
  switch (item.kind) {
    case 'yesno':
      return value === true ? t('answer.yes') : value === false ? t('answer.no') : raw(value);
    case 'single':
      return option(item.options, value);
    case 'multi':
      if (!Array.isArray(value)) return raw(value);
      return value.length === 0
        ? t('answer.noneSelected')
        : value.map((id) => option(item.options, id)).join(t('list.sep'));
    case 'scale': {
      const level = ctx.scales[item.scale]?.find((l) => l.value === value);
      return level
        ? t('answer.level', { label: textOf(level.label, locale), value: level.value })
        : raw(value);
    }
    case 'number': {
      if (typeof value !== 'number') return raw(value);
      const q = quantity(value, item.unit, locale);
      return item.period ? t('answer.withPeriod', { value: q, period: item.period }) : q;
    }
    case 'date':
      return typeof value === 'string' ? formatDate(value, locale) : raw(value);
    case 'text':
      return typeof value === 'string' ? value.trim() || t('answer.none') : raw(value);
    case 'evidence': {
      const e = asEvidence(value);
      if (!e) return raw(value);
      const parts: string[] = [];
      if (e.files.length > 0)
        parts.push(t('answer.files', { names: e.files.map((f) => f.name).join(t('list.sep')) }));
      if (e.ref?.trim()) parts.push(t('answer.ref', { ref: e.ref.trim() }));
      if (e.note?.trim()) parts.push(t('answer.note', { note: e.note.trim() }));
      return parts.join('\n');
    }
  }
}
