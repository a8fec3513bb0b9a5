/**
 * Line breaking for Chinese with embedded Latin, done before pdfmake sees
 * the text. pdfmake treats every CJK character as a word: it resolves its
 * styles, measures it and draws it as its own text object, which made a
 * 20-page report take about a second and weigh 300 KB. Handing it whole,
 * unbreakable lines instead cuts both by an order of magnitude.
 */

/** Width of a string in points at the size being set. */
export type Measure = (s: string) => number;

// Punctuation that may not begin a line (禁则), and that may not end one.
const NO_START = new Set([...'，。、；：！？）》」』”’〕】〉…%,.;:!?)]}·']);
const NO_END = new Set([...'（《「『“‘〔【〈([{']);

/** CJK ideographs, kana, full-width forms and CJK punctuation: each can stand on a line break. */
const isWide = (cp: number): boolean =>
  (cp >= 0x2e80 && cp <= 0x9fff) ||
  (cp >= 0xac00 && cp <= 0xd7af) ||
  (cp >= 0xf900 && cp <= 0xfaff) ||
  (cp >= 0xfe30 && cp <= 0xfe4f) ||
  (cp >= 0xff00 && cp <= 0xffef) ||
  cp >= 0x20000 ||
  cp === 0x2014 ||
  cp === 0x2026 ||
  (cp >= 0x2018 && cp <= 0x201f);

/** Breakable units: single wide characters, Latin words (split after "-" and "/"), spaces. */
function units(text: string): string[] {
  const out: string[] = [];
  let word = '';
  const flush = () => {
    if (word) out.push(word);
    word = '';
  };
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (ch === ' ' || ch === '\t') {
      flush();
      out.push(' ');
    } else if (isWide(cp)) {
      flush();
      out.push(ch);
    } else {
      word += ch;
      if (ch === '-' || ch === '/') flush();
    }
  }
  flush();
  return out;
}

/** A word too long for any line is cut where it must be. */
function hardSplit(word: string, width: number, measure: Measure): string[] {
  const parts: string[] = [];
  let cur = '';
  for (const ch of word) {
    if (cur && measure(cur + ch) > width) {
      parts.push(cur);
      cur = '';
    }
    cur += ch;
  }
  if (cur) parts.push(cur);
  return parts;
}

function wrapParagraph(text: string, width: number, measure: Measure): string[] {
  const lines: string[] = [];
  let cur: string[] = [];
  let curWidth = 0;
  const emit = () => {
    while (cur.length > 0 && cur[cur.length - 1] === ' ') cur.pop();
    lines.push(cur.join(''));
  };
  for (const u of units(text).flatMap((u) =>
    measure(u) > width ? hardSplit(u, width, measure) : [u],
  )) {
    if (u === ' ' && cur.length === 0) continue;
    const w = measure(u);
    if (cur.length === 0 || curWidth + w <= width) {
      cur.push(u);
      curWidth += w;
      continue;
    }
    // Break before `u`; carry units from the end of this line along while the
    // next line would start with closing punctuation or this one end with opening.
    const carry: string[] = [];
    const starts = () => (carry[0] ?? u)[0] ?? '';
    while (cur.length > 1 && (NO_START.has(starts()) || NO_END.has(cur[cur.length - 1] ?? '')))
      carry.unshift(cur.pop() ?? '');
    emit();
    cur = u === ' ' ? carry : [...carry, u];
    curWidth = cur.reduce((sum, x) => sum + measure(x), 0);
  }
  if (cur.length > 0 || lines.length === 0) emit();
  return lines;
}

/**
 * The lines `text` takes in a column `width` points wide; "\n" starts a new
 * line. Chinese breaks between any two characters except before closing or
 * after opening punctuation; Latin breaks at spaces, "-" and "/".
 *
 * @example wrapText('知识产权管理体系', 40, (s) => s.length * 10) // ['知识产权', '管理体系']
 */
export function wrapText(text: string, width: number, measure: Measure): string[] {
  return text.split(/\r?\n/).flatMap((p) => wrapParagraph(p, width, measure));
}
