import type { ItemStatus } from '@zhiping/forms';
import type { Worksheet } from 'exceljs';

/** ARGB font colours per status, the same hues as the PDF. */
export const STATUS_ARGB: Record<ItemStatus, string> = {
  met: 'FF2E7D32',
  partial: 'FFB26A00',
  unmet: 'FFC62828',
  not_applicable: 'FF757575',
  unanswered: 'FF8D6E63',
  info: 'FF455A64',
};

const HEAD_FILL = 'FFEEF1F5';

// Excel reads "&" in header/footer text as a control code; a literal one is "&&".
const hf = (s: string) => s.replace(/&/g, '&&');

/**
 * Makes a sheet print well: A4, fit to one page wide, header row repeated
 * on every page and frozen on screen, the seal and page numbers in the
 * footer. Call after the header row (row 1) is written.
 */
export function formatForPrint(
  ws: Worksheet,
  opts: { landscape: boolean; title: string; seal: string; headerRow?: boolean },
): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9, // A4
    orientation: opts.landscape ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0, // as many pages tall as it takes
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.7, bottom: 0.7, header: 0.3, footer: 0.3 },
  };
  ws.headerFooter = {
    ...ws.headerFooter,
    oddHeader: `&L&8${hf(opts.title)}`,
    oddFooter: `&L&8${hf(opts.seal)}&R&8第 &P 页 / 共 &N 页`,
  };
  if (opts.headerRow === false) return;
  ws.pageSetup.printTitlesRow = '1:1';
  ws.views = [{ state: 'frozen', ySplit: 1, xSplit: 0 }];
  const head = ws.getRow(1);
  head.font = { bold: true };
  head.alignment = { vertical: 'middle', wrapText: true };
  head.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEAD_FILL } };
    c.border = { bottom: { style: 'thin', color: { argb: 'FF9AA3AD' } } };
  });
}

/** Top-aligned, wrapped text in every cell of the body: long Chinese text stays readable. */
export function wrapBody(ws: Worksheet, fromRow = 2): void {
  ws.eachRow((row, n) => {
    if (n < fromRow) return;
    row.alignment = { vertical: 'top', wrapText: true };
  });
}
