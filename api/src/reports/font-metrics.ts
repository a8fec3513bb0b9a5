/**
 * Advance widths straight from a TrueType file's tables (cmap format 12,
 * hhea, hmtx), so text can be measured before pdfmake sees it. Kerning is
 * ignored: it only ever narrows Latin pairs, so a measured line is never
 * narrower than pdfmake will draw it.
 */
export interface FontMetrics {
  /** Advance width of a code point, in em (1 = the font size). */
  advance(codePoint: number): number;
}

function tableOffsets(ttf: Buffer): Map<string, number> {
  const n = ttf.readUInt16BE(4);
  const m = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const rec = 12 + i * 16;
    m.set(ttf.toString('latin1', rec, rec + 4), ttf.readUInt32BE(rec + 8));
  }
  return m;
}

/** The Unicode full-repertoire cmap subtable (platform 3 encoding 10, or platform 0 encoding 4). */
function format12(ttf: Buffer, cmap: number): number {
  const n = ttf.readUInt16BE(cmap + 2);
  for (let i = 0; i < n; i++) {
    const rec = cmap + 4 + i * 8;
    const platform = ttf.readUInt16BE(rec);
    const encoding = ttf.readUInt16BE(rec + 2);
    const sub = cmap + ttf.readUInt32BE(rec + 4);
    const full = (platform === 3 && encoding === 10) || (platform === 0 && encoding === 4);
    if (full && ttf.readUInt16BE(sub) === 12) return sub;
  }
  throw new Error('font has no format-12 Unicode cmap');
}

export function parseMetrics(ttf: Buffer): FontMetrics {
  const t = tableOffsets(ttf);
  const need = (tag: string) => {
    const o = t.get(tag);
    if (o === undefined) throw new Error(`font has no ${tag} table`);
    return o;
  };
  const unitsPerEm = ttf.readUInt16BE(need('head') + 18);
  const hMetrics = ttf.readUInt16BE(need('hhea') + 34);
  const hmtx = need('hmtx');
  const sub = format12(ttf, need('cmap'));
  const groups = ttf.readUInt32BE(sub + 12);

  const glyphOf = (cp: number): number => {
    let lo = 0;
    let hi = groups - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const g = sub + 16 + mid * 12;
      const start = ttf.readUInt32BE(g);
      if (cp < start) hi = mid - 1;
      else if (cp > ttf.readUInt32BE(g + 4)) lo = mid + 1;
      else return ttf.readUInt32BE(g + 8) + (cp - start);
    }
    return 0; // .notdef
  };
  const cache = new Map<number, number>();
  return {
    advance(cp) {
      let w = cache.get(cp);
      if (w === undefined) {
        const glyph = Math.min(glyphOf(cp), hMetrics - 1); // glyphs past the table share the last width
        w = ttf.readUInt16BE(hmtx + glyph * 4) / unitsPerEm;
        cache.set(cp, w);
      }
      return w;
    },
  };
}
