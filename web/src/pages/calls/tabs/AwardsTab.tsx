import { Alert, Button, Card, Space, Table, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, must, type Schemas } from '../../../api/client';
import { DateTime } from '../../../components/DateTime';
import { Money } from '../../../components/Money';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { ProblemError, asProblem } from '../../../components/problem';
import { ToneTag, type Tone } from '../../../components/ToneTag';
import { type Call } from '../shared';

type Award = Schemas['OutcomeAcceptResponse'];
const TONE: Record<string, Tone> = { awaiting_acceptance: 'warn', pending: 'info', created: 'good' };

/** Award the selection once the notice has run and every objection is answered; then follow each acceptance. */
export function AwardsTab({ call }: { call: Call }) {
  const { t } = useTranslation('calls');
  const qc = useQueryClient();
  const award = useMutation({
    mutationFn: () => must(api.POST('/api/v1/calls/{callId}/award', { params: { path: { callId: call.id } }, body: { version: call.version } })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['call', call.id] }),
  });
  const awards = useQuery({
    enabled: call.status === 'awarded',
    queryKey: ['call', call.id, 'awards'],
    queryFn: () => must(api.GET('/api/v1/calls/{callId}/awards', { params: { path: { callId: call.id } } })),
  });
  // The PDF needs the access token (kept in memory, never in a URL): fetch it, then open the bytes.
  const pdf = useMutation({
    mutationFn: async (id: string) => {
      const { data, error, response } = await api.GET('/api/v1/awards/{id}/agreement.pdf', { params: { path: { id } }, parseAs: 'blob' });
      if (!response.ok) throw new ProblemError(asProblem(error, response.status));
      window.open(URL.createObjectURL(data as Blob), '_blank', 'noopener');
    },
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {call.status === 'notice' && (
        <Card size="small">
          <Typography.Paragraph>{t('awards.intro')}</Typography.Paragraph>
          <ProblemAlert error={award.error} details />
          <Button type="primary" loading={award.isPending} onClick={() => award.mutate()}>{t('awards.award')}</Button>
        </Card>
      )}
      {award.data && <Alert type="success" showIcon role="status" message={t('awards.done', { count: award.data.awards.length })} />}
      <ProblemAlert error={awards.error ?? pdf.error} />
      {call.status === 'awarded' && (
        <Table<Award>
          rowKey="id"
          size="small"
          scroll={{ x: true }}
          data-testid="awards"
          loading={awards.isPending}
          dataSource={awards.data?.items ?? []}
          pagination={false}
          columns={[
            { title: t('awards.reference'), dataIndex: 'referenceNo' },
            { title: t('submissions.project'), key: 'project', render: (_, a) => a.record.projectTitle },
            { title: t('awards.amount'), dataIndex: 'amountFen', render: (v: string) => <Money fen={v} /> },
            {
              title: t('awards.status'), dataIndex: 'projectStatus',
              render: (v: string, a) => <Space wrap><ToneTag tone={TONE[v]} data-testid="award-status" data-status={v}>{t(`awards.projectStatus.${v}`)}</ToneTag>{a.acceptedAt && <DateTime value={a.acceptedAt} />}</Space>,
            },
            {
              title: t('awards.agreement'), key: 'pdf',
              render: (_, a) => <Button size="small" onClick={() => pdf.mutate(a.id)} loading={pdf.isPending && pdf.variables === a.id} aria-label={`${t('awards.openPdf')} ${a.referenceNo}`}>{t('awards.openPdf')}</Button>,
            },
          ]}
        />
      )}
    </Space>
  );
}
