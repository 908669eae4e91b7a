import { useState, type ComponentType } from 'react';
import { Button, Card, Descriptions, Form, Grid, Input, List, Modal, Space, Spin, Steps, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, must, type Schemas } from '../../api/client';
import { DateTime, formatDateTime } from '../../components/DateTime';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ToneTag, type Tone } from '../../components/ToneTag';
import { useLabel } from '../../components/label';
import { EmptyText } from './shared';
import { useSession } from '../../app/session';
import { RefusalPage, refusalOf } from '../errors/NotFoundPage';
import AssessmentForm from './stages/AssessmentForm';
import PlanForm from './stages/PlanForm';
import ApprovalPanel, { SubmittedStages } from './stages/ApprovalPanel';
import { EvaluationForm, EvaluationView } from './stages/EvaluationForm';
import { ClosureForm, ClosureView } from './stages/ClosureForm';
import { FollowUpForm } from './stages/FollowUpForm';
import { type Case, caseKey, useStageMutation } from './stages/shared';
import { h2 } from '../../components/headings';

type Approval = Schemas['CaseApproval'];
type ServiceRecord = Schemas['CasesFollowUpResponse'];

/** The seven stages of casework (接案 → 预估 → 计划 → 介入 → 评估 → 结案 → 回访) and where each case status stands. */
const STEPS = ['intake', 'assessment', 'planning', 'intervention', 'evaluation', 'closure', 'follow_up'] as const;
const STAGE_OF: Record<string, { index: number; status: 'process' | 'finish' | 'error'; review?: boolean }> = {
  intake: { index: 0, status: 'process' },
  declined: { index: 0, status: 'error' },
  assessment: { index: 1, status: 'process' },
  assessment_review: { index: 1, status: 'process', review: true },
  planning: { index: 2, status: 'process' },
  plan_review: { index: 2, status: 'process', review: true },
  intervention: { index: 3, status: 'process' },
  evaluation: { index: 4, status: 'process' },
  closure_review: { index: 5, status: 'process', review: true },
  closed: { index: 5, status: 'finish' },
  followed_up: { index: 6, status: 'finish' },
};


/** What the case's status calls for (its stage's form, or word that it waits), shown to those who do the case's work (requireWorker). */
/** The forms of the stages after planning, by status (a further follow-up stays possible once followed up). */
const STAGE_FORMS: Partial<Record<string, ComponentType<{ c: Case }>>> = {
  intervention: EvaluationForm,
  evaluation: ClosureForm,
  closed: FollowUpForm,
  followed_up: FollowUpForm,
};

/** 个案: the case file — person (masked), worker, stage, the supervisor's decisions, service records; intake decisions. */
export default function CasePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('casework');
  const label = useLabel();
  const { me } = useSession();
  const detail = useQuery({ queryKey: caseKey(id), queryFn: () => must(api.GET('/api/v1/casework/cases/{id}', { params: { path: { id } } })) });
  const c = detail.data;
  const refused = refusalOf(detail.error);
  if (refused) return <RefusalPage problem={refused} />;
  if (detail.error) return <ProblemAlert error={detail.error} />;
  if (!c) return <Spin aria-label={t('common.loading')} />;
  // The server lets the case's worker, an assisting worker or the organisation admin decide at intake (requireWorker).
  const isAdmin = (me?.roles ?? []).some((r) => r.role === 'org_admin');
  const mayWork = isAdmin || c.worker.membershipId === me?.membershipId || c.assistants.some((a) => a.membershipId === me?.membershipId);
  const stage = STAGE_OF[c.status];
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>{t('case.title', { caseNo: c.caseNo })}</Typography.Title>
      <span data-testid="case-status"><ToneTag tone={statusTone(c.status)}>{label(c.statusLabel)}</ToneTag></span>
      <Card title={h2(t('case.stages'))}>
        <Steps
          size="small"
          current={stage?.index ?? 0}
          status={stage?.status ?? 'process'}
          data-testid="case-steps"
          items={STEPS.map((s, i) => ({
            title: t(`case.step.${s}`),
            description: i === stage?.index && c.status === 'declined' ? t('case.declined') : i === stage?.index && stage.review ? t('case.awaitingApproval') : undefined,
          }))}
        />
      </Card>
      {c.status === 'intake' && mayWork && <IntakeCard c={c} />}
      {c.status !== 'intake' && c.status !== 'declined' && <StageForm c={c} mayWork={mayWork} />}
      <Card title={h2(t('case.overview'))}>
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('case.caseNo')}>{c.caseNo}</Descriptions.Item>
          <Descriptions.Item label={t('case.person')}><span data-testid="case-person">{c.beneficiary.name}</span></Descriptions.Item>
          <Descriptions.Item label={t('case.idNumber')}>{c.beneficiary.idNumber || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('case.phone')}>{c.beneficiary.phone || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('case.community')}>{c.beneficiary.community?.name ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('case.worker')}>{c.worker.name}</Descriptions.Item>
          {c.assistants.length > 0 && <Descriptions.Item label={t('case.assistants')}>{c.assistants.map((a) => a.name).join('、')}</Descriptions.Item>}
          <Descriptions.Item label={t('case.source')}>{t(`case.sourceKind.${c.source}`)}</Descriptions.Item>
          <Descriptions.Item label={t('case.openedAt')}><DateTime value={c.createdAt} /></Descriptions.Item>
          <Descriptions.Item label={t('case.presentingProblem')}>{c.presentingProblem}</Descriptions.Item>
          {c.declineReason && <Descriptions.Item label={t('case.declineReason')}><span data-testid="decline-reason">{c.declineReason}</span></Descriptions.Item>}
        </Descriptions>
      </Card>
      <SubmittedStages c={c} />
      <EvaluationView c={c} />
      <ClosureView c={c} />
      <ApprovalsCard approvals={c.approvals} />
      <RecordsCard c={c} />
    </Space>
  );
}

