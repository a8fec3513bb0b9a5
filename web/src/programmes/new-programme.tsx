import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { textOf } from '@zhiping/forms';
import { Alert, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useDefinition, useForms } from '../api/queries.ts';
import { useLocale } from '../i18n/locale.tsx';
import { ProblemAlert } from '../shared/problem-alert.tsx';
import { type ProgrammeBody, programmeKeys, programmesApi } from './programmes-api.ts';

const KINDS = ['enterprise', 'city'] as const;

interface Values {
  title: string;
  definition: string;
  window: [{ format(f: string): string }, { format(f: string): string }];
  region?: string;
  eligibleKinds: (typeof KINDS)[number][];
  quotas: Record<string, number | null | undefined>;
  excellentPercent?: number | null;
  reviewers: string[];
  titleRules?: Record<string, { title?: string | null; years?: number | null } | undefined>;
}

/** Opens a call: questionnaire, window, who may apply, quotas per tier, 优秀 share, reviewers. */
export function NewProgramme({ onClose }: { onClose: () => void }) {
  const { locale, t } = useLocale();
  const [form] = Form.useForm<Values>();
  const forms = useForms();
  const reviewers = useQuery({
    queryKey: ['programmes', 'reviewers'],
    queryFn: programmesApi.reviewers,
  });
  const [ref, setRef] = useState<string>();
  const definition = useDefinition(ref);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const create = useMutation({
    mutationFn: (body: ProgrammeBody) => programmesApi.create(body),
    onSuccess: (p) => {
      void queryClient.invalidateQueries({ queryKey: programmeKeys.all });
      navigate(`/programmes/${p.id}`);
    },
  });
  const tiers = (definition.data?.definition.tiers ?? []).filter(
    (tier, i) => !(i === 0 && tier.minScore === 0),
  );
  const submit = (v: Values) => {
    const quotas: Record<string, number> = {};
    for (const [tier, n] of Object.entries(v.quotas ?? {}))
      if (typeof n === 'number') quotas[tier] = n;
    const titleRules: Record<string, { title: string; years: number }> = {};
    for (const [tier, rule] of Object.entries(v.titleRules ?? {}))
      if (rule?.title) titleRules[tier] = { title: rule.title, years: rule.years ?? 0 };
    create.mutate({
      title: v.title,
      definition: v.definition,
      opensOn: v.window[0].format('YYYY-MM-DD'),
      closesOn: v.window[1].format('YYYY-MM-DD'),
      ...(v.region ? { region: v.region } : {}),
      eligibleKinds: v.eligibleKinds,
      quotas,
      excellentShare: v.excellentPercent ? v.excellentPercent / 100 : null,
      reviewers: v.reviewers ?? [],
      titleRules,
    });
  };
  return (
    <Modal
      open
      wrapClassName="zp-prog"
      title={t('prog.new')}
      okText={t('prog.create')}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      onCancel={onClose}
      width={640}
    >
      {create.isError ? <ProblemAlert error={create.error} /> : null}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ eligibleKinds: ['enterprise'], quotas: {}, reviewers: [] }}
      >
        <Form.Item name="title" label={t('prog.name')} rules={[{ required: true, max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="definition" label={t('prog.definition')} rules={[{ required: true }]}>
          <Select
            showSearch
            optionFilterProp="label"
            onChange={(v: string) => setRef(v)}
            options={(forms.data ?? []).map((d) => ({
              value: `${d.id}@${d.version}`,
              label: `${textOf(d.title, locale)} (${d.version})`,
            }))}
          />
        </Form.Item>
        <Form.Item name="window" label={t('prog.window')} rules={[{ required: true }]}>
          <DatePicker.RangePicker />
        </Form.Item>
        <Form.Item name="region" label={t('prog.region')} extra={t('prog.regionHint')}>
          <Input maxLength={100} />
        </Form.Item>
        {/* min 1 rather than required: antd would put aria-required on the checkbox
            group's div, where ARIA does not allow it (axe, critical). */}
        <Form.Item
          name="eligibleKinds"
          label={t('prog.kinds')}
          rules={[{ type: 'array', min: 1, message: t('prog.kindsRequired') }]}
        >
          <Checkbox.Group options={KINDS.map((k) => ({ value: k, label: t(`orgKind.${k}`) }))} />
        </Form.Item>
        {tiers.length > 0 ? (
          <fieldset className="zp-fieldset">
            <legend>{t('prog.quotas')}</legend>
            <Alert type="info" showIcon message={t('prog.quotaHint')} />
            {tiers.map((tier) => (
              <Form.Item
                key={tier.id}
                name={['quotas', tier.id]}
                label={`${textOf(tier.label, locale)}（≥ ${tier.minScore}）`}
              >
                <InputNumber min={0} precision={0} />
              </Form.Item>
            ))}
          </fieldset>
        ) : null}
        {tiers.length > 0 ? (
          <fieldset className="zp-fieldset">
            <legend>{t('prog.titles')}</legend>
            <p className="zp-muted">{t('prog.titlesHint')}</p>
            {tiers.map((tier) => (
              <div key={tier.id} className="zp-title-rule">
                <Form.Item
                  name={['titleRules', tier.id, 'title']}
                  label={t('prog.titleFor', { tier: textOf(tier.label, locale) })}
                >
                  <Select
                    allowClear
                    placeholder={t('prog.titleNone')}
                    options={tiers.map((x) => ({ value: x.id, label: textOf(x.label, locale) }))}
                  />
                </Form.Item>
                <Form.Item name={['titleRules', tier.id, 'years']} label={t('prog.titleYears')}>
                  <InputNumber
                    min={0}
                    max={50}
                    precision={0}
                    addonAfter={t('prog.titleYearsUnit')}
                  />
                </Form.Item>
              </div>
            ))}
          </fieldset>
        ) : null}
        <Form.Item
          name="excellentPercent"
          label={t('prog.excellent')}
          extra={t('prog.excellentHint')}
        >
          <InputNumber min={1} max={100} addonAfter="%" />
        </Form.Item>
        <Form.Item name="reviewers" label={t('prog.reviewers')}>
          <Select
            mode="multiple"
            optionFilterProp="label"
            options={(reviewers.data ?? []).map((r) => ({
              value: r.id,
              label: `${r.name}（${r.organisation}）`,
            }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
