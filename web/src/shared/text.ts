import type { Text } from '@zhiping/forms';
import type { Locale } from '../i18n/locale.tsx';

/** A definition's text in the reader's language; Chinese when no English is given. */
export function text(t: Text | undefined | null, locale: Locale = 'zh'): string {
  if (t === undefined || t === null) return '';
  if (typeof t === 'string') return t;
  return locale === 'en' && t.en ? t.en : t.zh;
}

/** "gbt29490-2023" → "GB/T 29490-2023": how people write a standard's number. */
export function standardName(id: string): string {
  const m = /^gbt(\d+)-(\d{4})$/.exec(id);
  return m ? `GB/T ${m[1]}-${m[2]}` : id;
}

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
