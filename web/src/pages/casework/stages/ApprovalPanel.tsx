import { useRef } from 'react';
import { Button, Card, Form, Input, Space, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, must } from '../../../api/client';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useSession } from '../../../app/session';
import { AssessmentView } from './AssessmentForm';
import { PlanView } from './PlanForm';
import { h2 } from '../../../components/headings';
import { type Case, useStageMutation } from './shared';

/** The review states and the step each waits on (the server's REVIEWS, src/modules/casework/case.transitions.ts). */
export const REVIEW_STEP: Record<string, 'assessment' | 'plan' | 'closure'> = {
  assessment_review: 'assessment',
  plan_review: 'plan',
  closure_review: 'closure',
};

/** What was submitted for a step, read-only (a closure is the case page's own closure card, shown whenever there is one). */
function Submitted({ c, step }: { c: Case; step: 'assessment' | 'plan' | 'closure' }) {
  if (step === 'assessment') return c.assessment ? <AssessmentView a={c.assessment} /> : null;
  if (step === 'plan') return c.plan ? <PlanView p={c.plan} /> : null;
  return null;
}

/**
 * 督导审批: a case in review shows what was submitted; its worker's supervisor (the server allows no one else — not
 * the worker, not the organisation admin) approves or returns it, a return with the reason why.
 */
export default function ApprovalPanel({ c }: { c: Case }) {
  const { t } = useTranslation('casework');
  const { me } = useSession();
  const step = REVIEW_STEP[c.status];
  const isSupervisor = (me?.roles ?? []).some((r) => r.role === 'supervisor') && c.worker.membershipId !== me?.membershipId;
  // The server decides with the worker's current supervisors; the team view lists exactly the reviews waiting on me.
  const team = useQuery({
    queryKey: ['casework', 'caseload', 'team'],
    queryFn: () => must(api.GET('/api/v1/casework/caseload/team')),
    enabled: isSupervisor && !!step,
  });
  const mayDecide = isSupervisor && !!team.data?.pendingApprovals.some((p) => p.caseId === c.id);
  if (!step) return null;
  return (
    <Card title={h2(t('stage.approval.title', { step: t(`case.approvalStep.${step}`) }))} data-testid="approval-panel">
      <Submitted c={c} step={step} />
      {mayDecide ? <DecisionForm c={c} /> : <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{t('stage.approval.waiting')}</Typography.Paragraph>}
    </Card>
  );
}

function DecisionForm({ c }: { c: Case }) {
  const { t } = useTranslation('casework');
  const [form] = Form.useForm<{ comment?: string }>();
  const decision = useRef<'approve' | 'return'>('approve');
  const decide = useStageMutation<{ decision: 'approve' | 'return'; comment?: string }>(c, (v) => must(api.POST('/api/v1/casework/cases/{id}/approval', {
    params: { path: { id: c.id } },
    body: { decision: v.decision, comment: v.comment?.trim() || undefined, version: c.version },
  })), { form, done: t('stage.approval.done') });
  const send = async (d: 'approve' | 'return') => {
    decision.current = d;
    const v = await form.validateFields().catch(() => null);
    if (v) decide.mutate({ decision: d, comment: v.comment });
  };
  return (
    <Form form={form} layout="vertical" data-testid="approval-form" style={{ marginTop: 16 }} onFinish={() => send('approve')}>
      <ProblemAlert error={decide.error} />
      <Form.Item name="comment" label={t('stage.approval.comment')} extra={t('stage.approval.commentHint')}
        rules={[{ validator: async (_, v?: string) => { if (decision.current === 'return' && !v?.trim()) throw new Error(t('stage.approval.commentRequired')); } }]}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <Space wrap>
        <Button type="primary" onClick={() => void send('approve')} loading={decide.isPending && decision.current === 'approve'} disabled={decide.isPending}>{t('stage.approval.approve')}</Button>
        <Button danger onClick={() => void send('return')} loading={decide.isPending && decision.current === 'return'} disabled={decide.isPending}>{t('stage.approval.return')}</Button>
      </Space>
    </Form>
  );
}

/** The assessment and plan once past their stage (and not the one now in review, shown above), read-only. */
export function SubmittedStages({ c }: { c: Case }) {
  const { t } = useTranslation('casework');
  const showAssessment = !!c.assessment && !['assessment', 'assessment_review'].includes(c.status);
  const showPlan = !!c.plan && !['planning', 'plan_review'].includes(c.status);
  return (
    <>
      {showAssessment && <Card title={h2(t('stage.assessment.submitted'))} data-testid="assessment-submitted"><AssessmentView a={c.assessment!} /></Card>}
      {showPlan && <Card title={h2(t('stage.plan.submitted'))} data-testid="plan-submitted"><PlanView p={c.plan!} /></Card>}
    </>
  );
}
