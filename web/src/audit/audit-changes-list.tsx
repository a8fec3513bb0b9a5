import { useT } from '../i18n/locale.tsx';
import type { AuditEntry } from '../review/types.ts';
import { changesOf } from './audit-changes.ts';

/** What an audit entry changed, old → new, one line per field. */
export function AuditChanges({ entry }: { entry: AuditEntry }) {
  const t = useT();
  const changes = changesOf(entry, t);
  if (changes.length === 0) return null;
  return (
    <ul className="zp-audit-changes">
      {changes.map((c) => (
        <li key={c.field} className="zp-small">
          <code>{c.field}</code>
          {t('app.colon')}
          <del>{c.from}</del> → <ins>{c.to}</ins>
        </li>
      ))}
    </ul>
  );
}
