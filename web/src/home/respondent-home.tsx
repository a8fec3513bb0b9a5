import { useMutation, useQueryClient } from '@tanstack/react-query';
import { AssessmentStatus, statesFor, textOf } from '@zhiping/forms';
import { Button, Card, Empty, Tag } from 'antd';
import { Link, useNavigate } from 'react-router';
import { ListToolbar } from '../admin/list-toolbar.tsx';
import { useListParams } from '../admin/use-list-params.ts';
import { api } from '../api/endpoints.ts';
import { keys, useDefinition, useForms } from '../api/queries.ts';
import type { AssessmentSummary, DefinitionSummary, User } from '../api/types.ts';
import { StartFromEarlier } from '../carry-over/start-from-earlier.tsx';
import { useLocale } from '../i18n/locale.tsx';
import { OpenCalls } from '../programmes/open-calls.tsx';
import { ProblemAlert } from '../shared/problem-alert.tsx';
import { AssessmentTable } from './assessment-table.tsx';
import { EmptyState } from './empty-state.tsx';
import { groupByFamily } from './group-by-family.ts';
import { useMyPage } from './list-api.ts';
import { useListT } from './messages.ts';
import { RespondentDashboard } from './respondent-dashboard.tsx';

const FILTERS = ['status', 'definition', 'tier', 'from', 'to'] as const;

// Where the questionnaire page is the place to go: to edit, or to reopen (the lifecycle's states).
const fillable = new Set([...statesFor('edit'), ...statesFor('reopen')]);
const editable = (a: AssessmentSummary) => fillable.has(a.status);
// A returned assessment opens on the reviewer's reasons first (from there: reopen and change).
const hrefOf = (a: AssessmentSummary) =>
  `/assessments/${a.id}/${a.status === 'returned' ? 'returned' : editable(a) ? 'fill' : 'results'}`;
const actionOf = (a: AssessmentSummary) =>
  a.status === 'returned' ? 'home.returnReasons' : editable(a) ? 'home.continue' : 'home.results';

/** A respondent's home: their assessments, and the catalogue to start a new one from. */
export function RespondentHome({ user }: { user: User }) {
  const { locale, t } = useLocale();
  const lt = useListT();
  const list = useListParams(FILTERS);
  const mine = useMyPage(list.params);
  const forms = useForms();
  const chosen = list.get('definition');
  const tiers = useDefinition(chosen).data?.definition.tiers ?? [];
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: (ref: string) => api.createAssessment({ definition: ref }),
    onSuccess: (a) => {
      void queryClient.invalidateQueries({ queryKey: keys.assessments });
      queryClient.setQueryData(keys.assessment(a.id), a);
      navigate(`/assessments/${a.id}/fill`);
    },
  });
  // Cities see city questionnaires first; an organisation of another kind sees everything.
  const audience = user.organisation.kind === 'city' ? 'city' : 'enterprise';
  const fitting = (forms.data ?? []).filter((d) => d.audience.includes(audience));
  const catalogue = groupByFamily(fitting.length > 0 ? fitting : (forms.data ?? []));
  return (
    <div className="zp-page">
      <OpenCalls />
      <RespondentDashboard />
      <section aria-labelledby="mine-title" className="zp-section">
        <h1 id="mine-title">{t('home.mine')}</h1>
        <ListToolbar
          list={list}
          searchLabel={lt('list.search')}
          dates={lt('list.datesUpdated')}
          filters={[
            {
              key: 'status',
              placeholder: lt('list.anyStatus'),
              options: AssessmentStatus.options.map((s) => ({
                value: s,
                label: t(`assessmentStatus.${s}`),
              })),
            },
            {
              key: 'definition',
              placeholder: lt('list.anyDefinition'),
              options: (forms.data ?? []).map((d) => ({
                value: d.id,
                label: textOf(d.title, locale),
              })),
            },
            // A tier belongs to one definition: offered once a definition is chosen.
            ...(chosen && tiers.length > 0
              ? [
                  {
                    key: 'tier',
                    placeholder: lt('list.anyTier'),
                    options: tiers.map((x) => ({ value: x.id, label: textOf(x.label, locale) })),
                  },
                ]
              : []),
          ]}
        />
        {mine.isError ? (
          <ProblemAlert error={mine.error} onRetry={() => void mine.refetch()} />
        ) : null}
        <AssessmentTable
          rows={mine.data?.items ?? []}
          loading={mine.isFetching}
          empty={
            list.filtered ? (
              <EmptyState
                title={lt('list.emptyFiltered')}
                hint={lt('list.emptyFilteredHint')}
                action={<Button onClick={list.clear}>{t('adm.clearFilters')}</Button>}
              />
            ) : (
              // The catalogue and the guided start are right below: the hint points there.
              <EmptyState title={lt('list.emptyMine')} hint={lt('list.emptyMineHint')} />
            )
          }
          href={hrefOf}
          actions={(a) => <Link to={hrefOf(a)}>{t(actionOf(a))}</Link>}
          server={{ list, total: mine.data?.total, defaultSort: 'updatedAt' }}
        />
        <StartFromEarlier rows={mine.data?.items ?? []} />
      </section>
      <section aria-labelledby="new-title" className="zp-section">
        <div className="zp-row-between">
          <h2 id="new-title">{t('home.startNew')}</h2>
          <Link to="/start">{t('home.guided')}</Link>
        </div>
        {create.isError ? <ProblemAlert error={create.error} /> : null}
        {forms.isError ? (
          <ProblemAlert error={forms.error} onRetry={() => void forms.refetch()} />
        ) : null}
        {forms.data && catalogue.length === 0 ? <Empty /> : null}
        {catalogue.map(([family, defs]) => (
          <div key={family} className="zp-family">
            <h3>{t(`family.${family}`)}</h3>
            <div className="zp-cards">
              {defs.map((d) => (
                <DefinitionCard
                  key={d.ref}
                  d={d}
                  busy={create.isPending && create.variables === d.ref}
                  onStart={() => create.mutate(d.ref)}
                />
              ))}
            </div>
          </div>
        ))}
      </section>
    </div>
  );
}

function DefinitionCard({
  d,
  busy,
  onStart,
}: {
  d: DefinitionSummary;
  busy: boolean;
  onStart: () => void;
}) {
  const { locale, t } = useLocale();
  const title = textOf(d.title, locale);
  return (
    <Card size="small" title={<span className="zp-card-title">{title}</span>}>
      {d.summary ? <p className="zp-clamp">{textOf(d.summary, locale)}</p> : null}
      <div className="zp-row-between">
        <span>
          <Tag>{d.version}</Tag>
          <span className="zp-muted">{t('home.items', { n: d.items })}</span>
        </span>
        <Button
          type="primary"
          loading={busy}
          onClick={onStart}
          aria-label={`${t('home.start')}${t('app.colon')}${title}`}
        >
          {t('home.start')}
        </Button>
      </div>
    </Card>
  );
}
