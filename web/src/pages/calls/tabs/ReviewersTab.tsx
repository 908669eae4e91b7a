import { useState } from 'react';
import { Alert, Button, Card, Form, Grid, List, Select, Space, Table, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { DateTime } from '../../../components/DateTime';
import { ToneTag } from '../../../components/ToneTag';
import { api, must, type Schemas } from '../../../api/client';
import { MATCHES, useServerSearch } from '../../../components/useServerSearch';
import { type Call } from '../shared';

type Conflict = Schemas['ReviewsCallConflictItem'];

/**
 * The call's review panel: pick reviewers among the district's active reviewer members (searched on the server by
 * name), then assign automatically. Assignment itself keeps every reviewer away from the applications they conflict
 * with (there is no hand assignment to refuse), and the pairs it keeps apart are listed with their reasons.
 */
export function ReviewersTab({ call }: { call: Call }) {
  const { t } = useTranslation('calls');
  const qc = useQueryClient();
  const [chosen, setChosen] = useState<Array<{ value: string; label: string }>>([]);
  const panel = useQuery({
    queryKey: ['call', call.id, 'panel'],
    queryFn: () => must(api.GET('/api/v1/calls/{callId}/reviewers', { params: { path: { callId: call.id } } })),
  });
  const { query: members, selectProps, forget } = useServerSearch(['members', 'reviewers'],
    (q) => must(api.GET('/api/v1/members', { params: { query: { role: 'reviewer', status: 'active', limit: MATCHES, q } } })));
  const conflicts = useQuery({
    queryKey: ['call', call.id, 'conflicts'],
    queryFn: () => must(api.GET('/api/v1/calls/{callId}/review-conflicts', { params: { path: { callId: call.id } } })),
  });
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: ['call', call.id] });
  };
  const add = useMutation({
    mutationFn: () => must(api.POST('/api/v1/calls/{callId}/reviewers', { params: { path: { callId: call.id } }, body: { membershipIds: chosen.map((c) => c.value) } })),
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
  const picked = new Set(chosen.map((c) => c.value));
  // The chosen stay listed (with their names) while a later search no longer returns them.
  const options = [
    ...chosen,
    ...(members.data?.items ?? []).filter((m) => !onPanel.has(m.id) && !picked.has(m.id)).map((m) => ({ value: m.id, label: m.name })),
  ];
  const canChange = call.status === 'closed' || call.status === 'reviewing';
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <ProblemAlert error={panel.error ?? members.error ?? add.error ?? assign.error} details />
      {assign.data && <Alert type="success" showIcon role="status" message={t('reviewers.assigned', { count: assign.data.created })} />}
      {canChange && (
        <Card size="small" title={<h2 style={{ fontSize: 15, margin: 0 }}>{t('reviewers.addTitle')}</h2>}>
          <Form layout="vertical" onFinish={() => add.mutate()}>
            <Form.Item label={t('reviewers.choose')} htmlFor="reviewer-select">
              <Select id="reviewer-select" mode="multiple" labelInValue value={chosen}
                onChange={(v: Array<{ value: string; label: string }>) => { forget(); setChosen(v); }}
                {...selectProps} options={options} style={{ width: '100%' }}
                notFoundContent={members.isFetching ? t('common:common.loading') : t('reviewers.noneFound')} />
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
      <ConflictList query={conflicts} />
    </Space>
  );
}

/** The reviewer–application pairs assignment keeps apart (officers see the applicant even on a blind call): a table on a desk, a list on a phone. */
function ConflictList({ query }: { query: { data?: { items: Conflict[] }; error: unknown; isPending: boolean } }) {
  const { t } = useTranslation('calls');
  const screens = Grid.useBreakpoint();
  const items = query.data?.items ?? [];
  // ToneTag's inks, not antd's orange: that fails AA contrast.
  const kind = (c: Conflict) => <ToneTag tone={c.kind === 'declared' ? 'warn' : 'neutral'}>{t(`reviewers.kind.${c.kind}`)}</ToneTag>;
  const application = (c: Conflict) => <Link to={`/applications/${c.applicationId}`}>{c.referenceNo}</Link>;
  const why = (c: Conflict) => (c.kind === 'declared' ? c.reason : t('reviewers.staffReason'));
  return (
    <Card size="small" data-testid="conflicts" title={<h2 style={{ fontSize: 15, margin: 0 }}>{t('reviewers.conflictsTitle', { count: items.length })}</h2>}>
      <ProblemAlert error={query.error} />
      {!query.isPending && !items.length && <Typography.Text type="secondary">{t('reviewers.noConflicts')}</Typography.Text>}
      {items.length > 0 && (screens.md ? (
        <Table
          rowKey={(c) => `${c.membershipId}:${c.applicationId}`}
          size="small"
          dataSource={items}
          pagination={false}
          columns={[
            { title: t('reviewers.name'), dataIndex: 'reviewerName' },
            { title: t('submissions.reference'), dataIndex: 'referenceNo', render: (_: unknown, c: Conflict) => application(c) },
            { title: t('submissions.organisation'), dataIndex: 'organisationName' },
            { title: t('reviewers.kindTitle'), dataIndex: 'kind', render: (_: unknown, c: Conflict) => kind(c) },
            { title: t('reviewers.reason'), dataIndex: 'reason', render: (_: unknown, c: Conflict) => why(c) },
            { title: t('reviewers.declaredAt'), dataIndex: 'declaredAt', render: (_: unknown, c: Conflict) => (c.declaredAt ? <DateTime value={c.declaredAt} /> : '—') },
          ]}
        />
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(c) => (
            <List.Item key={`${c.membershipId}:${c.applicationId}`}>
              <Space direction="vertical" size={2}>
                <Space wrap>{c.reviewerName} {application(c)} {kind(c)}</Space>
                <Typography.Text type="secondary">{c.organisationName}</Typography.Text>
                <span>{why(c)}</span>
              </Space>
            </List.Item>
          )}
        />
      ))}
    </Card>
  );
}
