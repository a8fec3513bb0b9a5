import type { Content, Style } from 'pdfmake/interfaces';
import type { FontMetrics } from './font-metrics.ts';
import { wrapText } from './wrap.ts';

/** Sets text into pre-broken lines (see wrap.ts for why). */
export interface Setter {
  /**
   * `text` in a column `width` points wide, as unbreakable lines. `style`
   * must carry the fontSize (and bold) the text is set in.
   */
  block(text: string, width: number, style: Style & { fontSize: number }): Content;
}

// pdfmake measures with kerning, we do not: never wider, but leave a hair for rounding.
const SLACK = 0.5;

export function setter(regular: FontMetrics, bold: FontMetrics): Setter {
  const measure = (m: FontMetrics, size: number) => (s: string) => {
    let w = 0;
    for (const ch of s) w += m.advance(ch.codePointAt(0) ?? 0);
    return w * size;
  };
  return {
    block(text, width, style) {
      const lines = wrapText(
        text,
        width - SLACK,
        measure(style.bold ? bold : regular, style.fontSize),
      );
      if (lines.length === 1) return { text: lines[0] ?? '', noWrap: true, ...style };
      return { stack: lines.map((l) => ({ text: l, noWrap: true })), ...style };
    },
  };
}
