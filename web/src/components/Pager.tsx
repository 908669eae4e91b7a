import { useState } from 'react';
import { Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * Keyset paging as the API offers it (`cursor` → `nextCursor`) for lists shown without ProTable: the page remembers
 * the cursor of every page it has seen, so "previous" is exact and "next" follows the server. A new `resetKey`
 * (the filters) starts over at page 1.
 */
export function useCursorPages(resetKey: string) {
  const [state, setState] = useState<{ key: string; cursors: (string | undefined)[]; index: number }>({ key: resetKey, cursors: [undefined], index: 0 });
  const current = state.key === resetKey ? state : { key: resetKey, cursors: [undefined], index: 0 };
  if (current !== state) setState(current);
  return {
    cursor: current.cursors[current.index],
    index: current.index,
    next: (nextCursor: string | null | undefined) => {
      if (!nextCursor) return;
      setState({ key: resetKey, cursors: [...current.cursors.slice(0, current.index + 1), nextCursor], index: current.index + 1 });
    },
    prev: () => setState({ ...current, index: Math.max(0, current.index - 1) }),
  };
}

/** Previous / page n / next under a list paged by `useCursorPages`. */
export function Pager({ pages, total, nextCursor, label }: {
  pages: ReturnType<typeof useCursorPages>; total: number | undefined; nextCursor: string | null | undefined; label: string;
}) {
  const { t } = useTranslation();
  return (
    <nav aria-label={label} style={{ marginTop: 12 }}>
      <Space wrap>
        <Button onClick={pages.prev} disabled={pages.index === 0}>{t('paging.prev')}</Button>
        <span>{t('paging.page', { page: pages.index + 1 })}</span>
        <Button onClick={() => pages.next(nextCursor)} disabled={!nextCursor}>{t('paging.next')}</Button>
        {total !== undefined && <Typography.Text type="secondary">{t('paging.total', { count: total })}</Typography.Text>}
      </Space>
    </nav>
  );
}
