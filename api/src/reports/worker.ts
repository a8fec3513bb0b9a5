/**
 * A report-rendering worker thread (services/report-renderer.ts runs a pool
 * of them): rendering a PDF or workbook is a second or more of synchronous
 * work that would otherwise stop the event loop for every other request.
 * The fonts are loaded once per worker.
 */

import { renderWorkbook } from './excel.ts';
import { renderPdf } from './pdf.ts';
import type { ReportInput, SourceInfo } from './types.ts';

export interface RenderTask {
  kind: 'pdf' | 'xlsx';
  input: ReportInput;
  sources: ReadonlyMap<string, SourceInfo>;
}

export default async function render(task: RenderTask): Promise<Uint8Array> {
  const options = { sources: task.sources };
  const out =
    task.kind === 'pdf'
      ? await renderPdf(task.input, options)
      : await renderWorkbook(task.input, options);
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}
