import type { ChangeEvent } from 'react';
import { useT } from '../../i18n/locale.tsx';
import type { InputProps } from './input-props.ts';

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

let seq = 0;
const fileId = () =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `f-${Date.now()}-${++seq}`;

/**
 * Evidence: where it is kept and a note, plus the names of the files an
 * auditor will ask for. The API stores no files, so only names are recorded.
 */
export function EvidenceInput(p: InputProps) {
  const t = useT();
  const v = asDraft(p.value);
  const set = (patch: Partial<EvidenceDraft>) => p.onChange({ ...v, ...patch });
  const onFiles = (e: ChangeEvent<HTMLInputElement>) => {
    const picked = Array.from(e.target.files ?? []).map((f) => ({ id: fileId(), name: f.name }));
    if (picked.length > 0) set({ files: [...v.files, ...picked].slice(0, 20) });
    e.target.value = '';
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
        onChange={onFiles}
        disabled={p.disabled}
        aria-describedby={`${p.id}-files-hint`}
      />
      <span id={`${p.id}-files-hint`} className="zp-muted">
        {t('q.evidenceFilesHint')}
      </span>
      {v.files.length > 0 ? (
        <ul className="zp-files">
          {v.files.map((f) => (
            <li key={f.id}>
              {f.name}
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
