import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AdminOrganisation } from '@zhiping/api/contract';
import { OrgKind, RegionLevel } from '@zhiping/forms';
import { Form, Input, Modal, Select } from 'antd';
import { useT } from '../i18n/locale.tsx';
import { ProblemAlert } from '../shared/problem-alert.tsx';
import { adminApi, adminKeys } from './admin-api.ts';

export const ORG_KINDS = OrgKind.options;
export const LEVELS = RegionLevel.options;

interface Values {
  name: string;
  shortName?: string;
  kind: OrgKind;
  region?: string;
  regionLevel?: RegionLevel;
}

/** Create an organisation, or edit one (`editing`); the region goes with its level. */
export function OrganisationForm({
  editing,
  open,
  onClose,
}: {
  editing: AdminOrganisation | null;
  open: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (v: Values) => {
      const region = v.region?.trim() || null;
      const body = {
        name: v.name,
        shortName: v.shortName?.trim() || null,
        kind: v.kind,
        region,
        regionLevel: v.regionLevel ?? null,
      };
      return editing
        ? adminApi.changeOrganisation(editing.id, body)
        : adminApi.createOrganisation(body);
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: adminKeys.all });
      onClose();
    },
  });
  return (
    <Modal
      open={open}
      title={editing ? t('adm.editOrganisation') : t('adm.newOrganisation')}
      okText={t('adm.save')}
      cancelText={t('adm.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      afterOpenChange={(o) => {
        if (o) {
          save.reset();
          form.setFieldsValue(
            editing
              ? {
                  name: editing.name,
                  shortName: editing.shortName ?? undefined,
                  kind: editing.kind,
                  region: editing.region ?? undefined,
                  regionLevel: editing.regionLevel ?? undefined,
                }
              : {
                  name: '',
                  shortName: undefined,
                  kind: 'enterprise',
                  region: undefined,
                  regionLevel: undefined,
                },
          );
        }
      }}
    >
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} preserve={false}>
        <Form.Item
          name="name"
          label={t('adm.orgName')}
          rules={[{ required: true, whitespace: true, message: t('adm.orgName') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="shortName" label={t('adm.shortName')} extra={t('adm.shortNameHint')}>
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name="kind" label={t('adm.kind')} rules={[{ required: true }]}>
          <Select options={ORG_KINDS.map((k) => ({ value: k, label: t(`orgKind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="region" label={t('adm.region')} extra={t('adm.regionHint')}>
          <Input maxLength={50} placeholder="宁波市" />
        </Form.Item>
        <Form.Item
          name="regionLevel"
          label={t('adm.regionLevel')}
          dependencies={['region']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, v) =>
                String(getFieldValue('region') ?? '').trim() && !v
                  ? Promise.reject(new Error(t('adm.regionHint')))
                  : Promise.resolve(),
            }),
          ]}
        >
          <Select
            allowClear
            options={LEVELS.map((l) => ({ value: l, label: t(`adm.level.${l}`) }))}
          />
        </Form.Item>
      </Form>
      {save.isError ? <ProblemAlert error={save.error} /> : null}
    </Modal>
  );
}
