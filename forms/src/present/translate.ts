import type { Text } from '../schema/common.ts';
import type { Locale } from '../schema/enums.ts';
import { enGB } from './catalogue-en.ts';
import { type MessageKey, zhCN } from './catalogue-zh.ts';

export type Params = Readonly<Record<string, string | number>>;

/** Fills `{name}` placeholders; a missing parameter stays visible rather than vanishing. */
export function fill(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, k: string) =>
    params[k] === undefined ? m : String(params[k]),
  );
}

/**
 * A catalogue message in the reader's language.
 *
 * @example translate('en', 'itemStatus.partial') // 'Partly met'
 */
export function translate(locale: Locale, key: MessageKey, params?: Params): string {
  return fill(locale === 'en' ? enGB[key] : zhCN[key], params);
}

/** A definition's own text in the reader's language; Chinese when it has no English. */
export function textOf(t: Text | null | undefined, locale: Locale = 'zh'): string {
  if (t === undefined || t === null) return '';
  if (typeof t === 'string') return t;
  return locale === 'en' && t.en ? t.en : t.zh;
}

const numberFormats = {
  zh: new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 4 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 4 }),
};
export const formatNumber = (n: number, locale: Locale = 'zh'): string =>
  numberFormats[locale].format(n);

/** The 0–100 total as every page and report prints it: one decimal. */
export const formatScore = (n: number): string => n.toFixed(1);

/** "2020-05-11" → "2020年5月11日" / "11 May 2020"; anything else unchanged. */
export function formatDate(d: string, locale: Locale = 'zh'): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
  if (!m) return d;
  if (locale === 'zh') return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
  const months = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');
  return `${Number(m[3])} ${months[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}

/** "gbt29490-2013" → "GB/T 29490-2013" (also GB, GB/Z); other ids unchanged. */
export function standardName(id: string): string {
  const m = /^(gbt|gb|gbz)(\d+)-(\d{4})$/.exec(id);
  if (!m) return id;
  const prefix = m[1] === 'gbt' ? 'GB/T' : m[1] === 'gbz' ? 'GB/Z' : 'GB';
  return `${prefix} ${m[2]}-${m[3]}`;
}
