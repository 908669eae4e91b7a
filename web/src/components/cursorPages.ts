/**
 * ProTable pages by number; the API pages by opaque cursor. This remembers the cursor that starts each page of one
 * filter set, walking forward from the nearest known page when a person jumps ahead. A new filter set starts over.
 * Make it once per table (useMemo) and call it from ProTable's `request`; a refusal is thrown for the page to show.
 * Pages that list with useQuery and their own buttons use `useCursorPages` + `Pager` (Pager.tsx) instead.
 */
export function cursorPages<T, F>(fetchPage: (filters: F, cursor: string | undefined, limit: number) => Promise<{ items: T[]; total: number; nextCursor?: string | null }>) {
  let key = '';
  let starts: Array<string | undefined> = [undefined];
  return async (filters: F, current: number, pageSize: number) => {
    const k = JSON.stringify([filters, pageSize]);
    if (k !== key) {
      key = k;
      starts = [undefined];
    }
    let page = Math.min(current, starts.length);
    let res = await fetchPage(filters, starts[page - 1], pageSize);
    while (page < current && res.nextCursor) {
      starts[page] = res.nextCursor;
      page += 1;
      res = await fetchPage(filters, starts[page - 1], pageSize);
    }
    if (res.nextCursor) starts[page] = res.nextCursor;
    return { data: res.items, total: res.total, success: true };
  };
}
