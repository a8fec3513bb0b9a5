import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AdminUser, OneTimeLink } from '@zhiping/api/contract';
import { Role } from '@zhiping/forms';
import { Alert, Form, Input, Modal, Select } from 'antd';
import { useT } from '../i18n/locale.tsx';
import { ProblemAlert } from '../shared/problem-alert.tsx';
import { adminApi, adminKeys, type NewUser } from './admin-api.ts';

export const ROLES = Role.options;

/**
 * A new account, invited: it has no password until its holder sets one
 * through the one-time link this creates (shown next by the caller).
 */
export function UserForm({
  open,
  onClose,
  onInvited,
}: {
  open: boolean;
  onClose: () => void;
  onInvited: (user: AdminUser, link: OneTimeLink) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<NewUser>();
  const queryClient = useQueryClient();
  const orgs = useQuery({
    queryKey: adminKeys.organisations('pageSize=100'),
    queryFn: () => adminApi.organisations(new URLSearchParams({ pageSize: '100' })),
    enabled: open,
  });
  const save = useMutation({
    mutationFn: async (v: NewUser) => {
      const user = await adminApi.createUser(v);
      return { user, link: await adminApi.link(user.id, 'invite') };
    },
    onSuccess: ({ user, link }) => {
      void queryClient.invalidateQueries({ queryKey: adminKeys.all });
      onInvited(user, link);
    },
  });
  return (
    <Modal
      open={open}
      title={t('adm.newUser')}
      okText={t('adm.save')}
      cancelText={t('adm.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      afterOpenChange={(o) => o && save.reset()}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => save.mutate(v)}
        initialValues={{ role: 'respondent' }}
        preserve={false}
      >
        <Form.Item
          name="name"
          label={t('adm.name')}
          rules={[{ required: true, whitespace: true, message: t('adm.name') }]}
        >
          <Input maxLength={100} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="email"
          label={t('adm.email')}
          rules={[{ required: true, type: 'email', message: t('login.emailRequired') }]}
        >
          <Input maxLength={200} autoComplete="off" />
        </Form.Item>
        <Form.Item name="role" label={t('adm.role')} rules={[{ required: true }]}>
          <Select options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
        </Form.Item>
        <Form.Item
          name="organisationId"
          label={t('adm.organisation')}
          rules={[{ required: true, message: t('adm.organisation') }]}
        >
          <Select
            showSearch
            optionFilterProp="label"
            loading={orgs.isPending}
            options={(orgs.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
          />
        </Form.Item>
      </Form>
      <Alert type="info" showIcon title={t('adm.inviteHint')} />
      {save.isError ? <ProblemAlert error={save.error} /> : null}
    </Modal>
  );
}