/** The one place that picks the form a case's status needs; each form is offered only to whom the server allows it. */
function StageForm({ c, mayWork }: { c: Case; mayWork: boolean }) {
  if (c.status === 'assessment') return mayWork ? <AssessmentForm c={c} /> : null;
  if (c.status === 'planning') return mayWork ? <PlanForm c={c} /> : null;
  if (c.status.endsWith('_review')) return <ApprovalPanel c={c} />;
  const Later = STAGE_FORMS[c.status];
  return mayWork && Later ? <Later c={c} /> : null;
}

function statusTone(status: string): Tone {
  if (status === 'declined') return 'bad';
  if (status.endsWith('_review')) return 'warn';
  if (status === 'closed' || status === 'followed_up') return 'good';
  return 'info';
}

/** 接案: accept (the server checks the service consent) or decline with a reason; the version read is sent. */
function IntakeCard({ c }: { c: Case }) {
  const { t } = useTranslation('casework');
  const [declining, setDeclining] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const accept = useStageMutation<void>(c, () => must(api.POST('/api/v1/casework/cases/{id}/intake/accept', {
    params: { path: { id: c.id } }, body: { version: c.version },
  })), { done: t('case.intake.accepted') });
  const decline = useStageMutation<{ reason: string }>(c, (v) => must(api.POST('/api/v1/casework/cases/{id}/intake/decline', {
    params: { path: { id: c.id } }, body: { reason: v.reason.trim(), version: c.version },
  })), { form, done: t('case.intake.declined') });
  return (
    <Card title={h2(t('case.intake.title'))} data-testid="intake">
      <ProblemAlert error={accept.error} />
      <Typography.Paragraph type="secondary">{t('case.intake.hint')}</Typography.Paragraph>
      <Space wrap>
        <Button type="primary" onClick={() => accept.mutate()} loading={accept.isPending} disabled={decline.isPending}>{t('case.intake.accept')}</Button>
        <Button onClick={() => { decline.reset(); setDeclining(true); }} disabled={accept.isPending}>{t('case.intake.decline')}</Button>
      </Space>
      <Modal
        open={declining}
        title={t('case.intake.declineTitle')}
        okText={t('case.intake.confirmDecline')}
        cancelText={t('case.intake.cancel')}
        okButtonProps={{ loading: decline.isPending }}
        onOk={() => form.submit()}
        onCancel={() => setDeclining(false)}
        destroyOnHidden
      >
        <ProblemAlert error={decline.error} />
        <Form form={form} layout="vertical" onFinish={(v) => decline.mutate(v, { onSuccess: () => setDeclining(false) })} preserve={false}>
          <Form.Item name="reason" label={t('case.intake.reason')} rules={[{ required: true, whitespace: true, message: t('case.intake.reasonRequired') }]}>
            <Input.TextArea rows={3} maxLength={1000} placeholder={t('case.intake.reasonPlaceholder')} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

function ApprovalsCard({ approvals }: { approvals: Approval[] }) {
  const { t } = useTranslation('casework');
  const tone = (d: string | null): Tone => (d === 'approved' ? 'good' : d === 'returned' ? 'warn' : 'info');
  return (
    <Card title={h2(t('case.approvals'))} data-testid="approvals">
      <List<Approval>
        dataSource={approvals}
        locale={{ emptyText: <EmptyText>{t('case.noApprovals')}</EmptyText> }}
        renderItem={(a) => (
          <List.Item>
            <Space direction="vertical" size={2}>
              <Space wrap>
                <strong>{t(`case.approvalStep.${a.step}`)}</strong>
                <ToneTag tone={tone(a.decision)}>{t(`case.decision.${a.decision ?? 'pending'}`)}</ToneTag>
              </Space>
              <Typography.Text type="secondary">{t('case.submittedBy', { name: a.submittedBy, at: formatDateTime(a.submittedAt) })}</Typography.Text>
              {a.decidedAt && <Typography.Text type="secondary">{t('case.decidedBy', { name: a.decidedBy, at: formatDateTime(a.decidedAt) })}</Typography.Text>}
              {a.comment && <span>{t('case.comment')}：{a.comment}</span>}
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}

/** The stages a service record may be added in (the server's OPEN_STATUSES, src/modules/casework/case.transitions.ts). */
const RECORDING_STAGES = ['assessment', 'assessment_review', 'planning', 'plan_review', 'intervention', 'evaluation', 'closure_review'];

/** 服务记录: the API answers the case's records in one list (not paged). */
function RecordsCard({ c }: { c: Case }) {
  const { t } = useTranslation('casework');
  const { me } = useSession();
  // The case's worker or an assistant (as the server's requireWorker; the quick entry lists only their own cases).
  const onCase = c.worker.membershipId === me?.membershipId || c.assistants.some((a) => a.membershipId === me?.membershipId);
  const canRecord = onCase && RECORDING_STAGES.includes(c.status);
  const screens = Grid.useBreakpoint();
  const records = useQuery({
    queryKey: ['casework', 'case', c.id, 'records'],
    queryFn: () => must(api.GET('/api/v1/casework/cases/{id}/service-records', { params: { path: { id: c.id } } })),
  });
  const items = records.data?.items ?? [];
  const mode = (r: ServiceRecord) => t(`case.mode.${r.mode}`);
  return (
    <Card title={h2(t('case.records'))} data-testid="records"
      extra={<Space wrap size={12}>
        <Typography.Text type="secondary">{t('case.recordsTotal', { n: c.serviceRecords.count, hours: c.serviceRecords.hours })}</Typography.Text>
        {canRecord && <Link to={`/casework/records/new?caseId=${c.id}`} data-testid="log-service">{t('menu.record')}</Link>}
      </Space>}>
      <ProblemAlert error={records.error} />
      {screens.md ? (
        <Table<ServiceRecord>
          rowKey="id"
          size="small"
          loading={records.isLoading}
          dataSource={items}
          pagination={false}
          locale={{ emptyText: <EmptyText>{t('case.noRecords')}</EmptyText> }}
          columns={[
            { title: t('case.record.date'), key: 'date', render: (_, r) => <Space size={4}><DateTime value={r.serviceDate} withTime={false} />{r.kind === 'follow_up' && <ToneTag>{t('case.record.kind.follow_up')}</ToneTag>}</Space> },
            { title: t('case.record.duration'), key: 'duration', render: (_, r) => t('case.record.minutes', { n: r.durationMinutes }) },
            { title: t('case.record.mode'), key: 'mode', render: (_, r) => mode(r) },
            { title: t('case.record.place'), key: 'place', render: (_, r) => r.place ?? '—' },
            { title: t('case.record.content'), dataIndex: 'content' },
          ]}
        />
      ) : (
        <List<ServiceRecord>
          loading={records.isLoading}
          dataSource={items}
          locale={{ emptyText: <EmptyText>{t('case.noRecords')}</EmptyText> }}
          renderItem={(r) => (
            <List.Item>
              <Space direction="vertical" size={2}>
                <Space wrap size={8}>
                  <DateTime value={r.serviceDate} withTime={false} />
                  <span>{t('case.record.minutes', { n: r.durationMinutes })}</span>
                  <span>{mode(r)}</span>
                  {r.kind === 'follow_up' && <ToneTag>{t('case.record.kind.follow_up')}</ToneTag>}
                </Space>
                {r.place && <Typography.Text type="secondary">{r.place}</Typography.Text>}
                <span>{r.content}</span>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
