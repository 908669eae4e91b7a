import { useMemo, useRef, useState } from 'react';
import { ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { Button, Grid, Space, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, must, type Schemas } from '../../api/client';
import type { paths } from '../../api/schema';
import { DateTime } from '../../components/DateTime';
import { useServiceAreas } from '../../components/serviceAreas';
import { cursorPages } from '../../components/cursorPages';
import { ProblemAlert } from '../../components/ProblemAlert';
import { Sections, StatusTag } from './shared';
import { ORG_TYPES, options, useLabel } from '../../components/label';
import { saveFromApi } from '../../components/download';

type Row = Schemas['OrganisationSummary'];
type Counts = Schemas['OrganisationListCounts'];
type Query = paths['/api/v1/organisations']['get']['parameters']['query'];
type Filters = Omit<NonNullable<Query>, 'limit' | 'cursor'>;

const STATUS_TABS = ['all', 'submitted', 'verified', 'returned', 'draft', 'closed'] as const;

/** The search form's values as the API's filters; empty fields are left out rather than sent blank. */
function toFilters(params: Record<string, unknown>, status: string): Filters {
  const f: Record<string, unknown> = {};
  for (const key of ['q', 'orgType', 'grade', 'serviceArea', 'standing', 'qualified'] as const) {
    const v = params[key];
    if (v !== undefined && v !== null && v !== '') f[key] = key === 'grade' ? Number(v) : typeof v === 'string' ? v.trim() : v;
  }
  if (status !== 'all') f.status = status;
  return f as Filters;
}

/** 社会组织名录: the registry, paged on the server by cursor, with counts per status and the filtered Excel export. */
export default function OrganisationsPage() {
  const { t, i18n } = useTranslation('registry');
  const areas = useServiceAreas();
  const show = useLabel();
  const screens = Grid.useBreakpoint();
  const wide = screens.md !== false;
  const [status, setStatus] = useState<string>('all');
  const [counts, setCounts] = useState<Counts | null>(null);
  const [filters, setFilters] = useState<Filters>({});
  const [exporting, setExporting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const actionRef = useRef<ActionType>(undefined);
  const fetchPage = useMemo(() => cursorPages<Row, Filters>(async (f, cursor, limit) => {
    const page = await must(api.GET('/api/v1/organisations', { params: { query: { ...f, limit, cursor } } }));
    setCounts((old) => (JSON.stringify(old) === JSON.stringify(page.counts) ? old : page.counts));
    return page;
  }), []);

  // Stable inputs: a new params object or a state update per request must never start another request.
  const params = useMemo(() => ({ status }), [status]);
  const columns = useMemo<ProColumns<Row>[]>(() => [
    { title: t('fields.q'), dataIndex: 'q', hideInTable: true, fieldProps: { 'aria-label': t('fields.q'), placeholder: t('fields.qPlaceholder') } },
    {
      title: t('fields.name'), dataIndex: 'name', search: false,
      render: (_, r) => <Link to={`/organisations/${r.id}`} data-testid="organisation-link">{r.name}</Link>,
    },
    { title: t('fields.creditCode'), dataIndex: 'creditCode', search: false, hideInTable: !wide, copyable: false },
    {
      title: t('fields.orgType'), dataIndex: 'orgType', valueType: 'select', hideInTable: !wide,
      fieldProps: { options: options(ORG_TYPES, i18n.language), 'aria-label': t('fields.orgType') },
      render: (_, r) => show(r.orgTypeLabel),
    },
    {
      title: t('fields.status'), dataIndex: 'status', search: false,
      render: (_, r) => <StatusTag code={r.status} label={r.statusLabel} />,
    },
    {
      title: t('fields.standing'), dataIndex: 'standing', valueType: 'select', hideInTable: !wide,
      fieldProps: { options: ['good', 'suspended', 'blacklisted'].map((s) => ({ value: s, label: t(`standing.${s}`) })), 'aria-label': t('fields.standing') },
      render: (_, r) => <StatusTag code={r.standing} label={r.standingLabel} />,
    },
    {
      title: t('fields.grade'), dataIndex: 'grade', valueType: 'select',
      fieldProps: { options: [1, 2, 3, 4, 5].map((g) => ({ value: g, label: `${g}A` })), 'aria-label': t('fields.grade') },
      render: (_, r) => r.grade?.label ?? '—',
    },
    {
      title: t('fields.serviceArea'), dataIndex: 'serviceArea', valueType: 'select', hideInTable: !wide,
      fieldProps: { options: areas.options, 'aria-label': t('fields.serviceArea') },
      render: (_, r) => r.serviceAreas.map((a) => show(a)).join('、') || '—',
    },
    {
      title: t('fields.qualified'), dataIndex: 'qualified', valueType: 'select', hideInTable: !wide,
      fieldProps: { options: [{ value: 'true', label: t('qualified.true') }, { value: 'false', label: t('qualified.false') }], 'aria-label': t('fields.qualified') },
      render: (_, r) => r.qualifiedAreas.map((a) => show(a)).join('、') || '—',
    },
    { title: t('fields.updatedAt'), dataIndex: 'updatedAt', search: false, hideInTable: !wide, render: (_, r) => <DateTime value={r.updatedAt} /> },
  ], [t, i18n.language, wide, show, areas]);

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>{t('registry.title')}</Typography.Title>
      <ProblemAlert error={error} />
      <Sections
        activeKey={status}
        onChange={(k) => { setStatus(k); actionRef.current?.setPageInfo?.({ current: 1 }); }}
        data-testid="status-tabs"
        items={STATUS_TABS.map((s) => {
          const total = counts ? (s === 'all' ? Object.values(counts).reduce((a, b) => a + b, 0) : counts[s]) : undefined;
          return { key: s, label: `${t(`tabs.${s}`)}${total === undefined ? '' : ` (${total})`}` };
        })}
      />
      <ProTable<Row>
        rowKey="id"
        actionRef={actionRef}
        columns={columns}
        params={params}
        options={false}
        search={{ labelWidth: 'auto', searchText: t('actions.search'), resetText: t('actions.reset'), span: wide ? 8 : 24 }}
        pagination={{ defaultPageSize: 20, showSizeChanger: false, size: wide ? 'default' : 'small' }}
        scroll={{ x: 'max-content' }}
        data-testid="registry-table"
        toolBarRender={() => [
          <Button
            key="export"
            icon={<DownloadOutlined />}
            loading={exporting}
            data-testid="export"
            onClick={async () => {
              setExporting(true);
              setError(null);
              try {
                await saveFromApi(api.GET('/api/v1/organisations/export', { params: { query: filters }, parseAs: 'blob' }), 'organisations.xlsx');
              } catch (err) {
                setError(err);
              } finally {
                setExporting(false);
              }
            }}
          >
            {t('registry.export')}
          </Button>,
        ]}
        request={async (params) => {
          const { current = 1, pageSize = 20, ...rest } = params;
          const f = toFilters(rest, status);
          setFilters((old) => (JSON.stringify(old) === JSON.stringify(f) ? old : f));
          setError(null);
          try {
            return await fetchPage(f, current, pageSize);
          } catch (err) {
            setError(err);
            return { data: [], total: 0, success: false };
          }
        }}
      />
    </Space>
  );
}
