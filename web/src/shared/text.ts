import type { Locale } from '@zhiping/forms';

/*
 * Times as the app's chrome shows them. A definition's own text, standard
 * names, answers and labels come from `@zhiping/forms` (`textOf`,
 * `standardName`, `answerText`, the catalogues), as the reports print them.
 */

export function formatTime(iso: string | null | undefined, locale: Locale = 'zh'): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(locale === 'en' ? 'en-GB' : 'zh-CN', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** hh:mm, for "已保存 14:05". */
export function clock(d: Date): string {
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}
