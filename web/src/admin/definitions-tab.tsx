import { useQuery } from '@tanstack/react-query';
import { diffDefinitions, textOf } from '@zhiping/forms';
import { Card, Select, Space, Table, Tag } from 'antd';
import { useSearchParams } from 'react-router';
import { api } from '../api/endpoints.ts';
import { useForms } from '../api/queries.ts';
import type { DefinitionSummary } from '../api/types.ts';
import { useLocale } from '../i18n/locale.tsx';
import { ProblemAlert } from '../shared/problem-alert.tsx';
import { formatTime } from '../shared/text.ts';
import { DefinitionDiffView } from './definition-diff-view.tsx';
import { PublishDefinition } from './publish-definition.tsx';

/** Definitions with their versions, what changed between two of them, and publishing. */
export default function DefinitionsTab() {
  const { locale, t } = useLocale();
  const forms = useForms();
  const [search, setSearch] = useSearchParams();
  const chosen = forms.data?.find((d) => d.id === search.get('def')) ?? null;
  const setParam = (changes: Record<string, string | null>) =>
    setSearch(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes)) v ? next.set(k, v) : next.delete(k);
        return next;
      },
      { replace: true },
    );
  return (
    <>
      {forms.isError ? <ProblemAlert error={forms.error} /> : null}
      <Table<DefinitionSummary>
        rowKey="id"
        size="small"
        loading={forms.isPending}
        dataSource={forms.data ?? []}
        pagination={false}
        scroll={{ x: 640 }}
        rowSelection={{
          type: 'radio',
          selectedRowKeys: chosen ? [chosen.id] : [],
          onChange: (ids) => {
            const d = forms.data?.find((x) => x.id === ids[0]);
            setParam({
              def: d?.id ?? null,
              from: d?.versions[1] ?? null,
              to: d?.versions[0] ?? null,
            });
          },
        }}
        columns={[
          { title: t('col.title'), key: 'title', render: (_, d) => textOf(d.title, locale) },
          { title: t('col.family'), dataIndex: 'family', width: 150 },
          {
            title: t('adm.versions'),
            key: 'versions',
            width: 200,
            render: (_, d) => (
              <Space wrap size={2}>
                {d.versions.map((v) => (
                  <Tag key={v} color={v === d.version ? 'blue' : undefined}>
                    {v}
                  </Tag>
                ))}
              </Space>
            ),
          },
          {
            title: t('col.updated'),
            key: 'at',
            width: 150,
            render: (_, d) => formatTime(d.publishedAt, locale),
          },
        ]}
      />
      {chosen ? (
        <Compare
          key={chosen.id}
          summary={chosen}
          from={search.get('from')}
          to={search.get('to')}
          onChange={setParam}
        />
      ) : null}
      <PublishDefinition />
    </>
  );
}

function Compare({
  summary,
  from,
  to,
  onChange,
}: {
  summary: DefinitionSummary;
  from: string | null;
  to: string | null;
  onChange: (c: Record<string, string | null>) => void;
}) {
  const { locale, t } = useLocale();
  const fetchVersion = (v: string | null) => ({
    queryKey: ['form', `${summary.id}@${v}`],
    queryFn: () => api.form(`${summary.id}@${v}`),
    enabled: Boolean(v),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const a = useQuery(fetchVersion(from));
  const b = useQuery(fetchVersion(to));
  const options = summary.versions.map((v) => ({ value: v, label: v }));
  const diff = a.data && b.data ? diffDefinitions(a.data.definition, b.data.definition) : null;
  return (
    <Card
      size="small"
      title={`${t('adm.compare')}：${textOf(summary.title, locale)}`}
      style={{ marginTop: 12 }}
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          aria-label={t('adm.compareFrom')}
          placeholder={t('adm.compareFrom')}
          value={from ?? undefined}
          options={options}
          onChange={(v: string) => onChange({ from: v })}
          style={{ minWidth: 120 }}
        />
        →
        <Select
          aria-label={t('adm.compareTo')}
          placeholder={t('adm.compareTo')}
          value={to ?? undefined}
          options={options}
          onChange={(v: string) => onChange({ to: v })}
          style={{ minWidth: 120 }}
        />
      </Space>
      {a.isError ? <ProblemAlert error={a.error} /> : null}
      {b.isError ? <ProblemAlert error={b.error} /> : null}
      {diff ? <DefinitionDiffView diff={diff} /> : null}
    </Card>
  );
}
