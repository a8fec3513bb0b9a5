/** Excel's limit on a sheet name, in UTF-16 code units (what String#length counts). */
export const MAX_SHEET_NAME = 31;

const cut = (s: string, n: number): string => {
  // Never leave half of a surrogate pair at the end.
  let out = s.slice(0, n);
  if (/[\uD800-\uDBFF]$/.test(out)) out = out.slice(0, -1);
  return out;
};

/**
 * A legal, unused sheet name close to `wanted`: without []:*?/\ and
 * leading or trailing apostrophes, at most 31 characters, not "History",
 * and unique ignoring case (as Excel compares them) — "(2)", "(3)"… are
 * appended to repeats. Adds the name it returns to `taken`.
 *
 * @example sheetName('4.2 文件/记录', new Set()) // "4.2 文件-记录"
 */
export function sheetName(wanted: string, taken: Set<string>): string {
  // Apostrophes are legal inside a name but not at either end, where cutting may leave one.
  const tidy = (x: string) =>
    x
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^'+|'+$/g, '')
      .trim();
  let base = tidy(wanted.replace(/[[\]:*?/\\]/g, '-').replace(/\p{Cc}/gu, ' '));
  if (base === '' || base.toLowerCase() === 'history') base = `${base || '部分'}-1`;
  base = tidy(cut(base, MAX_SHEET_NAME));
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) {
    const suffix = `(${n})`;
    name = `${tidy(cut(base, MAX_SHEET_NAME - suffix.length))}${suffix}`;
  }
  taken.add(name.toLowerCase());
  return name;
}
