import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AdminOrganisation } from '@zhiping/api/contract';
import { Button, Grid, Space, Table } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useListT } from '../home/messages.ts';
import { useLocale } from '../i18n/locale.tsx';
import { ProblemAlert } from '../shared/problem-alert.tsx';
import { formatTime } from '../shared/text.ts';
import { adminApi, adminKeys } from './admin-api.ts';
import { ListToolbar, pagination } from './list-toolbar.tsx';
import { LEVELS, ORG_KINDS, OrganisationForm } from './organisation-form.tsx';
import { useListParams } from './use-list-params.ts';

const FILTERS = ['kind', 'regionLevel'] as const;

export function OrganisationsTab() {
  const { locale, t } = useLocale();
  const lt = useListT();
  const list = useListParams(FILTERS);
  const page = useQuery({
    queryKey: adminKeys.organisations(list.params.toString()),
    queryFn: () => adminApi.organisations(list.params),
    placeholderData: keepPreviousData,
  });
  const [editing, setEditing] = useState<AdminOrganisation | null>(null);
  const [open, setOpen] = useState(false);
  const wide = Grid.useBreakpoint().md !== false;
  const hideNarrow = wide ? {} : { hidden: true };
  return (
    <>
      <ListToolbar
        list={list}
        searchLabel={t('adm.searchOrganisations')}
        filters={[
          {
            key: 'kind',
            placeholder: t('adm.anyKind'),
            options: ORG_KINDS.map((k) => ({ value: k, label: t(`orgKind.${k}`) })),
          },
          {
            key: 'regionLevel',
            placeholder: t('adm.anyLevel'),
            options: LEVELS.map((l) => ({ value: l, label: t(`adm.level.${l}`) })),
          },
        ]}
        extra={
          <Button
            type="primary"
            onClick={() => {
              setEditing(null);
              setOpen(true);
            }}
          >
            {t('adm.newOrganisation')}
          </Button>
        }
      />
      {page.isError ? (
        <ProblemAlert error={page.error} onRetry={() => void page.refetch()} />
      ) : null}
      <Table<AdminOrganisation>
        rowKey="id"
        size="middle"
        loading={page.isFetching}
        dataSource={page.data?.items ?? []}
        pagination={pagination(list, page.data?.total, t)}
        locale={{ emptyText: t('adm.emptyOrganisations') }}
        scroll={wide ? { x: 760 } : undefined}
        tableLayout={wide ? undefined : 'fixed'}
        columns={[
          {
            title: t('adm.orgName'),
            key: 'name',
            render: (_, o) => (
              <>
                <strong>{o.name}</strong>
                {wide ? null : (
                  <div className="zp-muted zp-small">
                    {t(`orgKind.${o.kind}`)}
                    {o.region ? ` · ${o.region}` : ''}
                  </div>
                )}
              </>
            ),
          },
          {
            title: t('adm.kind'),
            key: 'kind',
            width: 150,
            ...hideNarrow,
            render: (_, o) => t(`orgKind.${o.kind}`),
          },
          {
            title: t('adm.region'),
            key: 'region',
            width: 160,
            ...hideNarrow,
            render: (_, o) =>
              o.region
                ? `${o.region}${o.regionLevel ? `（${t(`adm.level.${o.regionLevel}`)}）` : ''}`
                : '—',
          },
          {
            title: t('adm.userCount'),
            dataIndex: 'users',
            width: 80,
            align: 'right',
            ...hideNarrow,
          },
          {
            title: t('col.updated'),
            key: 'created',
            width: 150,
            ...hideNarrow,
            render: (_, o) => formatTime(o.createdAt, locale),
          },
          {
            title: '',
            key: 'edit',
            width: wide ? 140 : 80,
            render: (_, o) => (
              <Space wrap size={4}>
                <Link
                  to={`/history?organisation=${encodeURIComponent(o.id)}`}
                  aria-label={lt('list.historyOf', { name: o.name })}
                >
                  {lt('list.history')}
                </Link>
                <Button
                  size="small"
                  aria-label={`${t('adm.edit')}${t('app.colon')}${o.name}`}
                  onClick={() => {
                    setEditing(o);
                    setOpen(true);
                  }}
                >
                  {t('adm.edit')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <OrganisationForm editing={editing} open={open} onClose={() => setOpen(false)} />
    </>
  );
}
