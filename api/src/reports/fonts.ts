import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import pdfmake from 'pdfmake';
import { parseMetrics } from './font-metrics.ts';
import { type Setter, setter } from './pdf-text.ts';

/** The pdfmake font family every report uses (and the SVG chart names). */
export const FONT = 'NotoSansSC';

/*
 * The virtual-file names are the fonts' PostScript names on purpose. pdfmake
 * draws SVG text by passing the font's file name to pdfkit's `doc.font()`,
 * which knows nothing of pdfmake's virtual files; but pdfkit first looks the
 * name up among the fonts already open in the document, where an embedded
 * font is registered under its PostScript name. Body text opens both fonts
 * during layout, before any SVG is drawn, so chart labels reuse the same
 * embedded subset. Under any other name pdfkit would try to read a file of
 * that name from disk (past pdfmake's access policy), warn, and draw the
 * labels in whatever face happened to be current. pdf.test.ts fails on the warning.
 */
const REGULAR = 'NotoSansSC-Regular';
const BOLD = 'NotoSansSC-Bold';

const require = createRequire(import.meta.url);
const fontFile = (rel: string) => require.resolve(`@expo-google-fonts/noto-sans-sc/${rel}`);

/** pdfmake keeps its virtual file system on the singleton; the typings leave it out. */
declare module 'pdfmake' {
  export const virtualfs: { writeFileSync(name: string, content: Buffer): void };
}

/** pdfmake with the fonts registered, and a setter measuring with the same fonts. */
export interface Fonts {
  pdfmake: typeof pdfmake;
  setter: Setter;
}

let ready: Promise<Fonts> | undefined;

async function load(): Promise<Fonts> {
  const [regular, bold] = await Promise.all([
    readFile(fontFile('400Regular/NotoSansSC_400Regular.ttf')),
    readFile(fontFile('700Bold/NotoSansSC_700Bold.ttf')),
  ]);
  const vfs = pdfmake.virtualfs;
  vfs.writeFileSync(REGULAR, regular);
  vfs.writeFileSync(BOLD, bold);
  // No italic face exists for Noto Sans SC; Chinese is not set in italics anyway.
  pdfmake.setFonts({
    [FONT]: { normal: REGULAR, bold: BOLD, italics: REGULAR, bolditalics: BOLD },
  });
  // Reports never fetch anything: every font lives in the virtual file system.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  return { pdfmake, setter: setter(parseMetrics(regular), parseMetrics(bold)) };
}

/**
 * pdfmake with the CJK fonts registered. The two ~10 MB files are read once
 * per process; pdfmake then embeds only the glyphs each document uses.
 */
export function loadFonts(): Promise<Fonts> {
  ready ??= load().catch((e: unknown) => {
    ready = undefined; // let a later call retry instead of caching the failure
    throw e;
  });
  return ready;
}
