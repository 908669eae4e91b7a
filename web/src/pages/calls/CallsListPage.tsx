import { useMemo, useRef, useState } from 'react';
import { Button, Card, Empty, Grid, List, Space, Spin, Typography } from 'antd';
import { ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, must } from '../../api/client';
import { DateTime } from '../../components/DateTime';
import { Money } from '../../components/Money';
import { cursorPages } from '../../components/cursorPages';
import { Pager, useCursorPages } from '../../components/Pager';
import { ProblemAlert } from '../../components/ProblemAlert';
import { Remaining } from '../../components/Remaining';
import { CALL_MANAGERS, CALL_STATUSES, CallStatusTag, type Call } from './shared';
import { useRoles } from '../../app/session';

const PAGE_SIZE = 20;

/** 公益创投: officials manage every call; organisation staff see the open ones and start an application. */
export default function CallsListPage() {
  const { has } = useRoles();
  return has('district_admin', 'programme_officer', 'finance_officer') ? <OfficialCalls canCreate={has(...CALL_MANAGERS)} /> : <OpenCalls />;
}

function OfficialCalls({ canCreate }: { canCreate: boolean }) {
  const { t } = useTranslation('calls');
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const action = useRef<ActionType>(undefined);
  const fetchPage = useMemo(() => cursorPages<Call, { status?: string }>((f, cursor, limit) => must(api.GET('/api/v1/calls', {
    params: { query: { limit, status: f.status as never, cursor } },
  }))), []);
  const [error, setError] = useState<unknown>(null);
  const columns: ProColumns<Call>[] = [
    { title: t('field.title'), dataIndex: 'title', search: false, render: (_, c) => <Link to={`/calls/${c.id}`}>{c.title}</Link> },
    {
      title: t('field.status'), dataIndex: 'status', valueType: 'select',
      valueEnum: Object.fromEntries(CALL_STATUSES.map((s) => [s, { text: t(`status.${s}`) }])),
      render: (_, c) => <CallStatusTag call={c} />,
    },
    { title: t('field.closesAt'), dataIndex: 'closesAt', search: false, render: (_, c) => <DateTime value={c.closesAt} /> },
    ...(screens.md ? [
      { title: t('field.fundPool'), dataIndex: 'fundPoolFen', search: false, render: (_: unknown, c: Call) => <Money fen={c.fundPoolFen} /> },
      { title: t('field.theme'), dataIndex: 'theme', search: false },
    ] as ProColumns<Call>[] : []),
  ];
  return (
    <Card title={<h1 style={{ fontSize: 20, margin: 0 }}>{t('list.title')}</h1>}
      extra={canCreate && <Button type="primary" onClick={() => navigate('/calls/new')}>{t('list.new')}</Button>}>
      <ProblemAlert error={error} />
      <ProTable<Call>
        rowKey="id"
        actionRef={action}
        columns={columns}
        data-testid="calls-table"
        search={{ labelWidth: 'auto', searchText: t('list.search'), resetText: t('list.reset'), collapsed: false, collapseRender: false }}
        options={false}
        pagination={{ pageSize: PAGE_SIZE, showSizeChanger: false }}
        request={async (params) => {
          setError(null);
          const status = (params.status as string | undefined) || undefined;
          try {
            return await fetchPage({ status }, params.current ?? 1, PAGE_SIZE);
          } catch (e) {
            setError(e);
            return { data: [], total: 0, success: false };
          }
        }}
      />
    </Card>
  );
}

function OpenCalls() {
  const { t } = useTranslation('calls');
  const navigate = useNavigate();
  const pages = useCursorPages('open');
  const list = useQuery({
    queryKey: ['calls', 'open', pages.cursor],
    queryFn: () => must(api.GET('/api/v1/calls', { params: { query: { status: 'published', limit: PAGE_SIZE, cursor: pages.cursor } } })),
    placeholderData: keepPreviousData,
  });
  const start = useMutation({
    mutationFn: (callId: string) => must(api.POST('/api/v1/calls/{callId}/applications', { params: { path: { callId } }, body: {} })),
    onSuccess: (created) => navigate(`/applications/${created.id}`),
  });
  const open = (list.data?.items ?? []).filter((c) => c.acceptingApplications);
  return (
    <Card title={<h1 style={{ fontSize: 20, margin: 0 }}>{t('list.openTitle')}</h1>}>
      <ProblemAlert error={list.error ?? start.error} />
      {list.isPending && <Spin aria-label={t('common.loading', { ns: 'common' })} />}
      {list.data && open.length === 0 && pages.index === 0 && !list.data.nextCursor && <Empty description={t('list.noneOpen')} />}
      {open.length > 0 && <List
        dataSource={open}
        renderItem={(c) => (
          <List.Item data-testid="open-call"
            actions={[
              <Button key="start" type="primary" loading={start.isPending && start.variables === c.id} onClick={() => start.mutate(c.id)} aria-label={`${t('list.start')}: ${c.title}`}>
                {t('list.start')}
              </Button>,
            ]}
          >
            <List.Item.Meta
              title={<Link to={`/calls/${c.id}`}>{c.title}</Link>}
              description={
                <Space wrap>
                  <Typography.Text type="secondary">{c.theme}</Typography.Text>
                  <span>{t('field.closesAt')} <DateTime value={c.closesAt} /></span>
                  <Remaining until={c.closesAt} />
                  <span>{t('field.amountRange')} <Money fen={c.minAmountFen} /> – <Money fen={c.maxAmountFen} /></span>
                </Space>
              }
            />
          </List.Item>
        )}
      />}
      {(pages.index > 0 || list.data?.nextCursor) && (
        <Pager label={t('paging.label', { ns: 'common' })} pages={pages} total={list.data?.total} nextCursor={list.data?.nextCursor} />
      )}
    </Card>
  );
}
