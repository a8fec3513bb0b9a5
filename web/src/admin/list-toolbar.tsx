import { Button, Input, Select, Space } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../i18n/locale.tsx';
import type { useListParams } from './use-list-params.ts';

export interface FilterSpec {
  key: string;
  placeholder: string;
  options: { value: string; label: string }[];
}

/** The search box and filters above an admin list; they wrap on a narrow screen. */
export function ListToolbar({
  list,
  searchLabel,
  filters,
  extra,
}: {
  list: ReturnType<typeof useListParams>;
  searchLabel: string;
  filters: FilterSpec[];
  extra?: ReactNode;
}) {
  const t = useT();
  return (
    <Space wrap className="zp-toolbar" style={{ marginBottom: 12 }}>
      <Input.Search
        key={list.get('q') ?? ''}
        aria-label={searchLabel}
        placeholder={searchLabel}
        defaultValue={list.get('q')}
        allowClear
        enterButton={t('adm.search')}
        onSearch={(q) => list.set({ q: q.trim() })}
        style={{ width: 280, maxWidth: '100%' }}
      />
      {filters.map((f) => (
        <Select
          key={f.key}
          aria-label={f.placeholder}
          placeholder={f.placeholder}
          allowClear
          value={list.get(f.key)}
          onChange={(v: string | undefined) => list.set({ [f.key]: v ?? null })}
          options={f.options}
          style={{ minWidth: 140 }}
          showSearch={f.options.length > 8}
          optionFilterProp="label"
        />
      ))}
      {list.filtered ? <Button onClick={list.clear}>{t('adm.clearFilters')}</Button> : null}
      {extra}
    </Space>
  );
}

/** Ant Design table pagination bound to the URL. */
export function pagination(
  list: ReturnType<typeof useListParams>,
  total: number | undefined,
  t: (k: 'adm.total', p: { n: number }) => string,
) {
  return {
    current: list.page,
    pageSize: list.pageSize,
    total: total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: [10, 20, 50, 100],
    showTotal: (n: number) => t('adm.total', { n }),
    onChange: (page: number, pageSize: number) =>
      list.set(pageSize !== list.pageSize ? { page: null, pageSize } : { page }),
    responsive: true,
  };
}
