import { useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n/locale.tsx';

/** At most this many pages of a PDF are drawn: enough to recognise a document. */
const MAX_PAGES = 3;

interface Props {
  name: string;
  url: string;
  onClose: () => void;
}

type Shown =
  | { kind: 'loading' }
  | { kind: 'image'; src: string }
  | { kind: 'pdf'; pages: number; total: number }
  | { kind: 'failed' };

/**
 * A stored evidence file shown in the page, in a modal dialog (Esc or the
 * button closes it, focus returns to where it was). Nothing of the file
 * runs: an image is an <img> of the bytes, a PDF is drawn on canvases by
 * PDF.js with scripting and eval off — never the browser's viewer, never a
 * frame with the file's own origin. Loaded on demand (React.lazy), with
 * PDF.js only when the file is a PDF.
 */
export default function EvidencePreview(p: Props) {
  const t = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  const canvases = useRef<HTMLDivElement>(null);
  const [shown, setShown] = useState<Shown>({ kind: 'loading' });

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open && typeof d.showModal === 'function') d.showModal();
  }, []);

  useEffect(() => {
    let stop = false;
    let objectUrl: string | null = null;
    void (async () => {
      try {
        const res = await fetch(p.url, { credentials: 'same-origin' });
        if (!res.ok) throw new Error(String(res.status));
        const blob = await res.blob();
        if (stop) return;
        // The server's content-detected type decides, not the file name.
        if (blob.type.startsWith('image/') && blob.type !== 'image/svg+xml') {
          objectUrl = URL.createObjectURL(blob);
          setShown({ kind: 'image', src: objectUrl });
        } else if (blob.type === 'application/pdf') {
          const { drawPdf } = await import('./pdf-pages.ts');
          const host = canvases.current;
          if (!host || stop) return;
          const r = await drawPdf(await blob.arrayBuffer(), host, MAX_PAGES, () => stop);
          if (!stop) setShown({ kind: 'pdf', ...r });
        } else setShown({ kind: 'failed' });
      } catch {
        if (!stop) setShown({ kind: 'failed' });
      }
    })();
    return () => {
      stop = true;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [p.url]);

  return (
    <dialog
      ref={dialog}
      className="zp-preview"
      aria-labelledby="zp-preview-title"
      onClose={p.onClose}
      data-testid="evidence-preview"
    >
      <div className="zp-row-between">
        <h2 id="zp-preview-title" className="zp-preview-title">
          {t('q.previewTitle', { name: p.name })}
        </h2>
        <button type="button" className="zp-link" onClick={() => dialog.current?.close()}>
          {t('q.previewClose')}
        </button>
      </div>
      {shown.kind === 'loading' ? <p className="zp-muted">{t('q.previewLoading')}</p> : null}
      {shown.kind === 'failed' ? <p className="zp-error">{t('q.previewFailed')}</p> : null}
      {shown.kind === 'image' ? (
        <img src={shown.src} alt={p.name} className="zp-preview-image" />
      ) : null}
      {shown.kind === 'pdf' && shown.total > shown.pages ? (
        <p className="zp-muted">{t('q.previewPages', { n: shown.pages, total: shown.total })}</p>
      ) : null}
      <div ref={canvases} className="zp-preview-pages" />
    </dialog>
  );
}
