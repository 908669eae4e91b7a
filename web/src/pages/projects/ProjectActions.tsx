import { useState } from 'react';
import { App, Button, Radio, type FormInstance, Card, Form, Input, InputNumber, List, Select, Space, Table, Typography } from 'antd';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, must, type Schemas } from '../../api/client';
import { MATCHES, useServerSearch } from '../../components/useServerSearch';
import { DateTime } from '../../components/DateTime';
import { Money } from '../../components/Money';
import { MoneyInput, moneyRules } from '../../components/MoneyInput';
import { Pager, useCursorPages } from '../../components/Pager';
import { ProblemAlert, showFieldErrors } from '../../components/ProblemAlert';
import { ProblemError } from '../../components/problem';
import { ToneTag } from '../../components/ToneTag';
import { EmptyText, StatusTag, useIdempotencyKey } from './shared';
import { useRoles } from '../../app/session';
import { chosen } from '../../components/rules';
import { h2 } from '../../components/headings';

type Project = Schemas['ProjectResponse'];
/** Changes per page: the list pages on the server (newest first), so a long-running project's history is all reachable. */
const CHANGES_PAGE = 10;

/** After a refusal: field errors onto their fields; the message always above the form too. */
function useFieldErrors<T>(form: FormInstance<T>) {
  const { i18n } = useTranslation();
  return (err: unknown) => {
    if (err instanceof ProblemError) showFieldErrors(form, err.problem, i18n.language);
  };
}

function useRefresh(projectId: string) {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: ['projects'] });
    void qc.invalidateQueries({ queryKey: ['project', projectId] });
  };
}

/** 协议签订: the programme officer records the signing date, which the first tranche waits for. */
export function AgreementCard({ project }: { project: Project }) {
  const { t } = useTranslation('projects');
  const [form] = Form.useForm<{ signedOn: string }>();
  const refresh = useRefresh(project.id);
  const onError = useFieldErrors(form);
  const sign = useMutation({
    mutationFn: (v: { signedOn: string }) => must(api.POST('/api/v1/projects/{id}/agreement', { params: { path: { id: project.id } }, body: { signedOn: v.signedOn, version: project.version } })),
    onSuccess: refresh,
    onError,
  });
  return (
    <Card title={h2(t('section.agreement'))}>
      <ProblemAlert error={sign.error} />
      <Form form={form} layout="inline" onFinish={(v) => sign.mutate(v)}>
        <Form.Item name="signedOn" label={t('field.agreementSignedOn')} rules={[{ required: true, message: t('form.required') }]}>
          <Input type="date" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={sign.isPending}>{t('action.sign')}</Button>
      </Form>
    </Card>
  );
}

export function ReportsCard({ project }: { project: Project }) {
  const { t } = useTranslation('projects');
  return (
    <Card title={h2(t('section.reports'))} data-testid="reports">
      <List
        dataSource={project.reports}
        renderItem={(r) => (
          <List.Item data-testid={`report-${r.kind}`}>
            <Space wrap>
              <Link to={`/project-reports/${r.id}`}>{t(`reportKind.${r.kind}`)} {r.periodStart} – {r.periodEnd}</Link>
              <StatusTag status={r.status} />
              {r.overdue && <ToneTag tone="bad">{t('report.overdue')}</ToneTag>}
            </Space>
            <span>{t('report.dueOn')} <DateTime value={r.dueOn} withTime={false} /></span>
          </List.Item>
        )}
      />
    </Card>
  );
}

interface ChangeForm {
  kind: 'reallocation' | 'extension' | 'indicator_target';
  reason: string;
  newEndsOn?: string;
  fromBudgetLineId?: string;
  toBudgetLineId?: string;
  amountFen?: string;
  indicatorId?: string;
  target?: number;
}

