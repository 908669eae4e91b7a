import { useState } from 'react';
import { Card, Checkbox, Grid, Input, List, Select, Space, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, must, type Schemas } from '../../api/client';
import { DateTime } from '../../components/DateTime';
import { Money } from '../../components/Money';
import { ProblemAlert } from '../../components/ProblemAlert';
import { Pager, useCursorPages } from '../../components/Pager';
import { ToneTag } from '../../components/ToneTag';
import { StatusTag } from './shared';
import { useRoles } from '../../app/session';

type Project = Schemas['ProjectSummary'];
const PAGE = 20;

/** 项目: officials see the district's, organisation staff their own, evaluators their assigned ones (the server decides). */
export default function ProjectsListPage() {
  const { t } = useTranslation('projects');
  const screens = Grid.useBreakpoint();
  const { has } = useRoles();
  const official = has('district_admin', 'programme_officer', 'finance_officer');
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<'unfunded' | 'active' | 'closed' | undefined>();
  const [overdue, setOverdue] = useState(false);
  const [mine, setMine] = useState(false);
  const pages = useCursorPages(JSON.stringify([q, status, overdue, mine]));
  const list = useQuery({
    queryKey: ['projects', 'list', q, status, overdue, mine, pages.cursor],
    queryFn: () => must(api.GET('/api/v1/projects', {
      params: { query: { limit: PAGE, cursor: pages.cursor, q: q || undefined, status, overdue: overdue || undefined, mine: mine || undefined } },
    })),
    placeholderData: (prev) => prev,
  });
  const items = list.data?.items ?? [];
  const money = (p: Project) => (
    <Space direction="vertical" size={0}>
      <span>{t('sum.awarded')} <Money fen={p.money.awardedFen} /></span>
      <span>{t('sum.released')} <Money fen={p.money.releasedFen} /></span>
      <span>{t('sum.spent')} <Money fen={p.money.reportedSpentFen} /></span>
      <span>{t('sum.remaining')} <Money fen={p.money.remainingFen} /></span>
    </Space>
  );
  const overdueTag = (p: Project) => p.overdue.any
    ? <ToneTag tone="bad">{t('list.overdueItems', { reports: p.overdue.reports, milestones: p.overdue.milestones })}</ToneTag>
    : null;

  return (
    <Card title={<h1 style={{ fontSize: 20, margin: 0 }}>{t('menu.projects')}</h1>}>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search aria-label={t('list.search')} placeholder={t('list.search')} allowClear onSearch={(v) => setQ(v.trim())} style={{ width: 240 }} />
        <Select
          aria-label={t('list.status')}
          placeholder={t('list.status')}
          allowClear
          style={{ width: 160 }}
          value={status}
          onChange={setStatus}
          options={(['active', 'unfunded', 'closed'] as const).map((s) => ({ value: s, label: t(`status.${s}`) }))}
        />
        <Checkbox checked={overdue} onChange={(e) => setOverdue(e.target.checked)}>{t('list.overdueOnly')}</Checkbox>
        {has('programme_officer') && <Checkbox checked={mine} onChange={(e) => setMine(e.target.checked)}>{t('list.mine')}</Checkbox>}
      </Space>
      <ProblemAlert error={list.error} />
      {screens.md ? (
        <Table<Project>
          rowKey="id"
          loading={list.isFetching}
          dataSource={items}
          pagination={false}
          data-testid="projects-table"
          columns={[
            { title: t('field.title'), key: 'title', render: (_, p) => <Space direction="vertical" size={0}><Link to={`/projects/${p.id}`}>{p.title}</Link><Typography.Text type="secondary">{p.referenceNo}</Typography.Text></Space> },
            ...(official ? [{ title: t('field.organisation'), key: 'org', render: (_: unknown, p: Project) => p.organisation.name }] : []),
            { title: t('field.status'), key: 'status', render: (_, p) => <Space wrap><StatusTag status={p.status} />{overdueTag(p)}</Space> },
            { title: t('field.money'), key: 'money', render: (_, p) => money(p) },
            { title: t('field.nextDue'), key: 'next', render: (_, p) => p.nextDue ? <span>{p.nextDue.name} <DateTime value={p.nextDue.dueOn} withTime={false} /></span> : '—' },
          ]}
        />
      ) : (
        <List
          loading={list.isFetching}
          dataSource={items}
          data-testid="projects-list"
          renderItem={(p) => (
            <List.Item>
              <Space direction="vertical" size={2} style={{ width: '100%' }}>
                <Link to={`/projects/${p.id}`}>{p.title}</Link>
                <Space wrap><StatusTag status={p.status} />{overdueTag(p)}<Typography.Text type="secondary">{p.referenceNo}</Typography.Text></Space>
                {money(p)}
                {p.nextDue && <span>{t('field.nextDue')}: {p.nextDue.name} <DateTime value={p.nextDue.dueOn} withTime={false} /></span>}
              </Space>
            </List.Item>
          )}
        />
      )}
      <Pager label={t('paging.label')} pages={pages} total={list.data?.total} nextCursor={list.data?.nextCursor} />
    </Card>
  );
}
