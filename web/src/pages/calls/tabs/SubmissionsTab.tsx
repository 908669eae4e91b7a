import { useMemo, useState } from 'react';
import { Grid } from 'antd';
import { ProTable, type ProColumns } from '@ant-design/pro-components';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, must, type Schemas } from '../../../api/client';
import { DateTime } from '../../../components/DateTime';
import { Money } from '../../../components/Money';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { cursorPages } from '../../../components/cursorPages';
import { ToneTag } from '../../../components/ToneTag';
import { STATUS_TONE } from '../../applications/shared';
import { type Call } from '../shared';

type Row = Schemas['ApplicationSummary'];
const STATUSES = ['submitted', 'returned', 'withdrawn', 'passed', 'rejected', 'awarded', 'declined'] as const;
const PAGE_SIZE = 20;

/** The call's submitted applications with their screening state, paged on the server; each opens its own page. */
export function SubmissionsTab({ call }: { call: Call }) {
  const { t, i18n } = useTranslation('calls');
  const screens = Grid.useBreakpoint();
  const fetchPage = useMemo(() => cursorPages<Row, { status?: string }>((f, cursor, limit) => must(api.GET('/api/v1/applications', {
    params: { query: { callId: call.id, status: f.status as never, limit, cursor } },
  }))), [call.id]);
  const [error, setError] = useState<unknown>(null);
  const columns: ProColumns<Row>[] = [
    { title: t('submissions.reference'), dataIndex: 'referenceNo', search: false, render: (_, r) => <Link to={`/applications/${r.id}`}>{r.referenceNo}</Link> },
    { title: t('submissions.project'), dataIndex: 'title', search: false },
    ...(screens.md ? [
      { title: t('submissions.organisation'), dataIndex: 'organisationName', search: false },
      { title: t('submissions.requested'), dataIndex: 'requestedFen', search: false, render: (_: unknown, r: Row) => <Money fen={r.requestedFen} /> },
      { title: t('submissions.submittedAt'), dataIndex: 'submittedAt', search: false, render: (_: unknown, r: Row) => <DateTime value={r.submittedAt} /> },
    ] as ProColumns<Row>[] : []),
    {
      title: t('submissions.status'), dataIndex: 'status', valueType: 'select',
      valueEnum: Object.fromEntries(STATUSES.map((s) => [s, { text: t(`applicationStatus.${s}`) }])),
      render: (_, r) => <ToneTag tone={STATUS_TONE[r.status]} data-testid="application-status">{i18n.language.startsWith('en') ? r.statusLabel.en : r.statusLabel.zh}</ToneTag>,
    },
  ];
  return (
    <>
      <ProblemAlert error={error} />
      <ProTable<Row>
        rowKey="id"
        columns={columns}
        options={false}
        data-testid="submissions-table"
        search={{ labelWidth: 'auto', searchText: t('list.search'), resetText: t('list.reset'), collapsed: false, collapseRender: false }}
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
    </>
  );
}
