import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

/** What a list keeps in the URL besides its filters: the view, not a narrowing of it. */
const VIEW = ['q', 'page', 'pageSize', 'sort', 'order'] as const;

/*
 * A list's search, filters, sort and page live in the URL (Ant Design
 * Pro's habit): a reload, the back button and a shared link show the same
 * list. `fixed` keys (a tab) are kept but are neither filters nor cleared.
 */
const NONE: readonly string[] = [];

export function useListParams(filters: readonly string[], fixed: readonly string[] = NONE) {
  const [search, setSearch] = useSearchParams();
  const params = useMemo(() => {
    const p = new URLSearchParams();
    for (const k of [...VIEW, ...fixed, ...filters]) {
      const v = search.get(k);
      if (v) p.set(k, v);
    }
    return p;
  }, [search, filters, fixed]);
  const set = useCallback(
    (changes: Record<string, string | number | null | undefined>) => {
      setSearch(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(changes)) {
            if (v === null || v === undefined || v === '') next.delete(k);
            else next.set(k, String(v));
          }
          // A new search, filter or sort starts again from the first page.
          if (!('page' in changes)) next.delete('page');
          return next;
        },
        { replace: true },
      );
    },
    [setSearch],
  );
  const clear = useCallback(() => {
    setSearch(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const k of ['q', 'page', ...filters]) next.delete(k);
        return next;
      },
      { replace: true },
    );
  }, [setSearch, filters]);
  return {
    params,
    get: (k: string) => search.get(k) ?? undefined,
    page: Number(search.get('page') ?? 1) || 1,
    pageSize: Number(search.get('pageSize') ?? 20) || 20,
    set,
    clear,
    filtered: filters.some((k) => search.has(k)) || search.has('q'),
  };
}
