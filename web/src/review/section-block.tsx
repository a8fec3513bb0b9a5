import { useMutation } from '@tanstack/react-query';
import { type Section, textOf } from '@zhiping/forms';
import { Button } from 'antd';
import type { ReactNode } from 'react';
import { useLocale } from '../i18n/locale.tsx';
import { ProblemAlert } from '../shared/problem-alert.tsx';
import { bulkAgreeable, isJudged } from './console-filters.ts';
import { reviewApi } from './review-api.ts';
import type { ConsoleItem } from './types.ts';

interface Props {
  assessmentId: string;
  section: Section | undefined;
  /** Every item of the section (bulk agree and its count use all, not only the filtered ones). */
  items: readonly ConsoleItem[];
  canBulk: boolean;
  open: boolean;
  onBulkDone: () => void;
  children: ReactNode;
}

/** A top-level section of the console with its own 已评 count and 本节其余同意. */
export function SectionBlock(p: Props) {
  const { locale, t } = useLocale();
  const todo = bulkAgreeable(p.items);
  const applicable = p.items.filter((ci) => ci.applicable);
  const judged = applicable.filter(isJudged).length;
  const bulk = useMutation({
    mutationFn: () => reviewApi.agreeAll(p.assessmentId, todo),
    onSuccess: p.onBulkDone,
  });
  return (
    <details className="zp-review-section" open={p.open}>
      <summary>
        <h2 className="zp-inline">{textOf(p.section?.title, locale)}</h2>{' '}
        <span className="zp-muted">
          {t('review.sectionProgress', { judged, total: applicable.length })}
        </span>
      </summary>
      {p.canBulk && todo.length > 0 ? (
        <div className="zp-actions">
          <Button onClick={() => bulk.mutate()} loading={bulk.isPending} disabled={bulk.isPending}>
            {t('review.bulkAgree', { n: todo.length })}
          </Button>
        </div>
      ) : null}
      {bulk.isError ? <ProblemAlert error={bulk.error} /> : null}
      <ol className="zp-review-list">{p.children}</ol>
    </details>
  );
}
