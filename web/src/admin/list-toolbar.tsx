import { Button, Input, Select, Space } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import type { ReactNode } from 'react';
import { useListT } from '../home/messages.ts';
import { useT } from '../i18n/locale.tsx';
import type { useListParams } from './use-list-params.ts';

export interface FilterSpec {
  key: string;
  placeholder: string;
  options: { value: string; label: string }[];
}

type List = ReturnType<typeof useListParams>;

/**
 * The search box, filters and date range above a list (Ant Design Pro's
 * query form, server-side); they wrap on a narrow screen, each at most
 * the screen's width.
 */
export function ListToolbar({
  list,
  searchLabel,
  filters,
  dates,
  extra,
}: {
  list: List;
  searchLabel: string;
  filters: FilterSpec[];
  /** The date range's name (e.g. 更新日期): two calendar days, `from` and `to`, inclusive. */
  dates?: string;
  extra?: ReactNode;
}) {
  const t = useT();
  const lt = useListT();
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
          style={{ minWidth: 140, maxWidth: '100%' }}
          showSearch={f.options.length > 8}
          optionFilterProp="label"
        />
      ))}
      {dates ? (
        <Space.Compact>
          {(['from', 'to'] as const).map((k) => (
            <Input
              key={`${k}-${list.get(k) ?? ''}`}
              type="date"
              aria-label={`${dates}${t('app.colon')}${lt(k === 'from' ? 'list.from' : 'list.to')}`}
              defaultValue={list.get(k)}
              // Applied when a whole day is chosen (a half-typed date is empty here).
              onChange={(e) => list.set({ [k]: e.target.value || null })}
              style={{ width: 150 }}
            />
          ))}
        </Space.Compact>
      ) : null}
      {list.filtered ? <Button onClick={list.clear}>{t('adm.clearFilters')}</Button> : null}
      {extra}
    </Space>
  );
}

/** Ant Design table pagination bound to the URL. */
export function pagination(
  list: List,
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

/** A column's sort arrow, bound to the URL's `sort` and `order` (the server sorts). */
export function sortable(list: List, key: string, isDefault = false) {
  const sort = list.get('sort') ?? (isDefault ? key : undefined);
  const order = list.get('order') ?? 'desc';
  const sortOrder: SortOrder = sort === key ? (order === 'asc' ? 'ascend' : 'descend') : null;
  return { sorter: true, sortOrder, sortDirections: ['descend', 'ascend'] as SortOrder[] };
}

/** The table's onChange for sorting: the URL takes the column and direction; no arrow → the default. */
export function onSort(list: List) {
  return (_p: unknown, _f: unknown, sorter: unknown, extra: { action: string }) => {
    // Paging has its own handler (pagination above); only a click on a column header sorts.
    if (extra.action !== 'sort') return;
    const s = (Array.isArray(sorter) ? sorter[0] : sorter) as
      | { columnKey?: string | number; order?: SortOrder }
      | undefined;
    if (!s?.order) list.set({ sort: null, order: null });
    else list.set({ sort: String(s.columnKey), order: s.order === 'ascend' ? 'asc' : 'desc' });
  };
}
