import { Progress, Table } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, must } from '../../../api/client';
import { ProblemAlert } from '../../../components/ProblemAlert';
import type { Call } from '../shared';

/** How far the scoring has come, per application; a declared conflict counts until its replacement scores. */
export function ProgressTab({ call }: { call: Call }) {
  const { t } = useTranslation('calls');
  const q = useQuery({
    queryKey: ['call', call.id, 'progress'],
    queryFn: () => must(api.GET('/api/v1/calls/{callId}/review-progress', { params: { path: { callId: call.id } } })),
  });
  const items = q.data?.items ?? [];
  const done = items.reduce((n, i) => n + i.submitted, 0);
  const all = items.reduce((n, i) => n + i.submitted + i.pending, 0);
  return (
    <>
      <ProblemAlert error={q.error} />
      <Progress percent={all ? Math.round((done * 100) / all) : 0} aria-label={t('progress.overall')} data-testid="overall-progress" />
      <Table
        rowKey="applicationId"
        size="small"
        loading={q.isPending}
        dataSource={items}
        pagination={false}
        columns={[
          { title: t('submissions.reference'), dataIndex: 'referenceNo' },
          { title: t('progress.submitted'), dataIndex: 'submitted' },
          { title: t('progress.pending'), dataIndex: 'pending' },
          { title: t('progress.conflicts'), dataIndex: 'conflicts' },
        ]}
      />
    </>
  );
}
