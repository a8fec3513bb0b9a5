import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Definition, Item, Section } from '@zhiping/forms';
import { textOf } from '@zhiping/forms';
import { Alert, Button, Form, Select } from 'antd';
import { useState } from 'react';
import { api } from '../api/endpoints.ts';
import { keys, useAssessments, useDefinition } from '../api/queries.ts';
import { type MessageKey, useLocale } from '../i18n/locale.tsx';
import { ProblemAlert } from '../shared/problem-alert.tsx';
import { programmesApi } from './programmes-api.ts';

type Rollup = Awaited<ReturnType<typeof programmesApi.rollup>>;

/** Every number item of a definition, in questionnaire order. */
function numberItems(definition: Definition): Item[] {
  const out: Item[] = [];
  const walk = (sections: readonly Section[]) => {
    for (const s of sections) {
      for (const i of s.items) if (i.kind === 'number') out.push(i);
      walk(s.sections ?? []);
    }
  };
  walk(definition.sections);
  return out;
}

/** The measures a roll-up offers, with their current values (null: not known until the call closes). */
interface MeasureOption {
  value: string;
  name: MessageKey;
  tier?: string;
  n: number | null;
}

export function measures(r: Rollup, label: (tier: string) => string): MeasureOption[] {
  const awardedTotal = r.awarded ? Object.values(r.awarded).reduce((a, b) => a + b, 0) : null;
  return [
    { value: 'applied', name: 'prog.rollup.applied', n: r.applied },
    { value: 'submitted', name: 'prog.rollup.submitted', n: r.submitted },
    { value: 'decided', name: 'prog.rollup.decided', n: r.decided },
    { value: 'awarded', name: 'prog.fill.awarded', n: awardedTotal },
    ...Object.keys(r.reached).map(
      (tier): MeasureOption => ({
        value: `reached:${tier}`,
        name: 'prog.rollup.reached',
        tier: label(tier),
        n: r.reached[tier] ?? 0,
      }),
    ),
    ...Object.entries(r.awarded ?? {}).map(
      ([tier, n]): MeasureOption => ({
        value: `awarded:${tier}`,
        name: 'prog.fill.awardedTier',
        tier: label(tier),
        n,
      }),
    ),
    { value: 'excellent', name: 'prog.fill.excellent', n: r.excellent },
  ];
}

/**
 * The office fills a number item of its own draft (a 强市 or indicator
 * assessment) with one of the call's counts; the answer keeps its source.
 */
export function FillOwn({
  id,
  rollup,
  tierLabel,
}: {
  id: string;
  rollup: Rollup;
  tierLabel: (t: string) => string;
}) {
  const { locale, t } = useLocale();
  const mine = useAssessments();
  const drafts = (mine.data ?? []).filter((a) => a.status === 'draft');
  const [assessment, setAssessment] = useState<string>();
  const detail = useQuery({
    queryKey: keys.assessment(assessment ?? ''),
    queryFn: () => api.assessment(assessment ?? ''),
    enabled: Boolean(assessment),
  });
  const definition = useDefinition(detail.data?.definition.ref, detail.data?.definitionHash);
  const [item, setItem] = useState<string>();
  const [measure, setMeasure] = useState<string>();
  const queryClient = useQueryClient();
  const fill = useMutation({
    mutationFn: () =>
      programmesApi.fill(id, {
        assessment: assessment ?? '',
        item: item ?? '',
        measure: measure ?? '',
        revision: detail.data?.revision ?? 0,
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: keys.assessment(assessment ?? '') });
    },
  });
  const items = definition.data ? numberItems(definition.data.definition) : [];
  const options = measures(rollup, tierLabel).map((m) => ({
    value: m.value,
    disabled: m.n === null,
    label: `${t(m.name, m.tier === undefined ? {} : { tier: m.tier })}：${m.n ?? t('prog.fill.afterClose')}`,
  }));
  if (drafts.length === 0) return <p className="zp-muted">{t('prog.fill.noDraft')}</p>;
  return (
    <Form layout="vertical" onFinish={() => fill.mutate()} aria-label={t('prog.fill.title')}>
      {fill.isError ? <ProblemAlert error={fill.error} /> : null}
      {fill.isSuccess ? (
        <Alert
          role="status"
          type="success"
          showIcon
          message={t('prog.fill.done', { value: fill.data.fill.value })}
        />
      ) : null}
      <Form.Item label={t('prog.fill.assessment')} htmlFor="fill-assessment">
        <Select
          id="fill-assessment"
          value={assessment}
          onChange={(v: string) => {
            setAssessment(v);
            setItem(undefined);
          }}
          options={drafts.map((a) => ({ value: a.id, label: a.title }))}
        />
      </Form.Item>
      <Form.Item label={t('prog.fill.item')} htmlFor="fill-item">
        <Select
          id="fill-item"
          showSearch
          optionFilterProp="label"
          value={item}
          onChange={setItem}
          disabled={items.length === 0}
          options={items.map((i) => ({
            value: i.id,
            label: `${i.id} ${textOf(i.prompt, locale)}`,
          }))}
        />
      </Form.Item>
      <Form.Item label={t('prog.fill.measure')} htmlFor="fill-measure">
        <Select id="fill-measure" value={measure} onChange={setMeasure} options={options} />
      </Form.Item>
      <Button
        type="primary"
        htmlType="submit"
        loading={fill.isPending}
        disabled={!assessment || !item || !measure || !detail.data}
      >
        {t('prog.fill.submit')}
      </Button>
    </Form>
  );
}
