import { useMemo, useRef, useState, type HTMLAttributes } from 'react';
import { Button, Card, Grid, Space, Tag, Typography } from 'antd';
import { ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, must, type Schemas } from '../../api/client';
import { DateTime } from '../../components/DateTime';
import { Money } from '../../components/Money';
import { ProblemAlert } from '../../components/ProblemAlert';
import { cursorPages } from '../../components/cursorPages';
import { TONES } from '../../components/ToneTag';
import { ReleaseButton, StatusTag, TrancheChecks, UnfreezeButton } from '../projects/shared';
import { useRoles } from '../../app/session';

type Row = Schemas['TrancheListRow'];
type Status = 'open' | 'pending' | 'frozen' | 'released' | 'cancelled';
interface Filters { status?: Status; ready?: boolean; q?: string; projectId?: string }

const PAGE_SIZE = 20;
const STATUSES: Status[] = ['open', 'pending', 'frozen', 'released', 'cancelled'];

/**
 * 资金拨付: every project's tranches in one server-paged list, ready to pay first, each with its conditions as the
 * server judges them now. The workbench links here with `?ready=true&projectId=…`.
 */
export default function TranchesPage() {
  const { t } = useTranslation('finance');
  const screens = Grid.useBreakpoint();
  const [params, setParams] = useSearchParams();
  const projectId = params.get('projectId') ?? undefined;
  const extra = useMemo(() => ({ projectId }), [projectId]);
  const initial = { status: (params.get('status') as Status | null) ?? 'open', ready: params.get('ready') === 'true' ? 'true' : undefined };
  const action = useRef<ActionType>(undefined);
  const [error, setError] = useState<unknown>(null);
  const fetchPage = useMemo(() => cursorPages<Row, Filters>((f, cursor, limit) => must(api.GET('/api/v1/projects/tranches', {
    params: { query: { ...f, limit, cursor } },
  }))), []);
  const reload = () => { void action.current?.reload(); };
  const filterColumns: ProColumns<Row>[] = [
    {
      title: t('tranches.filter.status'), dataIndex: 'status', valueType: 'select', hideInTable: true, initialValue: initial.status,
      valueEnum: Object.fromEntries(STATUSES.map((s) => [s, { text: t(`tranches.status.${s}`) }])),
    },
    {
      title: t('tranches.filter.ready'), dataIndex: 'ready', valueType: 'select', hideInTable: true, initialValue: initial.ready,
      valueEnum: { true: { text: t('tranches.filter.readyYes') }, false: { text: t('tranches.filter.readyNo') } },
    },
    { title: t('tranches.filter.q'), dataIndex: 'q', hideInTable: true },
  ];
  const wide: ProColumns<Row>[] = [
    { title: t('tranches.col.project'), key: 'project', search: false, render: (_, r) => <ProjectCell row={r} /> },
    { title: t('tranches.col.tranche'), key: 'tranche', search: false, render: (_, r) => <Space direction="vertical" size={0}><span>{t('tranches.seq', { seq: r.seq })} {r.name}</span><span>{r.percent}%</span></Space> },
    { title: t('tranches.col.amount'), key: 'amount', search: false, align: 'right', render: (_, r) => <Money fen={r.amountFen} /> },
    { title: t('tranches.col.status'), key: 'status', search: false, render: (_, r) => <StatusCell row={r} /> },
    {
      title: t('tranches.col.conditions'), key: 'conditions', search: false,
      render: (_, r) => <Space direction="vertical" data-testid={`tranche-${r.seq}`}><ConditionsCell row={r} /><ReleaseCell row={r} onDone={reload} /></Space>,
    },
  ];
  // A phone gets one column per tranche, laid out as a card: project, money, status, conditions, the release.
  const narrow: ProColumns<Row>[] = [{
    title: t('tranches.col.tranche'), key: 'card', search: false, render: (_, r) => (
      <Space direction="vertical" style={{ width: '100%' }} data-testid={`tranche-${r.seq}`}>
        <ProjectCell row={r} />
        <Space wrap><span>{t('tranches.seq', { seq: r.seq })} {r.name}</span><Money fen={r.amountFen} /><span>{r.percent}%</span></Space>
        <StatusCell row={r} />
        <ConditionsCell row={r} />
        <ReleaseCell row={r} onDone={reload} />
      </Space>
    ),
  }];
  return (
    <Card title={<h1 style={{ fontSize: 20, margin: 0 }}>{t('tranches.title')}</h1>}>
      {projectId && (
        <Space wrap style={{ marginBottom: 12 }}>
          <Tag data-testid="project-filter">{t('tranches.oneProject')}</Tag>
          <Button size="small" onClick={() => setParams(new URLSearchParams())}>{t('tranches.allProjects')}</Button>
        </Space>
      )}
      <ProblemAlert error={error} />
      <ProTable<Row>
        // The workbench's link sets the filters in the address; a new address starts the table over with them.
        key={params.toString()}
        rowKey="id"
        actionRef={action}
        columns={[...filterColumns, ...(screens.md ? wide : narrow)]}
        params={extra}
        data-testid="tranches-table"
        search={{ labelWidth: 'auto', searchText: t('tranches.search'), resetText: t('tranches.reset'), collapsed: false, collapseRender: false }}
        options={false}
        pagination={{ pageSize: PAGE_SIZE, showSizeChanger: false }}
        // Rows of one project share its test id, so `project-tranches-<ref>` → `tranche-<seq>` finds one tranche.
        onRow={(r) => ({ 'data-testid': `project-tranches-${r.project.referenceNo}` }) as HTMLAttributes<HTMLElement>}
        request={async (p) => {
          setError(null);
          const f: Filters = {
            status: (p.status as Status | undefined) || undefined,
            ready: p.ready === 'true' ? true : p.ready === 'false' ? false : undefined,
            q: (p.q as string | undefined)?.trim() || undefined,
            projectId: (p.projectId as string | undefined) || undefined,
          };
          try {
            return await fetchPage(f, p.current ?? 1, PAGE_SIZE);
          } catch (e) {
            setError(e);
            return { data: [], total: 0, success: false };
          }
        }}
      />
    </Card>
  );
}

