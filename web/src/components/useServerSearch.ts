import { useEffect, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';

/** How many matches one search shows; a person narrows by typing rather than scrolling hundreds. */
export const MATCHES = 20;
/** Wait this long after the last keystroke before asking the server, so typing a name costs one request, not one per key. */
export const DEBOUNCE_MS = 300;

/**
 * The one way a picker searches on the server as the person types (the district's communities, open calls, reviewers,
 * evaluators, an organisation's colleagues), instead of loading a fixed first page and silently dropping the rest: the
 * typed text, settled for DEBOUNCE_MS, becomes `q`; the previous matches stay shown while the next load; `selectProps`
 * (spread on antd's Select) shows the server's matches as they are — antd must not filter an answer the server already
 * matched by the half-typed text — and forgets that text when the field loses focus. Call `forget()` when a pick is made.
 */
export function useServerSearch<T>(key: readonly unknown[], search: (q: string | undefined) => Promise<T>, opts: { enabled?: boolean } = {}) {
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [typed]);
  const query = useQuery({
    queryKey: [...key, q],
    enabled: opts.enabled ?? true,
    queryFn: () => search(q || undefined),
    placeholderData: keepPreviousData,
  });
  const forget = () => setTyped('');
  return {
    q,
    typed,
    query,
    forget,
    selectProps: { showSearch: true, filterOption: false as const, searchValue: typed, onSearch: setTyped, onBlur: forget, loading: query.isFetching },
  };
}
