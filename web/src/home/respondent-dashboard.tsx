import './dashboard.css';
import { useQuery } from '@tanstack/react-query';
import type { StandingLine } from '@zhiping/api/contract';
import { formatScore, textOf } from '@zhiping/forms';
import { Card } from 'antd';
import { Link } from 'react-router';
import { useLocale } from '../i18n/locale.tsx';
import { StatusTag } from '../shared/status-tag.tsx';
import { listApi, listKeys } from './list-api.ts';
import { useListT } from './messages.ts';

const NEXT_PAGE: Record<StandingLine['next'], string> = {
  continue: 'fill',
  'answer-return': 'returned',
  'await-review': 'results',
  'start-next': 'carry-over',
};

/** Where the respondent stands on each definition, and the one thing to do next on it. */
export function RespondentDashboard() {
  const { locale, t } = useLocale();
  const lt = useListT();
  const dash = useQuery({
    queryKey: listKeys.dashboard('respondent'),
    queryFn: listApi.respondentDashboard,
  });
  const lines = dash.data?.lines ?? [];
  if (lines.length === 0) return null;
  return (
    <section aria-labelledby="standing-title" className="zp-section">
      <h2 id="standing-title">{lt('dash.standing')}</h2>
      <div className="zp-cards">
        {lines.map((l) => {
          const latest = l.latest;
          const decided = l.decided?.reviewed ? l.decided : null;
          return (
            <Card
              key={l.definition.id}
              size="small"
              data-testid={`standing-${l.definition.id}`}
              title={<span className="zp-card-title">{textOf(l.definition.title, locale)}</span>}
              extra={
                <Link to={`/history/${encodeURIComponent(l.definition.id)}`}>
                  {lt('list.history')}
                </Link>
              }
            >
              <p>
                {lt('dash.latest')}
                {t('app.colon')}
                {latest.title} <StatusTag status={latest.status} />
                <br />
                <span className="zp-muted">
                  {lt('list.scoreSelf')} {latest.score === null ? '—' : formatScore(latest.score)}
                  {latest.verdict ? ` · ${textOf(latest.verdict, locale)}` : ''}
                </span>
              </p>
              <p>
                {lt('dash.decidedLast')}
                {t('app.colon')}
                {decided?.reviewed ? (
                  <>
                    <strong data-testid="standing-decided">
                      {lt('list.scoreDecided')} {formatScore(decided.reviewed.score)}
                    </strong>
                    {decided.reviewed.verdict
                      ? ` · ${textOf(decided.reviewed.verdict, locale)}`
                      : ''}
                    <span className="zp-muted"> ({decided.reviewed.decidedAt.slice(0, 10)})</span>
                  </>
                ) : (
                  <span className="zp-muted">{lt('dash.noDecision')}</span>
                )}
              </p>
              <div className="zp-row-between">
                <span className="zp-muted">{lt('dash.count', { n: l.assessments })}</span>
                <Link to={`/assessments/${latest.id}/${NEXT_PAGE[l.next]}`}>
                  {lt(`dash.next.${l.next}`)}
                </Link>
              </div>
            </Card>
          );
        })}
      </div>
    </section>
  );
}
