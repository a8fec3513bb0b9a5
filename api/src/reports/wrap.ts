/**
 * Line breaking for Chinese with embedded Latin, done before pdfmake sees
 * the text. pdfmake treats every CJK character as a word: it resolves its
 * styles, measures it and draws it as its own text object, which made a
 * 20-page report take about a second and weigh 300 KB. Handing it whole,
 * unbreakable lines instead cuts both by an order of magnitude.
 *
 * Where a line may break comes from the `linebreak` package (the Unicode
 * line breaking algorithm, UAX #14, the one pdfkit and pdfmake use): it
 * breaks between Chinese characters but never before closing punctuation
 * (，。）》…) or after opening punctuation (（《“), and keeps Latin words,
 * numbers such as 29490-2013 and 7.5, and 40% whole. Here we only choose,
 * greedily, the last opportunity that still fits.
 */
import { createRequire } from 'node:module';

/** Width of a string in points at the size being set. */
export type Measure = (s: string) => number;

/** The part of `linebreak` used here (it ships no types). */
interface LineBreaker {
  /** The next break opportunity, as a UTF-16 offset; null past the end. */
  nextBreak(): { position: number; required: boolean } | null;
}
// The CommonJS build, the instance pdfkit has already loaded.
const LineBreaker = createRequire(import.meta.url)('linebreak') as new (
  text: string,
) => LineBreaker;

/** The pieces between break opportunities; each keeps its trailing spaces. */
function segments(text: string): string[] {
  const out: string[] = [];
  const breaker = new LineBreaker(text);
  let last = 0;
  for (let b = breaker.nextBreak(); b; b = breaker.nextBreak()) {
    out.push(text.slice(last, b.position));
    last = b.position;
  }
  return out;
}

/** A piece too wide for any line is cut where it must be, between code points. */
function hardSplit(piece: string, width: number, measure: Measure): string[] {
  const parts: string[] = [];
  let cur = '';
  for (const ch of piece) {
    if (cur && measure(cur + ch) > width) {
      parts.push(cur);
      cur = '';
    }
    cur += ch;
  }
  if (cur) parts.push(cur);
  return parts;
}

const TRAILING = / +$/;

function wrapParagraph(text: string, width: number, measure: Measure): string[] {
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0; // of `line` without its trailing spaces
  let spaces = 0; // width of `line`'s trailing spaces
  const emit = () => {
    lines.push(line.replace(TRAILING, ''));
    line = '';
    lineWidth = 0;
    spaces = 0;
  };
  for (const seg of segments(text)) {
    // Only ASCII spaces are trimmed: an ideographic space (　) is text, such as an indent.
    const word = seg.replace(TRAILING, '');
    if (!word) {
      // Spaces only: dropped at the start of a line, otherwise kept in case a word follows.
      if (line) {
        line += seg;
        spaces += measure(seg);
      }
      continue;
    }
    const w = measure(word);
    if (line && lineWidth + spaces + w <= width) {
      line += seg;
      lineWidth += spaces + w;
    } else {
      if (line) emit();
      if (w > width) {
        const parts = hardSplit(word, width, measure);
        const tail = parts.pop() ?? '';
        for (const p of parts) lines.push(p);
        line = tail + seg.slice(word.length);
        lineWidth = measure(tail);
      } else {
        line = seg;
        lineWidth = w;
      }
    }
    spaces = seg.length > word.length ? measure(seg.slice(word.length)) : 0;
  }
  if (line || lines.length === 0) emit();
  return lines;
}

/**
 * The lines `text` takes in a column `width` points wide; "\n" (and the
 * other Unicode line ends) start a new line, tabs count as spaces. Chinese
 * breaks between any two characters except before closing or after opening
 * punctuation; Latin breaks at spaces and after "-" and "/" (UAX #14).
 *
 * @example wrapText('知识产权管理体系', 40, (s) => s.length * 10) // ['知识产权', '管理体系']
 */
export function wrapText(text: string, width: number, measure: Measure): string[] {
  return text
    .split(/\r\n|[\n\r\v\f\u0085\u2028\u2029]/)
    .flatMap((p) => wrapParagraph(p.replaceAll('\t', ' '), width, measure));
}