function ProjectCell({ row }: { row: Row }) {
  return (
    <Space direction="vertical" size={0}>
      <Link to={`/projects/${row.project.id}`}>{row.project.title}</Link>
      <Typography.Text type="secondary">{row.project.referenceNo}</Typography.Text>
      <span>{row.organisation.name}</span>
    </Space>
  );
}

function StatusCell({ row }: { row: Row }) {
  const { t } = useTranslation('finance');
  return (
    <Space direction="vertical" size={0}>
      <Space wrap size={4}>
        <StatusTag status={row.status} />
        {row.ready && <span style={{ color: TONES.good.color }}>{t('tranches.ready')}</span>}
      </Space>
      {row.releasedAt && <span>{t('tranches.releasedAt')} <DateTime value={row.releasedAt} /></span>}
      {row.frozenReason && <span style={{ color: TONES.bad.color }}>{t('tranches.frozenReason')}: {row.frozenReason}</span>}
      {row.frozenAt && <span data-testid="frozen-at">{t('tranches.frozenAt')} <DateTime value={row.frozenAt} /></span>}
    </Space>
  );
}

function ConditionsCell({ row }: { row: Row }) {
  const open = row.status === 'pending' || row.status === 'frozen';
  return open ? <TrancheChecks checks={row.checks} /> : null;
}

/**
 * The release button, for finance only and only on a tranche still to pay; on a frozen tranche, the unfreeze for the
 * programme officer (the only role the API lets unfreeze).
 */
function ReleaseCell({ row, onDone }: { row: Row; onDone: () => void }) {
  const { t } = useTranslation('finance');
  const { has } = useRoles();
  const open = row.status === 'pending' || row.status === 'frozen';
  const name = `${row.project.referenceNo} ${row.name}`;
  const unfreeze = row.status === 'frozen' && has('programme_officer')
    && <UnfreezeButton projectId={row.project.id} trancheId={row.id} onDone={onDone} label={`${t('tranches.unfreeze')}: ${name}`} />;
  if (!open || !has('finance_officer')) return unfreeze || null;
  return (
    <>
      {unfreeze}
      <ReleaseButton projectId={row.project.id} trancheId={row.id} ready={row.ready} onDone={onDone}
        label={`${t('tranches.release')}: ${name}`} done={t('tranches.releasedOk', { name })}
        why={t(row.status === 'frozen' ? 'tranches.whyFrozen' : 'tranches.whyNot')} />
    </>
  );
}
