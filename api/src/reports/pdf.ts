import { textOf } from '@zhiping/forms';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { FONT, loadFonts } from './fonts.ts';
import { sealText } from './labels.ts';
import { buildModel } from './model.ts';
import { cover, REPORT_TITLE } from './pdf-cover.ts';
import { gapsPart } from './pdf-gaps.ts';
import { itemsPart } from './pdf-items.ts';
import { decisionPart, nextPart } from './pdf-next.ts';
import { observationsPart } from './pdf-observations.ts';
import { sourcesPart } from './pdf-sources.ts';
import { MUTED } from './pdf-styles.ts';
import { headingsOf, scorePart, verdictPart } from './pdf-summary.ts';
import type { Setter } from './pdf-text.ts';
import type { ReportInput, ReportOptions } from './types.ts';

/** Page number text of the footer (tests look for it). */
export const pageLabel = (n: number, of: number): string => `第 ${n} 页 / 共 ${of} 页`;

/** The pdfmake document for a report: pure data, handy to inspect in tests. */
export function reportDocument(
  set: Setter,
  input: ReportInput,
  options: ReportOptions = {},
): TDocumentDefinitions {
  const model = buildModel(input, options);
  const headings = headingsOf(input);
  const title = textOf(input.definition.title);
  const seal = sealText(input.assessment.submissionHash, input.assessment.status);
  const created = new Date(input.generatedAt);
  const content: Content[] = [
    ...cover(input),
    ...verdictPart(input, options),
    ...scorePart(input, headings),
    ...itemsPart(set, model),
    ...gapsPart(set, input, model, options),
    ...nextPart(set, input, model),
    ...decisionPart(input),
    ...observationsPart(set, model),
    ...sourcesPart(input, options),
  ];
  return {
    pageSize: 'A4',
    pageMargins: [40, 54, 40, 48],
    info: {
      title: `${REPORT_TITLE} — ${input.assessment.organisation.name}`,
      subject: title,
      creator: '知评 Zhiping',
      producer: '知评 Zhiping (pdfmake)',
      // pdfkit would stamp the current time; the report's own time keeps renders reproducible.
      ...(Number.isNaN(created.getTime()) ? {} : { creationDate: created }),
    },
    language: 'zh-CN',
    // A draft can change: say so across every page, not only in the footer.
    ...(input.assessment.status === 'draft'
      ? { watermark: { text: '草稿', font: FONT, color: '#9ca3af', opacity: 0.06, bold: true } }
      : {}),
    defaultStyle: { font: FONT, fontSize: 10.5, lineHeight: 1, color: '#111827' },
    header: () => ({
      columns: [
        { text: title, width: '*' },
        { text: input.assessment.organisation.name, width: 'auto', alignment: 'right' },
      ],
      columnGap: 12,
      fontSize: 8,
      color: MUTED,
      margin: [40, 24, 40, 0],
    }),
    footer: (page: number, pages: number) => ({
      columns: [
        { text: seal, width: '*' },
        { text: pageLabel(page, pages), width: 'auto', alignment: 'right' },
      ],
      columnGap: 12,
      fontSize: 7.5,
      color: MUTED,
      margin: [40, 16, 40, 0],
    }),
    content,
  };
}

/**
 * The assessment report as a PDF (A4, zh-CN) with the Noto Sans SC subset
 * embedded. The fonts are loaded on the first call and kept for the process.
 *
 * @example const pdf = await renderPdf(input); // Buffer starting with "%PDF-"
 */
export async function renderPdf(input: ReportInput, options: ReportOptions = {}): Promise<Buffer> {
  const { pdfmake, setter } = await loadFonts();
  return pdfmake.createPdf(reportDocument(setter, input, options)).getBuffer();
}
