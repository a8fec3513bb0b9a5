import { memo } from 'react';
import type { Translate } from '../i18n/locale.tsx';
import { ProgressBar } from '../shared/progress-bar.tsx';
import { SaveStatus } from './save-status.tsx';
import type { SaveSource } from './use-autosave.ts';

interface Props {
  title: string;
  subtitle: string;
  answered: number;
  applicable: number;
  /** The autosave machine's state as it changes; null for a read-only view. */
  save: SaveSource | null;
  onRetry: () => void;
  t: Translate;
}

/** Title, autosave status and overall progress; re-renders only when one of them changes. */
export const QuestionnaireHeader = memo(function QuestionnaireHeader(p: Props) {
  const counts = { answered: p.answered, applicable: p.applicable };
  return (
    <header className="zp-q-head">
      <div>
        <h1 className="zp-q-title">{p.title}</h1>
        <div className="zp-muted">{p.subtitle}</div>
      </div>
      {p.save ? <SaveStatus source={p.save} onRetry={p.onRetry} t={p.t} /> : null}
      <ProgressBar
        className="zp-q-progress"
        percent={p.applicable > 0 ? (p.answered / p.applicable) * 100 : 0}
        label={p.t('score.progress', counts)}
      />
    </header>
  );
});
