import { useMemo, type CSSProperties } from 'react';
import { Select } from 'antd';
import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, must } from '../api/client';
import { MATCHES, useServerSearch } from './useServerSearch';

type Value = string | string[] | undefined;

export interface CommunitySelectProps {
  /** From Form.Item: one id, or several with `multiple`. */
  value?: Value;
  onChange?: (value: Value) => void;
  /** Several communities (a call's or an application's), else exactly one (a community worker's). */
  multiple?: boolean;
  /** Only these may be picked (a call open to some communities only); empty or absent = every active community. */
  within?: string[];
  id?: string;
  disabled?: boolean;
  placeholder?: string;
  style?: CSSProperties;
  'aria-label'?: string;
}

/**
 * The one picker for the district's communities. A large district has hundreds, so the server searches them by name
 * as the person types (`GET /places?level=community&q=`) instead of the page loading a fixed first page and silently
 * dropping the rest. A chosen community the current search did not return is read by id, so a saved choice always
 * shows its name rather than its uuid. With `within`, the allowed communities are read by id (a call names a handful)
 * and matched locally.
 */
export function CommunitySelect({ value, onChange, multiple, within, ...rest }: CommunitySelectProps) {
  const { t } = useTranslation();
  const restricted = !!within?.length;
  const { typed, query: search, selectProps, forget } = useServerSearch(['places', 'communities', 'search'],
    (q) => must(api.GET('/api/v1/places', { params: { query: { level: 'community', status: 'active', q, limit: MATCHES } } })),
    { enabled: !restricted });

  const chosen = useMemo(() => (value === undefined || value === null ? [] : Array.isArray(value) ? value : [value]), [value]);
  const found = new Map((search.data?.items ?? []).map((p) => [p.id, p.name]));
  // Read by id: every allowed community when restricted, else only the chosen ones this search did not bring.
  const byId = restricted ? within! : chosen.filter((id) => !found.has(id));
  const reads = useQueries({
    queries: byId.map((id) => ({
      queryKey: ['places', 'one', id],
      queryFn: () => must(api.GET('/api/v1/places/{id}', { params: { path: { id } } })),
      staleTime: 5 * 60_000,
    })),
  });
  const read = new Map<string, { name: string; status: string }>();
  reads.forEach((r) => { if (r.data) read.set(r.data.id, r.data); });

  let options: Array<{ value: string; label: string }>;
  if (restricted) {
    const needle = typed.trim();
    options = within!
      .flatMap((id) => { const p = read.get(id); return p && p.status === 'active' && p.name.includes(needle) ? [{ value: id, label: p.name }] : []; });
  } else {
    options = [...found].map(([id, name]) => ({ value: id, label: name }));
  }
  // antd shows a chosen value without an option as its raw id; give it its name (or a neutral word while it loads).
  for (const id of chosen) {
    if (!options.some((o) => o.value === id)) options.push({ value: id, label: read.get(id)?.name ?? found.get(id) ?? t('common.loading') });
  }
  const loading = restricted ? reads.some((r) => r.isPending) : search.isFetching;

  return (
    <Select
      {...rest}
      mode={multiple ? 'multiple' : undefined}
      value={value}
      onChange={(v: Value) => { forget(); onChange?.(v); }}
      {...selectProps}
      loading={loading}
      allowClear
      options={options}
      notFoundContent={loading ? t('common.loading') : t('communitySelect.none')}
    />
  );
}