/** 变更: the organisation asks (budget reallocation, extension, indicator target); the programme officer decides. */
export function ChangesCard({ project, budgetLines }: { project: Project; budgetLines: Schemas['ProjectPlanBudgetLine'][] }) {
  const { t, i18n } = useTranslation('projects');
  const { has } = useRoles();
  const refresh = useRefresh(project.id);
  const [form] = Form.useForm<ChangeForm>();
  const onError = useFieldErrors(form);
  const kind = Form.useWatch('kind', form);
  const pages = useCursorPages(project.id);
  const changes = useQuery({
    queryKey: ['projects', 'changes', project.id, pages.cursor],
    queryFn: () => must(api.GET('/api/v1/projects/{id}/changes', { params: { path: { id: project.id }, query: { limit: CHANGES_PAGE, cursor: pages.cursor } } })),
    placeholderData: keepPreviousData,
  });
  const request = useMutation({
    mutationFn: (v: ChangeForm) => must(api.POST('/api/v1/projects/{id}/changes', {
      params: { path: { id: project.id } },
      body: {
        kind: v.kind, reason: v.reason,
        ...(v.kind === 'extension' ? { newEndsOn: v.newEndsOn } : {}),
        ...(v.kind === 'reallocation' ? { reallocations: [{ fromBudgetLineId: v.fromBudgetLineId!, toBudgetLineId: v.toBudgetLineId!, amountFen: v.amountFen! }] } : {}),
        ...(v.kind === 'indicator_target' ? { indicatorTargets: [{ indicatorId: v.indicatorId!, target: v.target! }] } : {}),
      },
    })),
    onSuccess: () => { form.resetFields(); refresh(); },
    onError,
  });
  const [comment, setComment] = useState<Record<string, string>>({});
  const decide = useMutation({
    mutationFn: ({ c, action }: { c: Schemas['ChangeSummary']; action: 'approve' | 'reject' }) => {
      const init = { params: { path: { id: project.id, changeId: c.id } }, body: { version: c.version, comment: comment[c.id] || undefined } };
      return must(action === 'approve'
        ? api.POST('/api/v1/projects/{id}/changes/{changeId}/approve', init)
        : api.POST('/api/v1/projects/{id}/changes/{changeId}/reject', init));
    },
    onSuccess: refresh,
  });
  // Only the button pressed spins; the others wait disabled, so one decision is sent at a time.
  const deciding = (c: Schemas['ChangeSummary'], action: 'approve' | 'reject') =>
    decide.isPending && decide.variables?.c.id === c.id && decide.variables.action === action;
  const lineOptions = budgetLines.map((l) => ({ value: l.id, label: l.name }));
  const open = project.status !== 'closed';
  return (
    <Card title={h2(t('section.changes'))} data-testid="changes">
      <ProblemAlert error={changes.error ?? decide.error} />
      <List
        loading={changes.isPending}
        dataSource={changes.data?.items ?? []}
        locale={{ emptyText: <EmptyText>{t('change.none')}</EmptyText> }}
        renderItem={(c) => (
          <List.Item data-testid="change">
            <Space direction="vertical" style={{ width: '100%' }}>
              <Space wrap>
                <Typography.Text strong>{i18n.language === 'en' ? c.kindLabel.en : c.kindLabel.zh}</Typography.Text>
                <StatusTag status={c.status} />
                <span>{c.requestedByName}</span>
                <DateTime value={c.createdAt} />
              </Space>
              <span>{t('change.reason')}: {c.reason}</span>
              {/* What is asked, by kind: the officer decides on this, so each kind shows its own detail. */}
              {(c.detail.reallocations ?? []).map((r, i) => (
                <span key={i}>{lineOptions.find((o) => o.value === r.fromBudgetLineId)?.label} → {lineOptions.find((o) => o.value === r.toBudgetLineId)?.label} <Money fen={r.amountFen} /></span>
              ))}
              {c.detail.newEndsOn && <span>{t('change.newEndsOn')}: <DateTime value={c.detail.newEndsOn} withTime={false} /></span>}
              {(c.detail.indicatorTargets ?? []).map((x) => {
                const indicator = project.plan.indicators.find((i) => i.id === x.indicatorId);
                return <span key={x.indicatorId}>{indicator?.name}: {t('plan.target')} {x.target} {indicator?.unit}</span>;
              })}
              {c.decisionComment && <span>{t('change.comment')}: {c.decisionComment}</span>}
              {c.status === 'pending' && has('programme_officer') && (
                <Space wrap>
                  <Input aria-label={t('change.comment')} placeholder={t('change.comment')} value={comment[c.id] ?? ''} onChange={(e) => setComment({ ...comment, [c.id]: e.target.value })} style={{ width: 220 }} />
                  <Button type="primary" loading={deciding(c, 'approve')} disabled={decide.isPending} onClick={() => decide.mutate({ c, action: 'approve' })}>{t('action.approve')}</Button>
                  <Button loading={deciding(c, 'reject')} disabled={decide.isPending} onClick={() => decide.mutate({ c, action: 'reject' })}>{t('action.reject')}</Button>
                </Space>
              )}
            </Space>
          </List.Item>
        )}
      />
      {(pages.index > 0 || changes.data?.nextCursor) && (
        <Pager label={t('change.paging')} pages={pages} total={changes.data?.total} nextCursor={changes.data?.nextCursor} />
      )}
      {open && has('org_admin', 'org_staff') && (
        <>
          <Typography.Title level={3} style={{ fontSize: 14, marginTop: 16 }}>{t('change.new')}</Typography.Title>
          <ProblemAlert error={request.error} />
          <Form form={form} layout="vertical" onFinish={(v) => request.mutate(v)} initialValues={{ kind: 'extension' }} style={{ maxWidth: 520 }}>
            <Form.Item name="kind" label={t('change.kind')} rules={[chosen(t('form.required'))]}>
              <Radio.Group options={(['extension', 'reallocation', 'indicator_target'] as const).map((k) => ({ value: k, label: t(`changeKind.${k}`) }))} />
            </Form.Item>
            {kind === 'extension' && (
              <Form.Item name="newEndsOn" label={t('change.newEndsOn')} rules={[{ required: true, message: t('form.required') }]}><Input type="date" /></Form.Item>
            )}
            {kind === 'reallocation' && (
              <>
                <Form.Item name="fromBudgetLineId" label={t('change.from')} rules={[chosen(t('form.required'))]}><Radio.Group options={lineOptions} /></Form.Item>
                <Form.Item name="toBudgetLineId" label={t('change.to')} rules={[chosen(t('form.required'))]}><Radio.Group options={lineOptions} /></Form.Item>
                <Form.Item name="amountFen" label={t('change.amount')} rules={moneyRules(t, { required: true, positive: true })}><MoneyInput /></Form.Item>
              </>
            )}
            {kind === 'indicator_target' && (
              <>
                <Form.Item name="indicatorId" label={t('plan.indicator')} rules={[chosen(t('form.required'))]}>
                  <Radio.Group options={project.plan.indicators.map((i) => ({ value: i.id, label: t('plan.withTarget', { name: i.name, target: i.target, unit: i.unit }) }))} />
                </Form.Item>
                <Form.Item name="target" label={t('plan.target')} rules={[{ required: true, message: t('form.required') }]}><InputNumber min={0} style={{ width: '100%' }} /></Form.Item>
              </>
            )}
            <Form.Item name="reason" label={t('change.reason')} rules={[{ required: true, message: t('form.required') }]}><Input.TextArea rows={2} /></Form.Item>
            <Button type="primary" htmlType="submit" loading={request.isPending}>{t('action.requestChange')}</Button>
          </Form>
        </>
      )}
    </Card>
  );
}

