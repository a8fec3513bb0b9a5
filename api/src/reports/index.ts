/**
 * Reports: an assessment as a PDF (pdfmake, Noto Sans SC embedded as a
 * subset) and as an Excel workbook (exceljs). Pure apart from reading the
 * two font files once per process: the caller passes everything in,
 * including the time the report is generated.
 */
export { sectionChartSvg } from './chart.ts';
export { citationText } from './citations.ts';
export { renderWorkbook, SUMMARY_SHEET } from './excel.ts';
export { loadFonts } from './fonts.ts';
export { formatDateTime, formatScore, sealText } from './labels.ts';
export { buildModel, type ItemRow, type ReportModel } from './model.ts';
export { pageLabel, renderPdf, reportDocument } from './pdf.ts';
export { REPORT_TITLE } from './pdf-cover.ts';
export { OBSERVATIONS_TITLE } from './pdf-observations.ts';
export { sheetName } from './sheet-names.ts';
export type {
  AssessmentStatus,
  ReportDecision,
  ReportInput,
  ReportOptions,
  ReportReview,
  SourceInfo,
} from './types.ts';
export { wrapText } from './wrap.ts';
