import { type Citation, isDocumentCitation, standardName } from '@zhiping/forms';
import { useT } from '../i18n/locale.tsx';
import { UnverifiedTag } from './unverified-tag.tsx';

/**
 * Where a criterion comes from: a policy document's article and the short
 * phrase quoted from it, or a standard's clause (number and title only).
 */
export function CitationList({ citations, id }: { citations: readonly Citation[]; id?: string }) {
  const t = useT();
  if (citations.length === 0) return <p id={id}>{t('q.noSources')}</p>;
  return (
    <ul className="zp-citations" id={id}>
      {citations.map((c) => (
        <li key={citationKey(c)}>
          {isDocumentCitation(c) ? (
            <>
              <cite>{c.source}</cite> {c.article}
              {c.quote ? <q className="zp-quote">{c.quote}</q> : null}
            </>
          ) : (
            <>
              <cite>{standardName(c.standard)}</cite> {t('citation.clause', { clause: c.clause })}
              {c.title ? ` ${c.title}` : ''}
            </>
          )}
          {c.unverified ? <UnverifiedTag /> : null}
        </li>
      ))}
    </ul>
  );
}

function citationKey(c: Citation): string {
  return isDocumentCitation(c)
    ? `${c.source}|${c.article}|${c.quote ?? ''}`
    : `${c.standard}|${c.clause}`;
}
