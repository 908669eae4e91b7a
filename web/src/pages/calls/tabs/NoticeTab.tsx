import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Empty, Form, Input, List, Space, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, must, type Schemas } from '../../../api/client';
import { DateTime } from '../../../components/DateTime';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { Deadline } from '../../../components/Remaining';
import { ToneTag } from '../../../components/ToneTag';
import { type Call } from '../shared';

type Objection = Schemas['ObjectionView'];

/** The public notice of the selection (its period counted in working days by the server) and its objections. */
export function NoticeTab({ call }: { call: Call }) {
  const { t } = useTranslation('calls');
  const qc = useQueryClient();
  const publish = useMutation({
    mutationFn: () => must(api.POST('/api/v1/calls/{callId}/notice', { params: { path: { callId: call.id } }, body: { version: call.version } })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['call', call.id] }),
  });
  const objections = useQuery({
    enabled: call.status !== 'reviewing',
    queryKey: ['call', call.id, 'objections'],
    queryFn: () => must(api.GET('/api/v1/calls/{callId}/objections', { params: { path: { callId: call.id } } })),
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {call.status === 'reviewing' ? (
        <Card size="small">
          <Typography.Paragraph>{t('notice.intro', { days: call.noticeWorkingDays })}</Typography.Paragraph>
          <ProblemAlert error={publish.error} details />
          <Button type="primary" loading={publish.isPending} onClick={() => publish.mutate()}>{t('notice.publish')}</Button>
        </Card>
      ) : (
        <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} data-testid="notice-period">
          <Descriptions.Item label={t('notice.starts')}><DateTime value={call.noticeStartsAt} /></Descriptions.Item>
          <Descriptions.Item label={t('notice.ends')}>
            <Deadline value={call.noticeEndsAt} showRemaining={call.status === 'notice'} />
          </Descriptions.Item>
        </Descriptions>
      )}
      {call.status !== 'reviewing' && (
        <Card size="small" title={<h2 style={{ fontSize: 15, margin: 0 }}>{t('notice.objections')}</h2>}>
          <ProblemAlert error={objections.error} />
          {objections.data && objections.data.items.length === 0 && <Empty description={t('notice.noObjections')} />}
          <List
            loading={objections.isPending}
            dataSource={objections.data?.items ?? []}
            renderItem={(o) => <ObjectionItem callId={call.id} objection={o} canAnswer={call.status === 'notice'} />}
          />
        </Card>
      )}
    </Space>
  );
}

function ObjectionItem({ callId, objection, canAnswer }: { callId: string; objection: Objection; canAnswer: boolean }) {
  const { t } = useTranslation('calls');
  const qc = useQueryClient();
  const [answer, setAnswer] = useState('');
  const send = useMutation({
    mutationFn: () => must(api.POST('/api/v1/calls/{callId}/objections/{id}/answer', { params: { path: { callId, id: objection.id } }, body: { answer } })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['call', callId, 'objections'] }),
  });
  const fieldId = `answer-${objection.id}`;
  return (
    <List.Item data-testid="objection">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <ToneTag tone={objection.status === 'answered' ? 'good' : 'warn'}>{t(`notice.status.${objection.status}`)}</ToneTag>
          <Typography.Text strong>{objection.name}</Typography.Text>
          <Typography.Text type="secondary">{objection.contact}</Typography.Text>
          <DateTime value={objection.receivedAt} />
        </Space>
        <Typography.Paragraph style={{ marginBottom: 0 }}>{objection.content}</Typography.Paragraph>
        {objection.answer && <Alert type="success" message={t('notice.answer')} description={objection.answer} />}
        {objection.status === 'open' && canAnswer && (
          <Form layout="vertical" onFinish={() => send.mutate()}>
            <ProblemAlert error={send.error} details />
            <Form.Item label={t('notice.answerLabel')} htmlFor={fieldId}>
              <Input.TextArea id={fieldId} rows={3} maxLength={2000} value={answer} onChange={(e) => setAnswer(e.target.value)} />
            </Form.Item>
            <Button htmlType="submit" type="primary" loading={send.isPending}>{t('notice.sendAnswer')}</Button>
          </Form>
        )}
      </Space>
    </List.Item>
  );
}
