import type { GateOutcome, ItemStatus } from '@zhiping/forms';
import type { CustomTableLayout, StyleDictionary } from 'pdfmake/interfaces';

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
 * Noto Sans SC's own line gap already gives about 1.45 × the font size, so
 * pdfmake's lineHeight stays at 1: raising it would double-space Chinese.
 */
export const styles: StyleDictionary = {
  title: { fontSize: 24, bold: true, color: '#1f2937' },
  subtitle: { fontSize: 13, color: '#374151' },
  h1: { fontSize: 15, bold: true, color: '#1f2937', margin: [0, 16, 0, 8] },
  h2: { fontSize: 12, bold: true, color: '#1f2937', margin: [0, 12, 0, 6] },
  small: { fontSize: 8, color: MUTED },
  th: { bold: true, fontSize: 9, fillColor: HEAD_FILL, color: '#374151' },
  td: { fontSize: 9 },
  key: { color: MUTED },
  para: { margin: [0, 0, 0, 6] },
};

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

/** Key–value lists (cover, decision): no rules at all. */
export const plainLayout: CustomTableLayout = {
  hLineWidth: () => 0,
  vLineWidth: () => 0,
  paddingLeft: (i) => (i === 0 ? 0 : 8),
  paddingRight: () => 0,
  paddingTop: () => 3,
  paddingBottom: () => 3,
};
