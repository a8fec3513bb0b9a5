import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AdminAuditEntry } from '@zhiping/api/contract';
import { Table } from 'antd';
import { type MessageKey, useLocale } from '../i18n/locale.tsx';
import { ProblemAlert } from '../shared/problem-alert.tsx';
import { formatTime } from '../shared/text.ts';
import { adminApi, adminKeys } from './admin-api.ts';
import { pagination } from './list-toolbar.tsx';
import { useListParams } from './use-list-params.ts';

const FILTERS = ['targetId'] as const;

/** What admins did to accounts, organisations and reviewer lists, newest first. */
export function AuditTab() {
  const { locale, t } = useLocale();
  const list = useListParams(FILTERS);
  const page = useQuery({
    queryKey: adminKeys.audit(list.params.toString()),
    queryFn: () => adminApi.audit(list.params),
    placeholderData: keepPreviousData,
  });
  const actionText = (a: string) => {
    const key = `adm.audit.${a}`;
    return isKey(key) ? t(key) : a;
  };
  return (
    <>
      {page.isError ? (
        <ProblemAlert error={page.error} onRetry={() => void page.refetch()} />
      ) : null}
      <Table<AdminAuditEntry>
        rowKey="id"
        size="small"
        loading={page.isFetching}
        dataSource={page.data?.items ?? []}
        pagination={pagination(list, page.data?.total, t)}
        locale={{ emptyText: t('adm.emptyAudit') }}
        scroll={{ x: 700 }}
        columns={[
          {
            title: t('adm.time'),
            key: 'at',
            width: 150,
            render: (_, e) => formatTime(e.at, locale),
          },
          { title: t('adm.actor'), key: 'actor', width: 120, render: (_, e) => e.actor.name },
          {
            title: t('adm.action'),
            key: 'action',
            width: 150,
            render: (_, e) => actionText(e.action),
          },
          {
            title: t('adm.details'),
            key: 'detail',
            render: (_, e) => <code className="zp-small">{JSON.stringify(e.detail)}</code>,
          },
        ]}
      />
    </>
  );
}

const AUDIT_KEYS = new Set<string>([
  'adm.audit.organisation_created',
  'adm.audit.organisation_changed',
  'adm.audit.user_created',
  'adm.audit.user_changed',
  'adm.audit.user_disabled',
  'adm.audit.user_enabled',
  'adm.audit.link_issued',
  'adm.audit.password_set',
  'adm.audit.reviewers_changed',
] satisfies MessageKey[]);
const isKey = (k: string): k is MessageKey => AUDIT_KEYS.has(k);
