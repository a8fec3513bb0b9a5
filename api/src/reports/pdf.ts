import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { FONT, pdfmakeWithFonts } from './fonts.ts';
import { sealText, zhText } from './labels.ts';
import { buildModel } from './model.ts';
import { cover, REPORT_TITLE } from './pdf-cover.ts';
import { decisionPart, gapsPart, nextPart } from './pdf-gaps.ts';
import { itemsPart } from './pdf-items.ts';
import { MUTED, styles } from './pdf-styles.ts';
import { headingsOf, scorePart, verdictPart } from './pdf-summary.ts';
import type { ReportInput, ReportOptions } from './types.ts';

/** Page number text of the footer (tests look for it). */
export const pageLabel = (n: number, of: number): string => `第 ${n} 页 / 共 ${of} 页`;

/** The pdfmake document for a report: pure data, handy to inspect in tests. */
export function reportDocument(
  input: ReportInput,
  options: ReportOptions = {},
): TDocumentDefinitions {
  const model = buildModel(input, options);
  const headings = headingsOf(input);
  const title = zhText(input.definition.title);
  const seal = sealText(input.assessment.submissionHash, input.assessment.status);
  const created = new Date(input.generatedAt);
  const content: Content[] = [
    ...cover(input),
    ...verdictPart(input, options),
    ...scorePart(input, headings),
    ...itemsPart(model),
    ...gapsPart(input, model, options),
    ...nextPart(input, model),
    ...decisionPart(input),
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
    defaultStyle: { font: FONT, fontSize: 10.5, lineHeight: 1, color: '#111827' },
    styles,
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
  const pdfmake = await pdfmakeWithFonts();
  return pdfmake.createPdf(reportDocument(input, options)).getBuffer();
}
