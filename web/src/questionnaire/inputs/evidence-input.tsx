import { lazy, memo, Suspense, useCallback, useRef, useState } from 'react';
import { useT } from '../../i18n/locale.tsx';
import { useEvidenceFiles } from '../evidence-context.tsx';
import { EvidenceUpload } from './evidence-upload.tsx';
import type { InputProps } from './input-props.ts';
import { useTextBox } from './text-box.ts';

// The preview (and PDF.js behind it) loads only when a preview is asked for.
const EvidencePreview = lazy(() => import('./evidence-preview.tsx'));

/** Names whose files may be previewed in the page; the server's detected type decides in the end. */
const PREVIEWABLE = /\.(png|jpe?g|gif|webp|bmp|pdf)$/i;

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
 * for. Files are uploaded as they are dropped or picked, with their
 * progress; the answer records their ids. Images and PDFs open in a preview.
 */
export function EvidenceInput(p: InputProps) {
  const t = useT();
  const files = useEvidenceFiles();
  const [preview, setPreview] = useState<{ id: string; name: string } | null>(null);
  const back = useRef<HTMLButtonElement | null>(null);
  const v = asDraft(p.value);
  // The answer as typed so far (the boxes are uncontrolled and the form a frame behind): a
  // keystroke in one box, a file stored or removed keep what was typed in the other.
  const typed = useRef(p.typed);
  typed.current = p.typed;
  const now = useCallback(() => asDraft(typed.current.current()), []);
  const change = useRef(p.onChange);
  change.current = p.onChange;
  const set = (patch: Partial<EvidenceDraft>) => change.current({ ...now(), ...patch });
  // Stable, so a keystroke in one box re-renders that box alone (not the other, nor the zone).
  const typeRef = useCallback((ref: string) => typed.current.type({ ...now(), ref }), [now]);
  const typeNote = useCallback((note: string) => typed.current.type({ ...now(), note }), [now]);
  // Stable, so a keystroke in the reference or note does not re-render the upload zone.
  const onStored = useCallback(
    (stored: { id: string; name: string }[]) =>
      change.current({ ...now(), files: [...now().files, ...stored].slice(0, 20) }),
    [now],
  );
  const common = {
    describedBy: p.describedBy,
    invalid: p.invalid,
    disabled: p.disabled,
    onBlur: p.onBlur,
    pending: p.typed.pending,
  };
  return (
    <fieldset className="zp-evidence" aria-labelledby={p.labelledBy}>
      <label htmlFor={`${p.id}-ref`}>{t('q.evidenceRef')}</label>
      <EvidenceText
        {...common}
        id={`${p.id}-ref`}
        required={p.required}
        value={v.ref ?? ''}
        onType={typeRef}
        maxLength={500}
      />
      <label htmlFor={`${p.id}-note`}>{t('q.evidenceNote')}</label>
      <EvidenceText
        {...common}
        id={`${p.id}-note`}
        multiline
        value={v.note ?? ''}
        onType={typeNote}
        maxLength={2000}
      />
      <EvidenceUpload id={p.id} files={files} disabled={p.disabled} onStored={onStored} />
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
              {files && PREVIEWABLE.test(f.name) ? (
                <button
                  type="button"
                  className="zp-link"
                  aria-label={t('q.preview', { name: f.name })}
                  onClick={(e) => {
                    back.current = e.currentTarget;
                    setPreview(f);
                  }}
                >
                  {t('q.previewShort')}
                </button>
              ) : null}
              <button
                type="button"
                className="zp-link"
                aria-label={t('q.removeFile', { name: f.name })}
                onClick={() => set({ files: now().files.filter((x) => x.id !== f.id) })}
                disabled={p.disabled}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {preview && files ? (
        <Suspense fallback={null}>
          <EvidencePreview
            name={preview.name}
            url={files.url(preview.id)}
            onClose={() => {
              setPreview(null);
              back.current?.focus();
            }}
          />
        </Suspense>
      ) : null}
    </fieldset>
  );
}

interface TextProps {
  id: string;
  value: string;
  onType: (value: string) => void;
  pending: () => boolean;
  maxLength: number;
  multiline?: boolean;
  required?: boolean;
  describedBy: string;
  invalid: boolean;
  disabled: boolean | undefined;
  onBlur: (() => void) | undefined;
}

/**
 * The reference or the note: uncontrolled (text-box.ts), so a keystroke
 * renders nothing. Memoised: an answer handed over in one leaves the other
 * as it is.
 */
const EvidenceText = memo(function EvidenceText(p: TextProps) {
  const box = useTextBox<HTMLInputElement & HTMLTextAreaElement>({
    text: p.value,
    pending: p.pending,
    onText: p.onType,
    onBlur: p.onBlur,
  });
  const props = {
    ...box,
    id: p.id,
    className: 'zp-input',
    'aria-describedby': p.describedBy || undefined,
    'aria-invalid': p.invalid || undefined,
    disabled: p.disabled,
    maxLength: p.maxLength,
  };
  return p.multiline ? (
    <textarea {...props} rows={2} />
  ) : (
    <input {...props} aria-required={p.required} />
  );
});
