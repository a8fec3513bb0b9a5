import './unread.css';
import { Link } from 'react-router';
import { useT } from '../i18n/locale.tsx';
import { useUnreadCount } from './notifications-api.ts';

/** The header's way to the inbox, with the number of unread notifications (kept tiny: it is on every page). */
export function UnreadLink({ signedIn }: { signedIn: boolean }) {
  const t = useT();
  const unread = useUnreadCount(signedIn).data ?? 0;
  if (!signedIn) return null;
  return (
    <Link
      to="/notifications"
      className="zp-inbox-link"
      // The visible words are the name ("通知 3"; axe: label-content-name-mismatch); the
      // sentence is the tooltip.
      title={unread > 0 ? t('inbox.linkUnread', { n: unread }) : undefined}
    >
      {t('inbox.title')}{' '}
      {unread > 0 ? (
        <span className="zp-badge" data-testid="unread-count">
          {unread}
        </span>
      ) : null}
    </Link>
  );
}