/** 评估: officials assign evaluators; everyone who may see the project sees the evaluations recorded. */
export function EvaluationsCard({ project }: { project: Project }) {
  const { t, i18n } = useTranslation('projects');
  const { has } = useRoles();
  const official = has('district_admin', 'programme_officer', 'finance_officer');
  const refresh = useRefresh(project.id);
  const evaluations = useQuery({
    queryKey: ['projects', 'evaluations', project.id],
    queryFn: () => must(api.GET('/api/v1/projects/{id}/evaluations', { params: { path: { id: project.id } } })),
  });
  const assignments = useQuery({
    enabled: official,
    queryKey: ['projects', 'assignments', project.id],
    queryFn: () => must(api.GET('/api/v1/projects/{id}/evaluation-assignments', { params: { path: { id: project.id } } })),
  });
  // A district may have many evaluators: the server searches them by name as the officer types.
  const { query: evaluators, selectProps, forget } = useServerSearch(['members', 'evaluators'],
    (q) => must(api.GET('/api/v1/members', { params: { query: { role: 'evaluator', status: 'active', q, limit: MATCHES } } })),
    { enabled: has('programme_officer') });
  const [chosen, setChosen] = useState<{ value: string; label: string }>();
  const assign = useMutation({
    mutationFn: (evaluatorMembershipId: string) => must(api.POST('/api/v1/projects/{id}/evaluation-assignments', { params: { path: { id: project.id } }, body: { evaluatorMembershipId } })),
    onSuccess: () => { setChosen(undefined); refresh(); },
  });
  const options = (evaluators.data?.items ?? []).map((m) => ({ value: m.id, label: m.name }));
  // The chosen one keeps its name when a later search no longer returns it.
  if (chosen && !options.some((o) => o.value === chosen.value)) options.push(chosen);
  return (
    <Card title={h2(t('section.evaluations'))} data-testid="evaluations">
      <ProblemAlert error={evaluations.error ?? assignments.error ?? assign.error} />
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        scroll={{ x: true }}
        loading={evaluations.isPending}
        dataSource={evaluations.data?.items ?? []}
        locale={{ emptyText: <EmptyText>{t('evaluation.none')}</EmptyText> }}
        columns={[
          { title: t('evaluation.stage'), key: 'stage', render: (_, e) => t(`stage.${e.stage}`) },
          { title: t('evaluation.score'), dataIndex: 'score' },
          { title: t('evaluation.grade'), key: 'grade', render: (_, e) => <Space>{i18n.language === 'en' ? e.gradeLabel.en : e.gradeLabel.zh}<ToneTag tone={e.passed ? 'good' : 'bad'}>{e.passed ? t('evaluation.passed') : t('evaluation.failed')}</ToneTag></Space> },
          { title: t('evaluation.evaluator'), dataIndex: 'evaluatorName' },
          { title: t('evaluation.on'), key: 'on', render: (_, e) => <DateTime value={e.evaluatedOn} withTime={false} /> },
        ]}
      />
      {official && (
        <>
          <Typography.Title level={3} style={{ fontSize: 14, marginTop: 16 }}>{t('evaluation.assignments')}</Typography.Title>
          <List
            size="small"
            dataSource={(assignments.data?.items ?? []).filter((a) => !a.endedAt)}
            locale={{ emptyText: <EmptyText>{t('evaluation.noAssignments')}</EmptyText> }}
            renderItem={(a) => <List.Item data-testid="assignment">{a.evaluatorName} <DateTime value={a.assignedAt} /></List.Item>}
          />
        </>
      )}
      {has('programme_officer') && project.status !== 'closed' && (
        <Space wrap style={{ marginTop: 8 }}>
          <Select
            aria-label={t('evaluation.chooseEvaluator')}
            placeholder={t('evaluation.chooseEvaluator')}
            style={{ width: 220 }}
            value={chosen?.value}
            onChange={(value: string) => { forget(); setChosen(options.find((o) => o.value === value)); }}
            {...selectProps}
            options={options}
            notFoundContent={evaluators.isFetching ? t('common.loading') : t('evaluation.noMatch')}
          />
          <Button disabled={!chosen} loading={assign.isPending} onClick={() => chosen && assign.mutate(chosen.value)}>{t('action.assign')}</Button>
        </Space>
      )}
      {has('evaluator') && <div style={{ marginTop: 8 }}><Link to={`/evaluations?project=${project.id}`}>{t('evaluation.evaluateHere')}</Link></div>}
    </Card>
  );
}

