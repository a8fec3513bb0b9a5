import './review.css';
import { useQuery } from '@tanstack/react-query';
import { Table } from 'antd';
import { Link, useParams } from 'react-router';
import { useLocale } from '../i18n/locale.tsx';
import { Loading } from '../shared/loading.tsx';
import { ProblemAlert } from '../shared/problem-alert.tsx';
import { formatTime } from '../shared/text.ts';
import { AgreementFigures } from './agreement-figures.tsx';
import { reviewApi, reviewKeys } from './review-api.ts';
import type { ReviewerAgreement } from './types.ts';

type Row = ReviewerAgreement['rounds'][number];
const fixed = (x: number | null) => (x === null ? '—' : x.toFixed(2));

/** The mean of the defined figures (a round where a figure is undefined does not count as 0). */
export function mean(xs: readonly (number | null)[]): number | null {
  const defined = xs.filter((x): x is number => x !== null);
  return defined.length === 0 ? null : defined.reduce((s, x) => s + x, 0) / defined.length;
}
const pctMean = (rounds: readonly Row[]) => {
  const m = mean(rounds.map((r) => r.agreement.percent));
  return m === null ? '—' : `${Math.round(m * 100)}%`;
};

/** A reviewer's page: how far they agreed with the other reviewers, overall and per decided round. */
export default function ReviewerAgreementPage() {
  const { id = '' } = useParams();
  const { locale, t } = useLocale();
  const q = useQuery({
    queryKey: reviewKeys.reviewer(id),
    queryFn: () => reviewApi.reviewerAgreement(id),
  });
  if (q.isError) return <ProblemAlert error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return <Loading />;
  const d = q.data;
  const latest = d.rounds[d.rounds.length - 1];
  return (
    <div className="zp-page">
      <h1>{t('agreement.reviewerTitle', { name: d.reviewer.name })}</h1>
      {latest ? (
        <AgreementFigures agreement={latest.agreement} />
      ) : (
        <p className="zp-muted">{t('agreement.none')}</p>
      )}
      <p className="zp-muted" data-testid="agreement-mean">
        {t('agreement.mean', {
          n: d.rounds.length,
          percent: pctMean(d.rounds),
          kappa: fixed(mean(d.rounds.map((r) => r.agreement.kappa))),
        })}
      </p>
      <h2>{t('agreement.overTime')}</h2>
      <Table<Row>
        rowKey={(r) => `${r.assessment.id}-${r.round}`}
        dataSource={d.rounds}
        pagination={false}
        size="small"
        columns={[
          {
            title: t('col.title'),
            key: 'title',
            render: (_, r) => (
              <Link to={`/assessments/${r.assessment.id}/review`}>{r.assessment.title}</Link>
            ),
          },
          { title: t('review.roundCol'), key: 'round', width: 64, render: (_, r) => r.round },
          { title: t('col.updated'), key: 'at', render: (_, r) => formatTime(r.at, locale) },
          {
            title: t('agreement.percent'),
            key: 'p',
            align: 'right',
            render: (_, r) =>
              r.agreement.percent === null ? '—' : `${Math.round(r.agreement.percent * 100)}%`,
          },
          { title: 'κ', key: 'k', align: 'right', render: (_, r) => fixed(r.agreement.kappa) },
        ]}
      />
    </div>
  );
}
