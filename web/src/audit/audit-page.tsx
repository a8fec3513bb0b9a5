import '../review/review.css';
import { useQuery } from '@tanstack/react-query';
import { DatePicker, Select, Timeline } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useAssessment } from '../api/queries.ts';
import { type Translate, useLocale } from '../i18n/locale.tsx';
import { Loading } from '../shared/loading.tsx';
import { ProblemAlert } from '../shared/problem-alert.tsx';
import { formatTime } from '../shared/text.ts';
import { type AuditFilter, auditApi } from './audit-api.ts';
import { AuditChanges } from './audit-changes-list.tsx';

/** Who did what, when, old → new: one assessment's audit trail, filterable and exportable. */
export default function AuditPage() {
  const { id = '' } = useParams();
  const { locale, t } = useLocale();
  const [filter, setFilter] = useState<AuditFilter>({});
  const assessment = useAssessment(id);
  const all = useQuery({ queryKey: ['audit', id, {}], queryFn: () => auditApi.list(id, {}) });
  const shown = useQuery({
    queryKey: ['audit', id, filter],
    queryFn: () => auditApi.list(id, filter),
  });
  if (shown.isError)
    return <ProblemAlert error={shown.error} onRetry={() => void shown.refetch()} />;
  const events = all.data ?? [];
  const actors = [...new Map(events.map((e) => [e.actor.id, e.actor.name])).entries()];
  const actions = [...new Set(events.map((e) => e.action))];
  const set = (patch: AuditFilter) => setFilter((f) => ({ ...f, ...patch }));
  return (
    <div className="zp-page">
      <h1>
        {t('audit.title')}
        {assessment.data ? `${t('app.colon')}${assessment.data.title}` : ''}
      </h1>
      <nav className="zp-actions" aria-label={t('review.links')}>
        <Link to={`/assessments/${id}/results`}>{t('q.toResults')}</Link>
        <a href={auditApi.csvUrl(id, filter)} download>
          {t('audit.csv')}
        </a>
      </nav>
      <form
        className="zp-audit-filter"
        aria-label={t('audit.filter')}
        onSubmit={(e) => e.preventDefault()}
      >
        <label htmlFor="audit-actor">
          {t('audit.actor')}
          <Select
            id="audit-actor"
            allowClear
            value={filter.actor}
            onChange={(v?: string) => set({ actor: v })}
            options={actors.map(([value, label]) => ({ value, label }))}
            style={{ minWidth: 140 }}
          />
        </label>
        <label htmlFor="audit-action">
          {t('audit.action')}
          <Select
            id="audit-action"
            allowClear
            value={filter.action}
            onChange={(v?: string) => set({ action: v })}
            options={actions.map((a) => ({ value: a, label: auditActionLabel(t, a) }))}
            style={{ minWidth: 140 }}
          />
        </label>
        <label htmlFor="audit-range">
          {t('audit.range')}
          <DatePicker.RangePicker
            id={{ start: 'audit-range' }}
            onChange={(_, s) => set({ from: s[0] || undefined, to: s[1] || undefined })}
          />
        </label>
      </form>
      {shown.isPending ? <Loading /> : null}
      {shown.data && shown.data.length === 0 ? (
        <p className="zp-muted">{t('audit.empty')}</p>
      ) : null}
      <Timeline
        items={(shown.data ?? []).map((e) => ({
          key: e.id,
          children: (
            <div data-audit={e.action}>
              <div>
                <strong>{auditActionLabel(t, e.action)}</strong> · {e.actor.name} ·{' '}
                <time dateTime={e.at}>{formatTime(e.at, locale)}</time>
              </div>
              <AuditChanges entry={e} />
            </div>
          ),
        }))}
      />
    </div>
  );
}

const AUDIT_ACTIONS = [
  'created',
  'saved',
  'submitted',
  'reopened',
  'assigned',
  'reviewed',
  'settled',
  'finished',
  'decided',
  'replied',
  'file_deleted',
] as const;
type AuditAction = (typeof AUDIT_ACTIONS)[number];
const known = (a: string): a is AuditAction => (AUDIT_ACTIONS as readonly string[]).includes(a);

/** An action's label, or its code when this app does not know it yet (the API may add actions). */
export const auditActionLabel = (t: Translate, action: string): string =>
  known(action) ? t(`audit.action.${action}`) : action;
