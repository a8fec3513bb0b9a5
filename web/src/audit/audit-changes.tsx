import { useT } from '../i18n/locale.tsx';
import type { AuditChange } from '../review/types.ts';

/** A value as the audit shows it: text as is, anything else as compact JSON, nothing as —. */
export const auditValue = (v: unknown): string =>
  v === null || v === undefined || v === '' ? '—' : typeof v === 'string' ? v : JSON.stringify(v);

/** What an audit entry changed, old → new, one line per field. */
export function AuditChanges({ changes }: { changes: readonly AuditChange[] }) {
  const t = useT();
  if (changes.length === 0) return null;
  return (
    <ul className="zp-audit-changes">
      {changes.map((c) => (
        <li key={c.field} className="zp-small">
          <code>{c.field}</code>
          {t('app.colon')}
          <del>{auditValue(c.from)}</del> → <ins>{auditValue(c.to)}</ins>
        </li>
      ))}
    </ul>
  );
}
