import type { GateOutcome, ItemStatus } from '@zhiping/forms';
import type { Content, CustomTableLayout, Style, TableCell } from 'pdfmake/interfaces';

/** A4 portrait with 40 pt side margins leaves this much for content. */
export const CONTENT_WIDTH = 595.28 - 2 * 40;

export const STATUS_COLOUR: Record<ItemStatus, string> = {
  met: '#2e7d32',
  partial: '#b26a00',
  unmet: '#c62828',
  not_applicable: '#757575',
  unanswered: '#8d6e63',
  info: '#455a64',
};

export const GATE_COLOUR: Record<GateOutcome, string> = {
  passed: '#2e7d32',
  failed: '#c62828',
  unknown: '#b26a00',
};

export const MUTED = '#6b7280';
const RULE = '#d5d9df';
export const HEAD_FILL = '#eef1f5';
export const GROUP_FILL = '#f6f7f9';

/*
 * Styles are plain objects spread into the nodes, not pdfmake named styles.
 * pdfmake resolves about twenty style properties for every word it
 * measures (and every Chinese character is a word) by walking the style
 * stack; each named style on that stack costs a dictionary lookup and an
 * allocation per property, which made up much of the render time.
 *
 * Noto Sans SC's own line gap already gives about 1.45 × the font size, so
 * lineHeight stays at 1: raising it would double-space Chinese.
 */
export const TITLE = { fontSize: 24, bold: true, color: '#1f2937' } satisfies Style;
export const SUBTITLE = { fontSize: 13, color: '#374151' } satisfies Style;
export const H1 = {
  fontSize: 15,
  bold: true,
  color: '#1f2937',
  margin: [0, 16, 0, 8],
} satisfies Style;
export const SMALL = { fontSize: 8, color: MUTED } satisfies Style;
export const TH = {
  bold: true,
  fontSize: 9,
  fillColor: HEAD_FILL,
  color: '#374151',
} satisfies Style;
export const TD = { fontSize: 9 } satisfies Style;
export const PARA = { margin: [0, 0, 0, 6] } satisfies Style;

/** Horizontal rules only: dense Chinese tables read better without a grid. */
export const tableLayout: CustomTableLayout = {
  hLineWidth: (i, node) => (i === 0 || i === node.table.body.length ? 0.8 : 0.5),
  vLineWidth: () => 0,
  hLineColor: (i) => (i <= 1 ? '#9aa3ad' : RULE),
  paddingLeft: () => 4,
  paddingRight: () => 4,
  paddingTop: () => 3,
  paddingBottom: () => 3,
};

/**
 * Tables whose first row is their heading: pdfmake repeats header rows on
 * every page the table runs over, so the heading is never left alone at the
 * foot of a page (a keep-with-next rule would cost a full re-layout per
 * break). No rules around the heading row.
 */
export const titledLayout: CustomTableLayout = {
  ...tableLayout,
  hLineWidth: (i, node) => (i <= 1 ? 0 : i === 2 || i === node.table.body.length ? 0.8 : 0.5),
  hLineColor: (i) => (i <= 2 ? '#9aa3ad' : RULE),
};

/** The heading row of a titled table: spans every column, set as a sub-heading. */
export function titleRow(title: Content, cols: number): TableCell[] {
  return [
    {
      stack: [title],
      colSpan: cols,
      bold: true,
      fontSize: 12,
      color: '#1f2937',
      margin: [-4, 10, 0, 4],
    },
    ...Array.from({ length: cols - 1 }, () => ({ text: '' })),
  ];
}

/** Key–value lists (cover, decision): no rules at all. */
export const plainLayout: CustomTableLayout = {
  hLineWidth: () => 0,
  vLineWidth: () => 0,
  paddingLeft: (i) => (i === 0 ? 0 : 8),
  paddingRight: () => 0,
  paddingTop: () => 3,
  paddingBottom: () => 3,
};

/** Left plus right cell padding of the table layouts above. */
export const CELL_PADDING = 8;

/**
 * Column widths in points for a table spanning the content width; `null`
 * takes what is left. Explicit numbers let text be broken into lines for
 * the exact width pdfmake will give each column.
 */
export function columnWidths(spec: readonly (number | null)[]): number[] {
  const fixed = spec.reduce<number>((sum, w) => sum + (w ?? 0), 0);
  const flexible = spec.filter((w) => w === null).length;
  const rest = (CONTENT_WIDTH - CELL_PADDING * spec.length - fixed) / Math.max(flexible, 1);
  return spec.map((w) => w ?? rest);
}
