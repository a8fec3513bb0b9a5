import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, DatePicker, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useLocale } from '../i18n/locale.tsx';
import { ProblemAlert } from '../shared/problem-alert.tsx';
import { programmeKeys, programmesApi } from './programmes-api.ts';

interface Values {
  title: string;
  since: { format(f: string): string };
  source: string;
}

/**
 * The office records a title an applicant already holds (awarded before the
 * platform, or by another body), with the document it rests on. The ranking
 * then counts it for the tiers that ask for it.
 */
export function DeclareTitle({
  org,
  tiers,
}: {
  org: { id: string; name: string };
  tiers: { id: string; label: string }[];
}) {
  const { t } = useLocale();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const declare = useMutation({
    mutationFn: (v: Values) =>
      programmesApi.declare(org.id, {
        title: v.title,
        since: v.since.format('YYYY-MM-DD'),
        source: v.source,
      }),
    onSuccess: () => {
      setOpen(false);
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: programmeKeys.all });
      void queryClient.invalidateQueries({ queryKey: programmeKeys.titles(org.id) });
    },
  });
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>
        {t('prog.declare')}
      </Button>
      {open ? (
        <Modal
          open
          title={t('prog.declareTitle', { org: org.name })}
          okText={t('prog.declare')}
          onOk={() => form.submit()}
          confirmLoading={declare.isPending}
          onCancel={() => setOpen(false)}
        >
          <p className="zp-muted">{t('prog.declareHint')}</p>
          {declare.isError ? <ProblemAlert error={declare.error} /> : null}
          <Form<Values> form={form} layout="vertical" onFinish={(v) => declare.mutate(v)}>
            <Form.Item name="title" label={t('prog.declareWhich')} rules={[{ required: true }]}>
              <Select options={tiers.map((x) => ({ value: x.id, label: x.label }))} />
            </Form.Item>
            <Form.Item name="since" label={t('prog.declareSince')} rules={[{ required: true }]}>
              <DatePicker />
            </Form.Item>
            <Form.Item
              name="source"
              label={t('prog.declareSource')}
              rules={[{ required: true, min: 2, max: 300 }]}
            >
              <Input />
            </Form.Item>
          </Form>
        </Modal>
      ) : null}
    </>
  );
}
