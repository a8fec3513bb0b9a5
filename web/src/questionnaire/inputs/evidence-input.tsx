import { type ChangeEvent, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { useT } from '../../i18n/locale.tsx';
import { useEvidenceFiles } from '../evidence-context.tsx';
import type { InputProps } from './input-props.ts';

/** The server's default per-file limit (FILE_LIMIT), as the hint under the picker says. */
const FILE_LIMIT = 10 * 1024 * 1024;

interface EvidenceDraft {
  files: { id: string; name: string }[];
  ref?: string;
  note?: string;
}

function asDraft(v: unknown): EvidenceDraft {
  if (typeof v !== 'object' || v === null) return { files: [] };
  const e = v as Partial<EvidenceDraft>;
  return {
    files: Array.isArray(e.files) ? e.files : [],
    ...(typeof e.ref === 'string' ? { ref: e.ref } : {}),
    ...(typeof e.note === 'string' ? { note: e.note } : {}),
  };
}

/**
 * Evidence: where it is kept and a note, plus the files an auditor will ask
 * for. Files are uploaded as they are picked; the answer records their ids.
 */
export function EvidenceInput(p: InputProps) {
  const t = useT();
  const files = useEvidenceFiles();
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const v = asDraft(p.value);
  const set = (patch: Partial<EvidenceDraft>) => p.onChange({ ...v, ...patch });
  const onFiles = async (e: ChangeEvent<HTMLInputElement>) => {
    const picked = Array.from(e.target.files ?? []);
    e.target.value = '';
    if (!files || picked.length === 0) return;
    setUploading(true);
    setUploadError(null);
    const stored: { id: string; name: string }[] = [];
    for (const f of picked) {
      // Said before sending, not after uploading megabytes the server refuses.
      if (f.size > FILE_LIMIT) {
        setUploadError(t('q.fileTooLarge', { name: f.name }));
        continue;
      }
      try {
        // Keep only what the answer records; the upload's other facts stay on the server.
        const { id, name } = await files.upload(f);
        stored.push({ id, name });
      } catch (err) {
        const why =
          err instanceof ApiError ? (err.problem.detail ?? err.problem.title) : String(err);
        setUploadError(`${f.name}：${why}`);
      }
    }
    setUploading(false);
    if (stored.length > 0) set({ files: [...v.files, ...stored].slice(0, 20) });
  };
  const common = {
    'aria-describedby': p.describedBy || undefined,
    'aria-invalid': p.invalid || undefined,
    disabled: p.disabled,
    onBlur: p.onBlur,
  };
  return (
    <fieldset className="zp-evidence" aria-labelledby={p.labelledBy}>
      <label htmlFor={`${p.id}-ref`}>{t('q.evidenceRef')}</label>
      <input
        id={`${p.id}-ref`}
        {...common}
        className="zp-input"
        aria-required={p.required}
        value={v.ref ?? ''}
        onChange={(e) => set({ ref: e.target.value })}
        maxLength={500}
      />
      <label htmlFor={`${p.id}-note`}>{t('q.evidenceNote')}</label>
      <textarea
        id={`${p.id}-note`}
        {...common}
        className="zp-input"
        rows={2}
        value={v.note ?? ''}
        onChange={(e) => set({ note: e.target.value })}
        maxLength={2000}
      />
      <label htmlFor={`${p.id}-files`}>{t('q.evidenceFiles')}</label>
      <input
        id={`${p.id}-files`}
        type="file"
        multiple
        onChange={(e) => void onFiles(e)}
        disabled={p.disabled || !files || uploading}
        aria-describedby={`${p.id}-files-hint`}
      />
      <span id={`${p.id}-files-hint`} className="zp-muted">
        {uploading ? t('q.uploading') : t('q.evidenceFilesHint')}
      </span>
      {uploadError ? (
        <span role="alert" className="zp-error">
          {uploadError}
        </span>
      ) : null}
      {v.files.length > 0 ? (
        <ul className="zp-files">
          {v.files.map((f) => (
            <li key={f.id}>
              {files ? (
                <a href={files.url(f.id)} target="_blank" rel="noreferrer">
                  {f.name}
                </a>
              ) : (
                f.name
              )}
              <button
                type="button"
                className="zp-link"
                aria-label={t('q.removeFile', { name: f.name })}
                onClick={() => set({ files: v.files.filter((x) => x.id !== f.id) })}
                disabled={p.disabled}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </fieldset>
  );
}
