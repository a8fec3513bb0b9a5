/**
 * Advance widths read with fontkit, so text can be measured before pdfmake
 * sees it. Kerning is ignored: it only ever narrows Latin pairs, so a
 * measured line is never narrower than pdfmake will draw it.
 */
import { createRequire } from 'node:module';
import type * as Fontkit from 'fontkit';

export interface FontMetrics {
  /** Advance width of a code point, in em (1 = the font size). */
  advance(codePoint: number): number;
}

/*
 * The CommonJS build, the one pdfkit (inside pdfmake) requires: one fontkit
 * instance in the process rather than its ES module build loaded beside it.
 */
const fontkit = createRequire(import.meta.url)('fontkit') as typeof Fontkit;

/**
 * Metrics of a TrueType/OpenType file already in memory (the buffer handed
 * to pdfmake). fontkit reads tables lazily, so this costs little until a
 * character is measured; each code point's width is then cached.
 */
export function parseMetrics(ttf: Buffer): FontMetrics {
  const font = fontkit.create(ttf);
  if (!('glyphForCodePoint' in font)) throw new Error('a font collection, not a single font');
  const cache = new Map<number, number>();
  return {
    advance(cp) {
      let w = cache.get(cp);
      if (w === undefined) {
        // A code point the font lacks maps to .notdef, whose width pdfkit also uses.
        w = font.glyphForCodePoint(cp).advanceWidth / font.unitsPerEm;
        cache.set(cp, w);
      }
      return w;
    },
  };
}
