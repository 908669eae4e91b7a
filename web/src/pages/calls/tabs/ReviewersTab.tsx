import { useState } from 'react';
import { Alert, Button, Card, Form, Select, Space, Table, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { api, must } from '../../../api/client';
import { type Call } from '../shared';

/** The call's review panel: pick reviewers among the district's active reviewer members, then assign automatically. */
export function ReviewersTab({ call }: { call: Call }) {
  const { t } = useTranslation('calls');
  const qc = useQueryClient();
  const [chosen, setChosen] = useState<string[]>([]);
  const panel = useQuery({
    queryKey: ['call', call.id, 'panel'],
    queryFn: () => must(api.GET('/api/v1/calls/{callId}/reviewers', { params: { path: { callId: call.id } } })),
  });
  const members = useQuery({
    queryKey: ['members', 'reviewers'],
    queryFn: () => must(api.GET('/api/v1/members', { params: { query: { role: 'reviewer', status: 'active', limit: 200 } } })),
  });
  const progress = useQuery({
    queryKey: ['call', call.id, 'progress'],
    queryFn: () => must(api.GET('/api/v1/calls/{callId}/review-progress', { params: { path: { callId: call.id } } })),
  });
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: ['call', call.id] });
  };
  const add = useMutation({
    mutationFn: () => must(api.POST('/api/v1/calls/{callId}/reviewers', { params: { path: { callId: call.id } }, body: { membershipIds: chosen } })),
    onSuccess: () => {
      setChosen([]);
      refresh();
    },
  });
  const assign = useMutation({
    mutationFn: () => must(api.POST('/api/v1/calls/{callId}/review-assignments', { params: { path: { callId: call.id } } })),
    onSuccess: refresh,
  });
  const onPanel = new Set((panel.data?.items ?? []).map((p) => p.membershipId));
  const candidates = (members.data?.items ?? []).filter((m) => !onPanel.has(m.id));
  const conflicts = (progress.data?.items ?? []).reduce((n, i) => n + i.conflicts, 0);
  const canChange = call.status === 'closed' || call.status === 'reviewing';
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <ProblemAlert error={panel.error ?? members.error ?? add.error ?? assign.error} details />
      {assign.data && <Alert type="success" showIcon role="status" message={t('reviewers.assigned', { count: assign.data.created })} />}
      {canChange && (
        <Card size="small" title={<h2 style={{ fontSize: 15, margin: 0 }}>{t('reviewers.addTitle')}</h2>}>
          <Form layout="vertical" onFinish={() => add.mutate()}>
            <Form.Item label={t('reviewers.choose')} htmlFor="reviewer-select">
              <Select id="reviewer-select" mode="multiple" value={chosen} onChange={setChosen} loading={members.isPending} optionFilterProp="label"
                options={candidates.map((m) => ({ value: m.id, label: m.name }))} style={{ width: '100%' }} />
            </Form.Item>
            <Space wrap>
              <Button htmlType="submit" disabled={!chosen.length} loading={add.isPending}>{t('reviewers.add')}</Button>
              <Button type="primary" loading={assign.isPending} disabled={!onPanel.size} onClick={() => assign.mutate()}>{t('reviewers.assign')}</Button>
            </Space>
          </Form>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {t('reviewers.hint', { n: call.reviewersPerApplication })}
          </Typography.Paragraph>
        </Card>
      )}
      {conflicts > 0 && <Alert type="warning" showIcon message={t('reviewers.conflicts', { count: conflicts })} data-testid="conflicts" />}
      <Table
        rowKey="membershipId"
        size="small"
        loading={panel.isPending}
        data-testid="panel"
        dataSource={panel.data?.items ?? []}
        pagination={false}
        columns={[
          { title: t('reviewers.name'), dataIndex: 'name' },
          { title: t('reviewers.load'), dataIndex: 'assignments' },
        ]}
      />
    </Space>
  );
}
