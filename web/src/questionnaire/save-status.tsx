import { CheckOutlined, CloudUploadOutlined, WarningOutlined } from '@ant-design/icons';
import { memo, type ReactNode, useSyncExternalStore } from 'react';
import { ApiError } from '../api/client.ts';
import type { Translate } from '../i18n/locale.tsx';
import { Button } from '../shared/button.tsx';
import { clock } from '../shared/text.ts';
import type { SaveSource, SaveState } from './use-autosave.ts';

/**
 * The save status, following the autosave machine itself: its changes (every
 * pause in typing passes pending → saving → saved) re-render this alone, not
 * the questionnaire around it.
 */
export const SaveStatus = memo(function SaveStatus(p: {
  source: SaveSource;
  onRetry: () => void;
  t: Translate;
}) {
  const { state, heldBack } = useSyncExternalStore(p.source.subscribe, p.source.getSnapshot);
  return <SaveStatusText state={state} heldBack={heldBack} onRetry={p.onRetry} t={p.t} />;
});

/** 保存中… / 已保存 14:05 / 保存失败, announced politely to screen readers. */
function SaveStatusText({
  state,
  heldBack,
  onRetry,
  t,
}: {
  state: SaveState;
  heldBack: number;
  onRetry: () => void;
  t: Translate;
}) {
  let body: ReactNode;
  switch (state.kind) {
    case 'idle':
      body = t('save.idle');
      break;
    case 'pending':
      body = t('save.pending');
      break;
    case 'saving':
      body = (
        <>
          <CloudUploadOutlined /> {t('save.saving')}
        </>
      );
      break;
    case 'saved':
      body = (
        <>
          <CheckOutlined /> {t('save.saved', { time: clock(new Date(state.at)) })}
        </>
      );
      break;
    case 'error':
      body = offline(state.error) ? (
        <>
          <CloudUploadOutlined /> {t('save.offline')}
          <Button size="small" type="link" onClick={onRetry}>
            {t('save.retry')}
          </Button>
        </>
      ) : (
        <>
          <WarningOutlined /> {t('save.failed')}
          {whyFailed(state.error, t)}
          <Button size="small" type="link" onClick={onRetry}>
            {t('save.retry')}
          </Button>
        </>
      );
      break;
    case 'conflict':
      body = (
        <>
          <WarningOutlined /> {t('save.conflict')}
        </>
      );
      break;
    case 'locked':
      body = (
        <>
          <WarningOutlined /> {t('save.locked')}
        </>
      );
      break;
  }
  return (
    <div
      className={`zp-save zp-save-${state.kind === 'error' && offline(state.error) ? 'offline' : state.kind}`}
      role="status"
      aria-live="polite"
    >
      {body}
      {heldBack > 0 ? (
        <span className="zp-muted"> · {t('save.heldBack', { n: heldBack })}</span>
      ) : null}
    </div>
  );
}

/** The server could not be reached: the changes wait on this device and are retried. */
const offline = (e: unknown) => e instanceof ApiError && e.status === 0;

/** ": reason" after 保存失败; the network's own wording in the reader's language. */
function whyFailed(e: unknown, t: Translate): string {
  const why =
    e instanceof ApiError && e.status === 0
      ? t('problem.network')
      : e instanceof Error
        ? e.message
        : '';
  return why ? `${t('app.colon')}${why}` : '';
}
