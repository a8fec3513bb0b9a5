import { GlobalWorkerOptions, getDocument } from 'pdfjs-dist';
// Served from our own origin: the app's CSP allows workers from 'self' only.
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

/**
 * Draws the first pages of a PDF onto canvases in `host`, fitted to its
 * width. PDF.js runs no script of the document (scripting is off by
 * default) and is told not to compile fonts with eval.
 */
export async function drawPdf(
  data: ArrayBuffer,
  host: HTMLElement,
  maxPages: number,
  stopped: () => boolean,
): Promise<{ pages: number; total: number }> {
  const doc = await getDocument({ data, isEvalSupported: false, enableXfa: false }).promise;
  const pages = Math.min(doc.numPages, maxPages);
  const width = Math.max(200, host.clientWidth || 720);
  for (let n = 1; n <= pages && !stopped(); n++) {
    const page = await doc.getPage(n);
    const base = page.getViewport({ scale: 1 });
    const viewport = page.getViewport({ scale: width / base.width });
    const canvas = document.createElement('canvas');
    canvas.width = Math.floor(viewport.width);
    canvas.height = Math.floor(viewport.height);
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', `${n} / ${doc.numPages}`);
    host.append(canvas);
    await page.render({ canvas, viewport }).promise;
  }
  await doc.destroy();
  return { pages, total: doc.numPages };
}
