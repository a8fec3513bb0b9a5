import { useQuery } from '@tanstack/react-query';
import { cohortGradeText, cohortReasonText, formatScore, textOf } from '@zhiping/forms';
import { Alert, Empty, Table, Tag } from 'antd';
import { Link } from 'react-router';
import { useLocale } from '../i18n/locale.tsx';
import { Loading } from '../shared/loading.tsx';
import { ProblemAlert } from '../shared/problem-alert.tsx';
import { DeclareTitle } from './declare-title.tsx';
import { programmeKeys, programmesApi } from './programmes-api.ts';

type ApplicantsView = Awaited<ReturnType<typeof programmesApi.applicants>>;
type Row = ApplicantsView['rows'][number];

/** The office's applicants: decided scores; after the window, rank, grade, tier and why. */
export function Applicants({ id, closesOn }: { id: string; closesOn: string }) {
  const { locale, t } = useLocale();
  const q = useQuery({
    queryKey: programmeKeys.applicants(id),
    queryFn: () => programmesApi.applicants(id),
  });
  if (q.isError) return <ProblemAlert error={q.error} onRetry={() => void q.refetch()} />;
  if (q.isPending) return <Loading />;
  const v = q.data;
  const label = (tier: string) => textOf(v.tiers.find((x) => x.id === tier)?.label ?? tier, locale);
  const score = (n: number | null | undefined) => (n == null ? '—' : formatScore(n));
  const rules = v.tiers.filter((x) => x.titleRule !== null);
  const titleTiers = v.tiers.map((x) => ({ id: x.id, label: textOf(x.label, locale) }));
  return (
    <section className="zp-section" aria-labelledby="applicants-title">
      <h2 id="applicants-title">{t('prog.applicants')}</h2>
      {v.ranking ? (
        <>
          <p>
            {t('prog.rankingSummary', {
              ranked: v.ranking.ranked,
              places: v.ranking.excellentPlaces,
              excellent: v.ranking.excellent,
            })}{' '}
            <a href={programmesApi.rankingUrl(id)} download>
              {t('prog.export')}
            </a>
          </p>
          {v.ranking.quotaTies.length > 0 ? (
            <Alert
              type="warning"
              showIcon
              message={t('prog.quotaTies', { tiers: v.ranking.quotaTies.map(label).join('、') })}
            />
          ) : null}
        </>
      ) : (
        <p className="zp-muted">{t('prog.rankingPending', { date: closesOn })}</p>
      )}
      {rules.length > 0 ? (
        <ul className="zp-plain-list zp-title-checks" aria-label={t('prog.titles')}>
          {rules.map((x) =>
            x.titleRule ? (
              <li key={x.id}>
                {x.titleRule.years > 0
                  ? t('prog.titleRule', {
                      tier: label(x.id),
                      title: label(x.titleRule.title),
                      years: x.titleRule.years,
                      date: closesOn,
                    })
                  : t('prog.titleRuleAny', { tier: label(x.id), title: label(x.titleRule.title) })}
              </li>
            ) : null,
          )}
        </ul>
      ) : null}
      {v.withdrawn > 0 ? (
        <p className="zp-muted">{t('prog.withdrawnCount', { n: v.withdrawn })}</p>
      ) : null}
      {v.rows.length === 0 ? (
        <Empty description={t('prog.emptyApplicants')} />
      ) : (
        <Table<Row>
          rowKey="application"
          dataSource={v.rows}
          pagination={v.rows.length > 20 ? { pageSize: 20 } : false}
          scroll={{ x: true }}
          columns={[
            { title: t('prog.rank'), render: (_, r) => r.rank ?? '—', width: 64 },
            {
              title: t('prog.organisation'),
              render: (_, r) =>
                r.status === 'draft' ? (
                  r.organisation.name
                ) : (
                  <Link to={`/assessments/${r.assessment}/results`}>{r.organisation.name}</Link>
                ),
            },
            { title: t('prog.status'), render: (_, r) => t(`assessmentStatus.${r.status}`) },
            { title: t('prog.reviewedScore'), render: (_, r) => score(r.reviewed?.score) },
            { title: t('prog.selfScore'), render: (_, r) => score(r.selfScore) },
            {
              title: t('prog.grade'),
              render: (_, r) =>
                r.grade ? (
                  <Tag
                    color={
                      r.grade === 'excellent' ? 'gold' : r.grade === 'fail' ? 'red' : 'default'
                    }
                  >
                    {cohortGradeText(r.grade, locale)}
                  </Tag>
                ) : (
                  '—'
                ),
            },
            { title: t('prog.awarded'), render: (_, r) => (r.awarded ? label(r.awarded) : '—') },
            {
              title: t('prog.why'),
              render: (_, r) => r.reasons.map((x) => cohortReasonText(x, locale, label)).join('；'),
            },
            ...(rules.length > 0
              ? [
                  {
                    title: t('prog.titles'),
                    render: (_: unknown, r: Row) => (
                      <DeclareTitle org={r.organisation} tiers={titleTiers} />
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
    </section>
  );
}
