import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AdminUser, OneTimeLink } from '@zhiping/api/contract';
import { UserStatus } from '@zhiping/forms';
import { Button, Grid, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useMe } from '../api/queries.ts';
import { useT } from '../i18n/locale.tsx';
import { ProblemAlert } from '../shared/problem-alert.tsx';
import { adminApi, adminKeys } from './admin-api.ts';
import { LinkModal } from './link-modal.tsx';
import { ListToolbar, pagination } from './list-toolbar.tsx';
import { useListParams } from './use-list-params.ts';
import { ROLES, UserForm } from './user-form.tsx';

const FILTERS = ['role', 'status', 'organisationId'] as const;
const STATUSES = UserStatus.options;
const COLOUR: Record<UserStatus, string> = {
  active: 'green',
  invited: 'blue',
  disabled: 'default',
};

export function UsersTab() {
  const t = useT();
  const me = useMe().data;
  const list = useListParams(FILTERS);
  const queryClient = useQueryClient();
  const page = useQuery({
    queryKey: adminKeys.users(list.params.toString()),
    queryFn: () => adminApi.users(list.params),
    placeholderData: keepPreviousData,
  });
  const orgs = useQuery({
    queryKey: adminKeys.organisations('pageSize=100'),
    queryFn: () => adminApi.organisations(new URLSearchParams({ pageSize: '100' })),
  });
  const [creating, setCreating] = useState(false);
  const [shown, setShown] = useState<{ link: OneTimeLink; name: string } | null>(null);
  const done = () => void queryClient.invalidateQueries({ queryKey: adminKeys.all });
  const act = useMutation({
    mutationFn: async (
      a: { user: AdminUser } & (
        | { kind: 'role'; role: AdminUser['role'] }
        | { kind: 'disable' | 'enable' }
        | { kind: 'link' }
      ),
    ) => {
      if (a.kind === 'role') await adminApi.changeUser(a.user.id, { role: a.role });
      else if (a.kind === 'link') {
        const purpose = a.user.status === 'invited' ? 'invite' : 'reset';
        setShown({ link: await adminApi.link(a.user.id, purpose), name: a.user.name });
      } else await adminApi.setDisabled(a.user.id, a.kind === 'disable');
    },
    onSettled: done,
  });
  const wide = Grid.useBreakpoint().md !== false;
  return (
    <>
      <ListToolbar
        list={list}
        searchLabel={t('adm.searchUsers')}
        filters={[
          {
            key: 'role',
            placeholder: t('adm.anyRole'),
            options: ROLES.map((r) => ({ value: r, label: t(`role.${r}`) })),
          },
          {
            key: 'status',
            placeholder: t('adm.anyStatus'),
            options: STATUSES.map((s) => ({ value: s, label: t(`adm.status.${s}`) })),
          },
          {
            key: 'organisationId',
            placeholder: t('adm.anyOrganisation'),
            options: (orgs.data?.items ?? []).map((o) => ({ value: o.id, label: o.name })),
          },
        ]}
        extra={
          <Button type="primary" onClick={() => setCreating(true)}>
            {t('adm.newUser')}
          </Button>
        }
      />
      {page.isError ? (
        <ProblemAlert error={page.error} onRetry={() => void page.refetch()} />
      ) : null}
      {act.isError ? <ProblemAlert error={act.error} /> : null}
      <Table<AdminUser>
        rowKey="id"
        size="middle"
        loading={page.isFetching}
        dataSource={page.data?.items ?? []}
        pagination={pagination(list, page.data?.total, t)}
        locale={{ emptyText: t('adm.emptyUsers') }}
        scroll={wide ? { x: 900 } : undefined}
        tableLayout={wide ? undefined : 'fixed'}
        columns={[
          {
            title: t('adm.name'),
            key: 'name',
            render: (_, u) => (
              <>
                <strong>{u.name}</strong>{' '}
                <Tag color={COLOUR[u.status]}>{t(`adm.status.${u.status}`)}</Tag>
                <div className="zp-muted zp-small">{u.email}</div>
                <div className="zp-muted zp-small">{u.organisation.name}</div>
              </>
            ),
          },
          {
            title: t('adm.role'),
            key: 'role',
            width: 130,
            render: (_, u) => (
              <Select
                size="small"
                aria-label={`${t('adm.changeRole')}${t('app.colon')}${u.name}`}
                value={u.role}
                disabled={u.id === me?.id}
                onChange={(role) => act.mutate({ user: u, kind: 'role', role })}
                options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
                style={{ width: '100%' }}
              />
            ),
          },
          {
            title: '',
            key: 'actions',
            width: wide ? 230 : 120,
            render: (_, u) => (
              <Space wrap size={4}>
                {u.status !== 'disabled' ? (
                  <Button
                    size="small"
                    aria-label={`${u.status === 'invited' ? t('adm.inviteLink') : t('adm.resetLink')}${t('app.colon')}${u.name}`}
                    onClick={() => act.mutate({ user: u, kind: 'link' })}
                  >
                    {u.status === 'invited' ? t('adm.inviteLink') : t('adm.resetLink')}
                  </Button>
                ) : null}
                {u.id === me?.id ? null : u.status === 'disabled' ? (
                  <Button size="small" onClick={() => act.mutate({ user: u, kind: 'enable' })}>
                    {t('adm.enable')}
                  </Button>
                ) : (
                  <Popconfirm
                    title={t('adm.disableConfirm', { name: u.name })}
                    okText={t('adm.disable')}
                    cancelText={t('adm.cancel')}
                    onConfirm={() => act.mutate({ user: u, kind: 'disable' })}
                  >
                    <Button
                      size="small"
                      danger
                      aria-label={`${t('adm.disable')}${t('app.colon')}${u.name}`}
                    >
                      {t('adm.disable')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      <UserForm
        open={creating}
        onClose={() => setCreating(false)}
        onInvited={(user, link) => {
          setCreating(false);
          setShown({ link, name: user.name });
        }}
      />
      <LinkModal
        link={shown?.link ?? null}
        name={shown?.name ?? ''}
        onClose={() => setShown(null)}
      />
    </>
  );
}
