import type { Content } from 'pdfmake/interfaces';
import { citedDocuments } from './citations.ts';
import { H1 } from './pdf-styles.ts';
import type { ReportInput, ReportOptions } from './types.ts';

/**
 * The documents the report cites, each with its title and 文号: tables cite
 * a document by its 文号 alone to stay short. Only with the catalogue.
 */
export function sourcesPart(input: ReportInput, options: ReportOptions): Content[] {
  const { sources } = options;
  if (!sources) return [];
  // A gap is a visible item: its citations are among these.
  const visible = new Set(input.result.items.filter((i) => i.visible).map((i) => i.id));
  const cited = citedDocuments([
    ...input.result.gates.map((g) => g.citations),
    ...allItems(input.definition.sections)
      .filter((i) => visible.has(i.id))
      .map((i) => i.citations),
  ]).flatMap((id) => {
    const s = sources.get(id);
    return s ? [`《${s.title}》${s.docNumber ? `，${s.docNumber}` : ''}`] : [];
  });
  if (cited.length === 0) return [];
  return [
    { stack: [{ text: '附：引用文件', ...H1 }, { ol: cited }], unbreakable: cited.length <= 12 },
  ];
}

type Sections = ReportInput['definition']['sections'];
const allItems = (ss: Sections): Sections[number]['items'] =>
  ss.flatMap((s) => [...s.items, ...allItems(s.sections)]);
