import { type Definition, type Item, isNotApplicable } from '@zhiping/forms';
import type { Locale, Translate } from '../i18n/locale.tsx';
import { text } from '../shared/text.ts';

/** A respondent's answer as a reviewer reads it, in words rather than ids. */
export function formatAnswer(
  item: Item,
  value: unknown,
  def: Definition,
  locale: Locale,
  t: Translate,
): string {
  if (value === undefined || value === null) return t('review.noAnswer');
  if (isNotApplicable(value)) {
    return value.reason
      ? `${t('item.not_applicable')}（${value.reason}）`
      : t('item.not_applicable');
  }
  switch (item.kind) {
    case 'yesno':
      return value === true ? t('q.yes') : value === false ? t('q.no') : String(value);
    case 'single':
      return text(item.options.find((o) => o.id === value)?.label, locale) || String(value);
    case 'multi':
      return Array.isArray(value)
        ? value
            .map((v) => text(item.options.find((o) => o.id === v)?.label, locale) || String(v))
            .join('、')
        : String(value);
    case 'scale': {
      const level = (def.scales[item.scale] ?? []).find((l) => l.value === value);
      return level ? `${level.value} · ${text(level.label, locale)}` : String(value);
    }
    case 'number':
      return `${String(value)}${item.unit ? ` ${item.unit}` : ''}`;
    case 'evidence': {
      const e = value as { ref?: string; note?: string; files?: { name: string }[] };
      return [e.ref, e.note, (e.files ?? []).map((f) => f.name).join('、')]
        .filter(Boolean)
        .join(' ｜ ');
    }
    default:
      return String(value);
  }
}