interface Closure { refundFen?: string; note?: string; earlyTerminationReason?: string }

/** 结项: finance closes; the server's rules (reports, evaluations, dates) come back as its message when it refuses. */
export function ClosureCard({ project }: { project: Project }) {
  const { t } = useTranslation('projects');
  const { message } = App.useApp();
  const [form] = Form.useForm<Closure>();
  const onError = useFieldErrors(form);
  const refresh = useRefresh(project.id);
  const idem = useIdempotencyKey();
  const close = useMutation({
    mutationFn: (v: Closure) => must(api.POST('/api/v1/projects/{id}/close', {
      params: { path: { id: project.id }, header: { 'Idempotency-Key': idem.key() } },
      body: { version: project.version, refundFen: v.refundFen || undefined, note: v.note || undefined, earlyTerminationReason: v.earlyTerminationReason?.trim() || undefined },
    })),
    onSuccess: () => { idem.done(); void message.success(t('closure.done')); refresh(); },
    onError,
  });
  return (
    <Card title={h2(t('section.closure'))} data-testid="closure">
      <ProblemAlert error={close.error} />
      <Form form={form} layout="vertical" onFinish={(v) => close.mutate(v)} style={{ maxWidth: 420 }}>
        <Form.Item name="refundFen" label={t('closure.refund')} rules={moneyRules(t)} extra={t('closure.refundHelp')}><MoneyInput /></Form.Item>
        <Form.Item name="note" label={t('closure.note')}><Input.TextArea rows={2} /></Form.Item>
        {/* Optional here: only the server's clock knows whether the end date has passed, and it says so when it refuses. */}
        <Form.Item name="earlyTerminationReason" label={t('closure.earlyTerminationReason')} extra={t('closure.earlyTerminationHelp')}><Input.TextArea rows={2} /></Form.Item>
        <Button type="primary" htmlType="submit" loading={close.isPending}>{t('action.close')}</Button>
      </Form>
    </Card>
  );
}
