import { Button, Card, Empty, List, Select, Space, Typography } from 'antd';
import { useInfiniteQuery, useMutation, useQueries } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, must } from '../../api/client';
import { MATCHES, useServerSearch } from '../../components/useServerSearch';
import { DateTime } from '../../components/DateTime';
import { Money } from '../../components/Money';
import { ProblemAlert } from '../../components/ProblemAlert';
import { Remaining } from '../../components/Remaining';
import { ToneTag } from '../../components/ToneTag';
import { STATUS_TONE } from './shared';
import { useLabel } from '../../components/label';

const ACTIVE = new Set(['draft', 'returned']);

/** 我的申报: the organisation's applications, drafts first in mind — each with its call's deadline and time left. */
export default function ApplicationsListPage() {
  const { t } = useTranslation('applications');
  const label = useLabel();
  const navigate = useNavigate();
  const pages = useInfiniteQuery({
    queryKey: ['applications', 'list'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => must(api.GET('/api/v1/applications', { params: { query: { limit: 20, ...(pageParam ? { cursor: pageParam } : {}) } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = pages.data?.pages.flatMap((p) => p.items) ?? [];
  const callIds = [...new Set(items.map((a) => a.callId))];
  const calls = useQueries({
    queries: callIds.map((id) => ({ queryKey: ['calls', id], queryFn: () => must(api.GET('/api/v1/calls/{id}', { params: { path: { id } } })) })),
  });
  const callOf = new Map(calls.flatMap((c) => (c.data ? [[c.data.id, c.data] as const] : [])));

  // Starting an application is also offered on the call's own page; here it saves a trip for a returning applicant.
  // A district may publish many calls over the years: the server searches titles as the person types.
  const { q, query: open, selectProps, forget } = useServerSearch(['calls', 'published'],
    (q) => must(api.GET('/api/v1/calls', { params: { query: { status: 'published', limit: MATCHES, q } } })));
  // Published but not yet open, or past its close and not yet closed by the scheduler: not offered (the server would refuse).
  const openCalls = (open.data?.items ?? []).filter((c) => new Date(c.opensAt).getTime() <= Date.now() && Date.now() < new Date(c.closesAt).getTime());
  const [chosen, setChosen] = useState<{ value: string; label: string }>();
  const callId = chosen?.value;
  const callOptions = openCalls.map((c) => ({ value: c.id, label: c.title }));
  // The chosen call stays listed while a later search no longer returns it.
  if (chosen && !callOptions.some((o) => o.value === chosen.value)) callOptions.unshift(chosen);
  const start = useMutation({
    mutationFn: (id: string) => must(api.POST('/api/v1/calls/{callId}/applications', { params: { path: { callId: id } }, body: {} })),
    onSuccess: (app) => navigate(`/applications/${app.id}`),
  });

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>{t('list.title')}</Typography.Title>
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('list.start')}</h2>} size="small">
        <ProblemAlert error={open.error ?? start.error} />
        <Space wrap>
          <Select
            aria-label={t('list.chooseCall')}
            placeholder={t('list.chooseCall')}
            style={{ minWidth: 260, maxWidth: '100%' }}
            labelInValue
            value={chosen}
            onChange={(v: { value: string; label: string } | undefined) => { forget(); setChosen(v); }}
            {...selectProps}
            options={callOptions}
            notFoundContent={open.isFetching ? t('common:common.loading') : t(q ? 'list.noMatchingCalls' : 'list.noOpenCalls')}
          />
          <Button type="primary" disabled={!callId} loading={start.isPending} onClick={() => callId && start.mutate(callId)}>
            {t('list.startButton')}
          </Button>
        </Space>
      </Card>
      <ProblemAlert error={pages.error} />
      {pages.data && items.length === 0 && <Empty description={t('list.empty')} />}
      <List
        loading={pages.isPending}
        dataSource={items}
        renderItem={(a) => {
          const call = callOf.get(a.callId);
          return (
            <List.Item data-testid="application-row">
              <Space direction="vertical" size={4} style={{ width: '100%' }}>
                <Space wrap>
                  <Link to={`/applications/${a.id}`}>{a.title || t('list.untitled')}</Link>
                  <ToneTag tone={STATUS_TONE[a.status] ?? 'neutral'}>{label(a.statusLabel)}</ToneTag>
                  {a.referenceNo && <Typography.Text type="secondary">{a.referenceNo}</Typography.Text>}
                </Space>
                <Space wrap size="middle">
                  <span>{call?.title}</span>
                  <span>{t('list.deadline')} <DateTime value={call?.closesAt} /></span>
                  {ACTIVE.has(a.status) && call && <Remaining until={call.closesAt} />}
                  <span>{t('fields.requested')} <Money fen={a.requestedFen} /></span>
                </Space>
              </Space>
            </List.Item>
          );
        }}
      />
      {pages.hasNextPage && (
        <Button onClick={() => pages.fetchNextPage()} loading={pages.isFetchingNextPage}>{t('list.more')}</Button>
      )}
    </Space>
  );
}
