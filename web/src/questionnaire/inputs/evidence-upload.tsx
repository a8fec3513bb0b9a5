import { type DragEvent, memo, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { useT } from '../../i18n/locale.tsx';
import type { EvidenceFiles } from '../evidence-context.tsx';

/** The server's default per-file limit (FILE_LIMIT), as the hint under the picker says. */
const FILE_LIMIT = 10 * 1024 * 1024;

interface Props {
  id: string;
  files: EvidenceFiles | null;
  disabled?: boolean | undefined;
  /** Files stored, in the order they were given. */
  onStored: (stored: { id: string; name: string }[]) => void;
}

interface Sending {
  key: string;
  name: string;
  fraction: number;
}

/**
 * Where files are given: dropped on the zone or picked with the file input
 * inside it (the keyboard's way: Tab to it, Enter or Space opens the
 * picker). Each file over the limit is refused before anything is sent;
 * the rest upload one after another, each with its progress.
 */
export const EvidenceUpload = memo(function EvidenceUpload(p: Props) {
  const t = useT();
  const [sending, setSending] = useState<Sending[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [over, setOver] = useState(false);
  const busy = sending.length > 0;
  const off = p.disabled || !p.files || busy;

  const take = async (picked: File[]) => {
    const files = p.files;
    if (!files || picked.length === 0) return;
    setError(null);
    const problems: string[] = [];
    // Said before sending, not after uploading megabytes the server refuses.
    const fit = picked.filter((f) => {
      if (f.size <= FILE_LIMIT) return true;
      problems.push(t('q.fileTooLarge', { name: f.name }));
      return false;
    });
    const queue = fit.map((f, i) => ({ key: `${i}-${f.name}`, name: f.name, fraction: 0 }));
    setSending(queue);
    const stored: { id: string; name: string }[] = [];
    for (const [i, f] of fit.entries()) {
      const key = queue[i]?.key;
      try {
        // Keep only what the answer records; the upload's other facts stay on the server.
        const { id, name } = await files.upload(f, (fraction) =>
          setSending((s) => s.map((x) => (x.key === key ? { ...x, fraction } : x))),
        );
        stored.push({ id, name });
      } catch (err) {
        const why =
          err instanceof ApiError ? (err.problem.detail ?? err.problem.title) : String(err);
        problems.push(`${f.name}：${why}`);
      }
      setSending((s) => s.filter((x) => x.key !== key));
    }
    setSending([]);
    if (problems.length > 0) setError(problems.join('\n'));
    if (stored.length > 0) p.onStored(stored);
  };

  const drop = (e: DragEvent<HTMLFieldSetElement>) => {
    e.preventDefault();
    setOver(false);
    if (!off) void take(Array.from(e.dataTransfer.files));
  };
  return (
    <>
      <fieldset
        className={`zp-drop${over ? ' zp-drop-over' : ''}${off ? ' zp-drop-off' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          e.dataTransfer.dropEffect = off ? 'none' : 'copy';
          if (!over) setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
        data-testid="evidence-drop"
        // A drop target for the mouse; the keyboard's way in is the file input inside.
        aria-labelledby={`${p.id}-files-label`}
      >
        <label id={`${p.id}-files-label`} htmlFor={`${p.id}-files`}>
          {t('q.evidenceFiles')}
        </label>
        <span className="zp-muted" aria-hidden="true">
          {t('q.dropFiles')}
        </span>
        <input
          id={`${p.id}-files`}
          type="file"
          multiple
          onChange={(e) => {
            const picked = Array.from(e.target.files ?? []);
            e.target.value = '';
            void take(picked);
          }}
          disabled={off}
          aria-describedby={`${p.id}-files-hint`}
        />
        <span id={`${p.id}-files-hint`} className="zp-muted">
          {t('q.evidenceFilesHint')}
        </span>
      </fieldset>
      {busy ? (
        <ul className="zp-uploads" aria-live="polite">
          {sending.map((s) => (
            <li key={s.key}>
              <span>{s.name}</span>{' '}
              <progress
                max={1}
                value={s.fraction}
                aria-label={t('q.uploadProgress', { name: s.name })}
              />{' '}
              <span className="zp-muted">{Math.round(s.fraction * 100)}%</span>
            </li>
          ))}
        </ul>
      ) : null}
      {error ? (
        <span role="alert" className="zp-error zp-upload-error">
          {error}
        </span>
      ) : null}
    </>
  );
});
