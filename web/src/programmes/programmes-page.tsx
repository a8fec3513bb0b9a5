import './programmes.css';
import { useQuery } from '@tanstack/react-query';
import { Button, Empty, Input, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useMe } from '../api/queries.ts';
import { useLocale } from '../i18n/locale.tsx';
import { Loading } from '../shared/loading.tsx';
import { ProblemAlert } from '../shared/problem-alert.tsx';
import { NewProgramme } from './new-programme.tsx';
import { programmeKeys, programmesApi } from './programmes-api.ts';
import { WindowTag } from './window-tag.tsx';

type View = Awaited<ReturnType<typeof programmesApi.list>>[number];

/**
 * Calls: an office's own (with "new call"), an organisation's open ones to
 * apply to. One list, searchable by name; the office and applicant halves
 * are separate sections so each says what to do when it is empty.
 */
export default function ProgrammesPage() {
  const { t } = useLocale();
  const me = useMe().data;
  const list = useQuery({ queryKey: programmeKeys.all, queryFn: programmesApi.list });
  const [q, setQ] = useState('');
  const [creating, setCreating] = useState(false);
  const shown = useMemo(
    () => (list.data ?? []).filter((v) => v.programme.title.includes(q.trim())),
    [list.data, q],
  );
  if (list.isError) return <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />;
  if (list.isPending || !me) return <Loading />;
  const office =
    me.role === 'admin' || (me.role === 'respondent' && me.organisation.kind === 'city');
  const mine = shown.filter((v) => v.as === 'office');
  const open = shown.filter((v) => v.as === 'applicant');
  return (
    <div className="zp-page zp-prog">
      <h1>{t('prog.title')}</h1>
      <div className="zp-actions">
        <Input.Search
          allowClear
          aria-label={t('adm.search')}
          placeholder={t('prog.name')}
          onSearch={setQ}
          onChange={(e) => setQ(e.target.value)}
          style={{ maxWidth: 280 }}
        />
        {office ? (
          <>
            <Button type="primary" onClick={() => setCreating(true)}>
              {t('prog.new')}
            </Button>
            <Link to="/programmes/dashboard">{t('prog.dashboard')}</Link>
          </>
        ) : null}
      </div>
      {office ? (
        <section aria-labelledby="prog-office">
          <h2 id="prog-office">{t('prog.officeTitle')}</h2>
          <ProgrammeTable rows={mine} empty={t('prog.emptyOffice')} />
        </section>
      ) : null}
      {me.role === 'respondent' ? (
        <section aria-labelledby="prog-open" className="zp-section">
          <h2 id="prog-open">{t('prog.openTitle')}</h2>
          <ProgrammeTable rows={open} empty={t('prog.emptyOpen')} />
        </section>
      ) : null}
      {creating ? <NewProgramme onClose={() => setCreating(false)} /> : null}
    </div>
  );
}

function ProgrammeTable({ rows, empty }: { rows: View[]; empty: string }) {
  const { t } = useLocale();
  if (rows.length === 0) return <Empty description={empty} />;
  return (
    <Table<View>
      rowKey={(v) => v.programme.id}
      dataSource={rows}
      pagination={rows.length > 20 ? { pageSize: 20 } : false}
      scroll={{ x: true }}
      columns={[
        {
          title: t('prog.name'),
          render: (_, v) => <Link to={`/programmes/${v.programme.id}`}>{v.programme.title}</Link>,
        },
        {
          title: t('prog.window'),
          render: (_, v) => (
            <span>
              {v.programme.opensOn} – {v.programme.closesOn} <WindowTag window={v.window} />
            </span>
          ),
        },
        { title: t('prog.region'), render: (_, v) => v.programme.region || '—' },
        {
          title: t('prog.status'),
          render: (_, v) =>
            v.as === 'office' ? (
              v.programme.ownerName
            ) : v.application && !v.application.withdrawnAt ? (
              <Tag color="blue">{t('prog.applied')}</Tag>
            ) : v.application ? (
              <Tag>{t('prog.withdrawn')}</Tag>
            ) : null,
        },
      ]}
    />
  );
}
