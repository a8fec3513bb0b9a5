import { isDocumentCitation } from '../schema/citation.ts';
import type { Definition } from '../schema/definition.ts';
import type { Source } from '../schema/source.ts';
import { citationsWithPaths } from './walk.ts';

export type Passages = Map<string, Map<string, Set<string>>>;

/** Per document source, the articles the definitions cite and the quotes they use. */
export function citedPassages(defs: Definition[]): Passages {
  const out: Passages = new Map();
  for (const d of defs) {
    for (const { value: c } of citationsWithPaths(d)) {
      if (!isDocumentCitation(c)) continue;
      const articles = out.get(c.source) ?? new Map<string, Set<string>>();
      out.set(c.source, articles);
      const quotes = articles.get(c.article) ?? new Set<string>();
      articles.set(c.article, quotes);
      if (c.quote) quotes.add(c.quote);
    }
  }
  return out;
}

/** The catalogue's passages for a source, as `citedPassages` would list them (sorted). */
export function passagesFor(cited: Passages, sourceId: string): Source['passages'] {
  const articles = cited.get(sourceId) ?? new Map<string, Set<string>>();
  return [...articles.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'zh-CN'))
    .map(([article, quotes]) => ({
      article,
      quotes: [...quotes].sort((a, b) => a.localeCompare(b, 'zh-CN')),
    }));
}

/** Sources whose catalogue passages differ from what the definitions cite. */
export function stalePassages(cited: Passages, catalogue: ReadonlyMap<string, Source>): string[] {
  const stale: string[] = [];
  for (const [id, source] of catalogue) {
    const want = passagesFor(cited, id);
    const have = source.passages.map(({ article, quotes }) => ({ article, quotes }));
    if (JSON.stringify(want) !== JSON.stringify(have)) stale.push(id);
  }
  return stale;
}
