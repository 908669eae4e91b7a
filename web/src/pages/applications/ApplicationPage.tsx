import { cloneElement, isValidElement, useMemo, useState, type ReactElement, type ReactNode } from 'react';
import type { Rule } from 'antd/es/form';
import {
  Alert, Button, Card, Descriptions, Empty, Form, Grid, Input, InputNumber, List, Modal, Radio, Select, Space, Spin, Typography, message, type SelectProps,
} from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, must, type Schemas } from '../../api/client';
import { MATCHES, useServerSearch } from '../../components/useServerSearch';
import { useSession } from '../../app/session';
import { DateTime } from '../../components/DateTime';
import { Money } from '../../components/Money';
import { MoneyInput, moneyRules } from '../../components/MoneyInput';
import { CommunitySelect } from '../../components/CommunitySelect';
import { ProblemAlert, showFieldErrors } from '../../components/ProblemAlert';
import { ProblemError } from '../../components/problem';
import { Remaining } from '../../components/Remaining';
import { useServiceAreas } from '../../components/serviceAreas';
import { ToneTag } from '../../components/ToneTag';
import { useCheckedValues } from '../../components/useCheckedValues';
import {
  AttachmentsPanel, HistoryPanel, STATUS_TONE, useAttachments, type Application, type Call,
} from './shared';
import { saveFromApi } from '../../components/download';
import { useLabel } from '../../components/label';
import { Answer } from '../../components/Answer';

type Question = Schemas['FormQuestion'];
const EDITABLE = new Set(['draft', 'returned']);

/**
 * One application. The organisation drafts, co-edits, attaches, submits, withdraws and accepts its award here; a
 * district official reads it with its files and history and screens it. Which of the two is decided by who reads:
 * the organisation's own people see their side, everyone else the official side (the API already refused anyone else).
 */
export default function ApplicationPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('applications');
  const { me } = useSession();
  const app = useQuery({ queryKey: ['applications', id], queryFn: () => must(api.GET('/api/v1/applications/{id}', { params: { path: { id } } })) });
  const callId = app.data?.callId;
  const call = useQuery({
    queryKey: ['calls', callId],
    enabled: !!callId,
    queryFn: () => must(api.GET('/api/v1/calls/{id}', { params: { path: { id: callId! } } })),
  });
  if (app.error) return <ProblemAlert error={app.error} />;
  if (!app.data || !call.data) return <><ProblemAlert error={call.error} /><Spin aria-label={t('common:common.loading')} /></>;
  const own = !!me?.organisationId && me.organisationId === app.data.organisationId;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Header app={app.data} call={call.data} />
      {own ? <OrganisationSide app={app.data} call={call.data} /> : <OfficialSide app={app.data} call={call.data} />}
    </Space>
  );
}

function Header({ app, call }: { app: Application; call: Call }) {
  const { t } = useTranslation('applications');
  const label = useLabel();
  const beforeClose = ['draft', 'returned', 'submitted'].includes(app.status);
  return (
    <div>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>{app.title || t('list.untitled')}</Typography.Title>
      <Space wrap style={{ marginTop: 8 }}>
        <ToneTag tone={STATUS_TONE[app.status] ?? 'neutral'} data-testid="application-status">{label(app.statusLabel)}</ToneTag>
        {app.referenceNo && <Typography.Text type="secondary">{app.referenceNo}</Typography.Text>}
        <span>{app.organisationName}</span>
        <span>{call.title}</span>
        <span>{t('list.deadline')} <DateTime value={call.closesAt} /></span>
        {beforeClose && <Remaining until={call.closesAt} testId="remaining" />}
      </Space>
    </div>
  );
}

/** The application as submitted, read-only: core fields, the call's questions with their answers. */
function ReadOnly({ app, call }: { app: Application; call: Call }) {
  const { t } = useTranslation('applications');
  const areas = useServiceAreas();
  const screens = Grid.useBreakpoint();
  // The same read as the files panel below (one request): a file answer holds attachment ids, shown by their names.
  const files = useAttachments(app.id);
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('sections.content')}</h2>} data-testid="application-content">
      <Descriptions column={screens.md ? 2 : 1} size="small" bordered>
        <Descriptions.Item label={t('fields.summary')} span={2}>{app.summary || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('fields.requested')}><Money fen={app.requestedFen} /></Descriptions.Item>
        <Descriptions.Item label={t('fields.coFunding')}><Money fen={app.coFundingFen} /></Descriptions.Item>
        <Descriptions.Item label={t('fields.beneficiaries')} span={2}>{app.core.beneficiaries || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('fields.serviceAreas')} span={2}>{app.core.serviceAreas.map(areas.label).join('、') || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('fields.budgetLines')} span={2}>
          {app.core.budgetLines.map((b) => <div key={b.code}>{b.code} {b.name} <Money fen={b.amountFen} /></div>)}
        </Descriptions.Item>
        <Descriptions.Item label={t('fields.indicators')} span={2}>
          {app.core.indicators.map((i) => <div key={i.code}>{i.name}: {i.baseline} → {i.target} {i.unit}</div>)}
        </Descriptions.Item>
        <Descriptions.Item label={t('fields.milestones')} span={2}>
          {app.core.milestones.map((m, i) => <div key={i}>{m.dueOn} {m.name}</div>)}
        </Descriptions.Item>
        {call.form.sections.flatMap((s) => s.questions.map((q) => (
          <Descriptions.Item key={`${s.key}.${q.key}`} label={q.label} span={2}>
            <Answer q={q} value={app.answers[q.key]} files={files.data?.items ?? []} />
          </Descriptions.Item>
        )))}
      </Descriptions>
    </Card>
  );
}

// ─── the organisation's side ────────────────────────────────────────────────────────────────────────────────────

function OrganisationSide({ app, call }: { app: Application; call: Call }) {
  const { t } = useTranslation('applications');
  const { me } = useSession();
  const isAdmin = !!me?.roles.some((r) => r.role === 'org_admin');
  const editable = app.canEdit && EDITABLE.has(app.status);
  const decided = ['awarded', 'declined', 'passed'].includes(app.status);
  return (
    <>
      {!app.canEdit && EDITABLE.has(app.status) && <Alert type="info" showIcon message={t('draft.notEditor')} />}
      {editable ? <DraftForm app={app} call={call} /> : <ReadOnly app={app} call={call} />}
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('sections.files')}</h2>}>
        <AttachmentsPanel applicationId={app.id} editable={editable} />
      </Card>
      {EDITABLE.has(app.status) && <EditorsPanel app={app} canManage={isAdmin} />}
      <Actions app={app} />
      {decided && <ResultPanel app={app} canAccept={isAdmin} />}
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('sections.history')}</h2>}>
        <HistoryPanel applicationId={app.id} version={app.version} />
      </Card>
    </>
  );
}

type FormValues = {
  title?: string; summary?: string; requestedFen?: string; coFundingFen?: string; beneficiaries?: string;
  communityIds?: string[]; serviceAreas?: string[];
  budgetLines?: Array<{ code: string; name: string; amountFen: string }>;
  indicators?: Array<{ code: string; name: string; unit: string; baseline: number; target: number }>;
  milestones?: Array<{ name: string; dueOn: string }>;
  answers?: Record<string, {} | undefined>;
};

function valuesOf(app: Application): FormValues {
  return {
    title: app.title, summary: app.summary, requestedFen: app.requestedFen ?? undefined, coFundingFen: app.coFundingFen ?? undefined,
    beneficiaries: app.core.beneficiaries, communityIds: app.core.communityIds, serviceAreas: app.core.serviceAreas,
    budgetLines: app.core.budgetLines, indicators: app.core.indicators, milestones: app.core.milestones, answers: app.answers as Record<string, {} | undefined>,
  };
}

/** What the form holds, as the API takes it: empty answers are left out, not sent as blanks. */
function bodyOf(v: FormValues) {
  const answers = Object.fromEntries(Object.entries(v.answers ?? {}).filter(([, x]) => x !== undefined && x !== null && x !== '' && !(Array.isArray(x) && x.length === 0)));
  return {
    title: v.title ?? '', summary: v.summary ?? '', beneficiaries: v.beneficiaries ?? '',
    ...(v.requestedFen ? { requestedFen: v.requestedFen } : {}), ...(v.coFundingFen ? { coFundingFen: v.coFundingFen } : {}),
    communityIds: v.communityIds ?? [], serviceAreas: v.serviceAreas ?? [],
    budgetLines: (v.budgetLines ?? []).filter(Boolean), indicators: (v.indicators ?? []).filter(Boolean), milestones: (v.milestones ?? []).filter(Boolean),
    answers,
  };
}

function DraftForm({ app, call }: { app: Application; call: Call }) {
  const { t, i18n } = useTranslation('applications');
  const areas = useServiceAreas();
  const qc = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const [error, setError] = useState<unknown>(null);
  const [stale, setStale] = useState(false);
  const initial = useMemo(() => valuesOf(app), [app.id]); // eslint-disable-line react-hooks/exhaustive-deps
  const files = useAttachments(app.id);
  const fresh = (saved: Application) => qc.setQueryData(['applications', app.id], saved);

  const refused = (e: unknown) => {
    setError(e);
    if (e instanceof ProblemError) {
      if (e.problem.code === 'STALE_VERSION') setStale(true);
      // The server names the fixed fields as stored ("core.beneficiaries"); the form holds them flat.
      showFieldErrors(form, e.problem, i18n.language, (path) => (path[0] === 'core' ? path.slice(1) : path));
    }
  };
  const checked = useCheckedValues(form);
  const save = useMutation({
    mutationFn: async (v: FormValues) => {
      const current = qc.getQueryData<Application>(['applications', app.id]) ?? app;
      return must(api.PATCH('/api/v1/applications/{id}', { params: { path: { id: app.id } }, body: { ...bodyOf(v), version: current.version } }));
    },
    onMutate: () => setError(null),
    onSuccess: (saved) => { fresh(saved); void message.success(t('draft.saved')); },
    onError: (e) => { if (e instanceof ProblemError) refused(e); },
  });
  const submit = useMutation({
    mutationFn: async (v: FormValues) => {
      const current = qc.getQueryData<Application>(['applications', app.id]) ?? app;
      const saved = await must(api.PATCH('/api/v1/applications/{id}', { params: { path: { id: app.id } }, body: { ...bodyOf(v), version: current.version } }));
      fresh(saved);
      return must(api.POST('/api/v1/applications/{id}/submit', {
        params: { path: { id: app.id }, header: { 'Idempotency-Key': `submit-${app.id}-${saved.version}` } as never },
        body: { version: saved.version },
      }));
    },
    onMutate: () => setError(null),
    onSuccess: async () => {
      void message.success(t('draft.submitted'));
      await qc.invalidateQueries({ queryKey: ['applications'] });
    },
    onError: (e) => { if (e instanceof ProblemError) refused(e); },
  });
  const reload = async () => {
    const latest = await qc.fetchQuery({ queryKey: ['applications', app.id], queryFn: () => must(api.GET('/api/v1/applications/{id}', { params: { path: { id: app.id } } })) });
    form.resetFields();
    form.setFieldsValue(valuesOf(latest));
    setStale(false);
    setError(null);
  };

  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('sections.content')}</h2>} data-testid="draft-form">
      <ProblemAlert error={error} />
      {stale && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t('draft.staleHint')}
          action={<Button size="small" onClick={reload}>{t('draft.reload')}</Button>} />
      )}
      <Form form={form} layout="vertical" initialValues={initial} scrollToFirstError>
        <Form.Item name="title" label={t('fields.title')} rules={[{ max: 100, message: t('rules.max', { max: 100 }) }]}>
          <Input />
        </Form.Item>
        <Form.Item name="summary" label={t('fields.summary')} rules={[{ max: 5000, message: t('rules.max', { max: 5000 }) }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item name="requestedFen" label={t('fields.requested')} rules={moneyRules(t, { positive: true })}
            extra={<span>{t('fields.range')} <Money fen={call.minAmountFen} /> – <Money fen={call.maxAmountFen} /></span>}>
            <MoneyInput />
          </Form.Item>
          <Form.Item name="coFundingFen" label={t('fields.coFunding')} rules={moneyRules(t)}
            extra={t('fields.coFundingHint', { percent: call.coFundingPercent })}>
            <MoneyInput />
          </Form.Item>
        </Space>
        <Form.Item name="beneficiaries" label={t('fields.beneficiaries')} rules={[{ max: 2000, message: t('rules.max', { max: 2000 }) }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="communityIds" label={t('fields.communities')}>
          <CommunitySelect multiple within={call.communityIds} />
        </Form.Item>
        <Form.Item name="serviceAreas" label={t('fields.serviceAreas')}>
          <Select mode="multiple" options={areas.options} />
        </Form.Item>
        <RowsField name="budgetLines" title={t('fields.budgetLines')} add={t('rows.addBudget')} blank={{ code: '', name: '', amountFen: undefined }}
          cells={(i) => [
            { key: 'code', label: t('rows.code', { n: i + 1 }), node: <Input style={{ width: 90 }} />, rules: [{ max: 20, message: t('rules.max', { max: 20 }) }] },
            { key: 'name', label: t('rows.budgetName', { n: i + 1 }), node: <Input style={{ width: 160 }} />, rules: [{ max: 100, message: t('rules.max', { max: 100 }) }] },
            { key: 'amountFen', label: t('rows.amount', { n: i + 1 }), node: <MoneyInput />, rules: moneyRules(t) },
          ]} />
        <RowsField name="indicators" title={t('fields.indicators')} add={t('rows.addIndicator')} blank={{ code: '', name: '', unit: '', baseline: 0, target: undefined }}
          cells={(i) => [
            { key: 'code', label: t('rows.code', { n: i + 1 }), node: <Input style={{ width: 90 }} /> },
            { key: 'name', label: t('rows.indicatorName', { n: i + 1 }), node: <Input style={{ width: 140 }} /> },
            { key: 'unit', label: t('rows.unit', { n: i + 1 }), node: <Input style={{ width: 70 }} /> },
            { key: 'baseline', label: t('rows.baseline', { n: i + 1 }), node: <InputNumber style={{ width: 90 }} /> },
            { key: 'target', label: t('rows.target', { n: i + 1 }), node: <InputNumber style={{ width: 90 }} /> },
          ]} />
        <RowsField name="milestones" title={t('fields.milestones')} add={t('rows.addMilestone')} blank={{ name: '', dueOn: '' }}
          cells={(i) => [
            { key: 'name', label: t('rows.milestoneName', { n: i + 1 }), node: <Input style={{ width: 180 }} /> },
            { key: 'dueOn', label: t('rows.dueOn', { n: i + 1 }), node: <Input type="date" style={{ width: 160 }} /> },
          ]} />
        {call.form.sections.map((s) => (
          <div key={s.key} data-testid={`form-section-${s.key}`}>
            <Typography.Title level={3} style={{ fontSize: 15 }}>{s.title}</Typography.Title>
            {s.questions.map((q) => <QuestionField key={q.key} q={q} files={files.data?.items ?? []} />)}
          </div>
        ))}
        <Space wrap>
          <Button onClick={() => void checked().then((v) => v && save.mutate(v))} loading={save.isPending}>{t('draft.save')}</Button>
          <Button type="primary" onClick={() => void checked().then((v) => v && submit.mutate(v))} loading={submit.isPending}>{t('draft.submit')}</Button>
        </Space>
      </Form>
    </Card>
  );
}

interface Cell { key: string; label: string; node: ReactNode; rules?: Rule[] }

/** A table the applicant adds rows to (budget, indicators, milestones); each cell labelled with its row for screen readers. */
function RowsField({ name, title, add, blank, cells }: { name: string; title: string; add: string; blank: Record<string, unknown>; cells: (i: number) => Cell[] }) {
  const { t } = useTranslation('applications');
  return (
    <Form.Item label={title} required={false}>
      <Form.List name={name}>
        {(fields, { add: addRow, remove }) => (
          <>
            {fields.map((f, i) => (
              <Space key={f.key} wrap align="start" data-testid={`${name}-row`}>
                {cells(i).map((c) => (
                  <Form.Item key={c.key} name={[f.name, c.key]} rules={c.rules} style={{ marginBottom: 8 }}>
                    {withLabel(c.node, c.label)}
                  </Form.Item>
                ))}
                <Button type="text" icon={<MinusCircleOutlined />} aria-label={t('rows.remove', { n: i + 1 })} onClick={() => remove(f.name)} />
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => addRow({ ...blank })}>{add}</Button>
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}

function withLabel(node: ReactNode, label: string): ReactNode {
  return isValidElement(node) ? cloneElement(node as ReactElement<Record<string, unknown>>, { 'aria-label': label, placeholder: label }) : node;
}

/** One question of the call's form, by its type (the form builder's types). Client rules mirror the server's. */
function QuestionField({ q, files }: { q: Question; files: Array<{ id: string; filename: string }> }) {
  const { t } = useTranslation('applications');
  const name = ['answers', q.key];
  const label = q.label;
  const req = q.required ? { required: true } : {};
  switch (q.type) {
    case 'text':
    case 'long_text': {
      const max = q.maxLength ?? (q.type === 'text' ? 200 : 5000);
      return (
        <Form.Item name={name} label={label} {...req} rules={[{ max, message: t('rules.max', { max }) }]}>
          {q.type === 'text' ? <Input /> : <Input.TextArea rows={3} />}
        </Form.Item>
      );
    }
    case 'number':
      return (
        <Form.Item name={name} label={label} {...req} rules={[{ type: 'number', min: q.min, max: q.max, message: t('rules.range', { min: q.min ?? '—', max: q.max ?? '—' }) }]}>
          <InputNumber style={{ width: 200 }} />
        </Form.Item>
      );
    case 'money':
      return <Form.Item name={name} label={label} {...req} rules={moneyRules(t)}><MoneyInput /></Form.Item>;
    case 'date':
      return <Form.Item name={name} label={label} {...req}><Input type="date" style={{ width: 200 }} /></Form.Item>;
    case 'choice':
      return (
        <Form.Item name={name} label={label} {...req}>
          <ChoiceSelect mode={q.multiple ? 'multiple' : undefined} allowClear options={(q.options ?? []).map((o) => ({ value: o, label: o }))} />
        </Form.Item>
      );
    case 'file':
      return (
        <Form.Item name={name} label={label} {...req} extra={t('fields.fileHint')}>
          <Select allowClear options={files.map((f) => ({ value: f.id, label: f.filename }))} />
        </Form.Item>
      );
    case 'budget_table':
      return (
        <Form.Item label={label} {...req}>
          <Form.List name={name}>
            {(fields, { add, remove }) => (
              <>
                {fields.map((f, i) => (
                  <Space key={f.key} wrap>
                    <Form.Item name={[f.name, 'name']} style={{ marginBottom: 8 }}><Input aria-label={t('rows.budgetName', { n: i + 1 })} placeholder={t('rows.budgetName', { n: i + 1 })} /></Form.Item>
                    <Form.Item name={[f.name, 'amountFen']} rules={moneyRules(t)} style={{ marginBottom: 8 }}><MoneyInput aria-label={t('rows.amount', { n: i + 1 })} /></Form.Item>
                    <Button type="text" icon={<MinusCircleOutlined />} aria-label={t('rows.remove', { n: i + 1 })} onClick={() => remove(f.name)} />
                  </Space>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '' })}>{t('rows.addBudget')}</Button>
              </>
            )}
          </Form.List>
        </Form.Item>
      );
    case 'indicator_table':
      return (
        <Form.Item label={label} {...req}>
          <Form.List name={name}>
            {(fields, { add, remove }) => (
              <>
                {fields.map((f, i) => (
                  <Space key={f.key} wrap>
                    <Form.Item name={[f.name, 'name']} style={{ marginBottom: 8 }}><Input aria-label={t('rows.indicatorName', { n: i + 1 })} placeholder={t('rows.indicatorName', { n: i + 1 })} /></Form.Item>
                    <Form.Item name={[f.name, 'target']} style={{ marginBottom: 8 }}><InputNumber aria-label={t('rows.target', { n: i + 1 })} placeholder={t('rows.target', { n: i + 1 })} /></Form.Item>
                    <Button type="text" icon={<MinusCircleOutlined />} aria-label={t('rows.remove', { n: i + 1 })} onClick={() => remove(f.name)} />
                  </Space>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '' })}>{t('rows.addIndicator')}</Button>
              </>
            )}
          </Form.List>
        </Form.Item>
      );
    default:
      return null;
  }
}

/**
 * A required question's choices. Form.Item gives its child `aria-required`, and antd's Select puts it on its outer
 * <div>, where the attribute is not allowed (axe: critical); the required mark on the label still says it.
 */
function ChoiceSelect({ 'aria-required': _required, ...props }: SelectProps<string | string[]> & { 'aria-required'?: unknown }) {
  return <Select {...props} />;
}

/** Co-editors: the organisation admin invites colleagues to edit the draft and removes them. */
function EditorsPanel({ app, canManage }: { app: Application; canManage: boolean }) {
  const { t } = useTranslation('applications');
  const qc = useQueryClient();
  const [pick, setPick] = useState<string>();
  // Colleagues are searched on the server as the person types (an organisation may have more than one page of
  // people); the wait after the last keystroke keeps typing a name to one request.
  const { query: colleagues, selectProps, forget } = useServerSearch(['organisations', app.organisationId, 'members'],
    (q) => must(api.GET('/api/v1/organisations/{id}/members', { params: { path: { id: app.organisationId }, query: { q, limit: MATCHES } } })),
    { enabled: canManage });
  const refresh = () => qc.invalidateQueries({ queryKey: ['applications', app.id] });
  const add = useMutation({
    mutationFn: (membershipId: string) => must(api.POST('/api/v1/applications/{id}/editors', { params: { path: { id: app.id } }, body: { membershipId } })),
    onSuccess: () => { setPick(undefined); return refresh(); },
  });
  const remove = useMutation({
    mutationFn: (membershipId: string) => must(api.DELETE('/api/v1/applications/{id}/editors/{membershipId}', { params: { path: { id: app.id, membershipId } } })),
    onSuccess: refresh,
  });
  const already = new Set(app.editors.map((e) => e.membershipId));
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('editors.title')}</h2>} data-testid="editors">
      <ProblemAlert error={colleagues.error ?? add.error ?? remove.error} />
      <List
        size="small"
        dataSource={app.editors}
        locale={{ emptyText: t('editors.none') }}
        renderItem={(e) => (
          <List.Item actions={canManage ? [
            // No space put between the two characters: the visible "移除" must stay part of the button's name (axe).
            <Button key="rm" size="small" autoInsertSpace={false} onClick={() => remove.mutate(e.membershipId)} aria-label={`${t('editors.remove')}: ${e.name}`}>{t('editors.remove')}</Button>,
          ] : []}>{e.name}</List.Item>
        )}
      />
      {canManage && (
        <Space wrap style={{ marginTop: 8 }}>
          <Select aria-label={t('editors.choose')} placeholder={t('editors.choose')} style={{ minWidth: 200 }} value={pick}
            onChange={(v: string) => { setPick(v); forget(); }}
            {...selectProps}
            notFoundContent={colleagues.isFetching ? t('common:common.loading') : t('editors.noMatch')}
            options={(colleagues.data?.items ?? []).filter((m) => !already.has(m.id)).map((m) => ({ value: m.id, label: m.name }))} />
          <Button disabled={!pick} loading={add.isPending} onClick={() => pick && add.mutate(pick)}>{t('editors.add')}</Button>
        </Space>
      )}
    </Card>
  );
}

/** Withdraw (before the close); the server judges the time. */
function Actions({ app }: { app: Application }) {
  const { t } = useTranslation('applications');
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const withdraw = useMutation({
    mutationFn: () => must(api.POST('/api/v1/applications/{id}/withdraw', { params: { path: { id: app.id } }, body: { version: app.version, ...(reason ? { reason } : {}) } })),
    onSuccess: async () => { setOpen(false); await qc.invalidateQueries({ queryKey: ['applications'] }); },
  });
  if (!['draft', 'submitted', 'returned'].includes(app.status)) return null;
  return (
    <>
      <ProblemAlert error={withdraw.error} />
      <Space><Button onClick={() => setOpen(true)}>{t('withdraw.button')}</Button></Space>
      <Modal open={open} title={t('withdraw.title')} okText={t('withdraw.confirm')} cancelText={t('withdraw.cancel')} okButtonProps={{ danger: true, loading: withdraw.isPending }}
        onOk={() => withdraw.mutate()} onCancel={() => setOpen(false)}>
        <ProblemAlert error={withdraw.error} />
        <label htmlFor="withdraw-reason">{t('withdraw.reason')}</label>
        <Input.TextArea id="withdraw-reason" rows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Modal>
    </>
  );
}

/** The result once the call is awarded, and the award's acceptance when this application won one. */
function ResultPanel({ app, canAccept }: { app: Application; canAccept: boolean }) {
  const { t } = useTranslation('applications');
  const result = useQuery({
    queryKey: ['applications', app.id, 'result', app.version],
    retry: false,
    queryFn: () => must(api.GET('/api/v1/applications/{id}/result', { params: { path: { id: app.id } } })),
  });
  // Before the award the server says the result is not available yet: that is the answer, not a failure.
  if (result.error instanceof ProblemError && result.error.problem.code === 'RESULT_NOT_AVAILABLE') {
    return <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('result.title')}</h2>}><Typography.Text>{t('result.notYet')}</Typography.Text></Card>;
  }
  const award = result.data?.award ?? null;
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('result.title')}</h2>} data-testid="result">
      <ProblemAlert error={result.error} />
      {result.data && (
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t('result.score')}>{result.data.score ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('result.rank')}>{result.data.rank ? `${result.data.rank} / ${result.data.ranked}` : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('result.reviews')}>{result.data.reviewCount}</Descriptions.Item>
        </Descriptions>
      )}
      {award && <AwardPanel awardId={award.id} canAccept={canAccept} />}
    </Card>
  );
}

function AwardPanel({ awardId, canAccept }: { awardId: string; canAccept: boolean }) {
  const { t } = useTranslation('applications');
  const qc = useQueryClient();
  const [pdfError, setPdfError] = useState<unknown>(null);
  const award = useQuery({
    queryKey: ['awards', awardId],
    queryFn: () => must(api.GET('/api/v1/awards/{id}', { params: { path: { id: awardId } } })),
    // Accepted: the project is made by a worker shortly after; look again until it is there.
    refetchInterval: (q) => (q.state.data?.projectPending ? 2000 : false),
  });
  const accept = useMutation({
    mutationFn: () => must(api.POST('/api/v1/awards/{id}/agreement/accept', { params: { path: { id: awardId } }, body: {} })),
    onSuccess: (a) => qc.setQueryData(['awards', awardId], a),
  });
  const a = award.data;
  return (
    <div data-testid="award" style={{ marginTop: 16 }}>
      <Typography.Title level={3} style={{ fontSize: 15 }}>{t('award.title')}</Typography.Title>
      <ProblemAlert error={award.error ?? accept.error ?? pdfError} />
      {a && (
        <Space direction="vertical">
          <Space wrap>
            <span>{a.referenceNo}</span>
            <span>{t('award.amount')} <Money fen={a.amountFen} /></span>
            <ToneTag tone={a.status === 'accepted' ? 'good' : 'info'} data-testid="award-status">{t(`award.status.${a.status === 'accepted' ? 'accepted' : 'offered'}`)}</ToneTag>
          </Space>
          <Space wrap>
            <Button onClick={() => { setPdfError(null); saveFromApi(api.GET('/api/v1/awards/{id}/agreement.pdf', { params: { path: { id: awardId } }, parseAs: 'blob' }), `${a.referenceNo}.pdf`).catch(setPdfError); }}>
              {t('award.pdf')}
            </Button>
            {a.status !== 'accepted' && canAccept && (
              <Button type="primary" loading={accept.isPending} onClick={() => accept.mutate()}>{t('award.accept')}</Button>
            )}
          </Space>
          {a.status === 'accepted' && (
            <Typography.Text>
              {t('award.acceptedAt')} <DateTime value={a.acceptedAt} />
              {a.project && <> · <Link to={`/projects/${a.project.id}`}>{t('award.project')}</Link></>}
              {a.projectPending && <> · {t('award.projectPending')}</>}
            </Typography.Text>
          )}
        </Space>
      )}
    </div>
  );
}

// ─── an official's side ─────────────────────────────────────────────────────────────────────────────────────────

function OfficialSide({ app, call }: { app: Application; call: Call }) {
  const { t } = useTranslation('applications');
  const { me } = useSession();
  const screener = !!me?.roles.some((r) => r.role === 'district_admin' || r.role === 'programme_officer');
  return (
    <>
      {screener && app.status === 'submitted' && <ScreeningPanel app={app} />}
      {app.screeningReason && (
        <Alert type="info" showIcon message={<>{t('screening.reason')}: {app.screeningReason} {app.screenedAt && <DateTime value={app.screenedAt} />}</>} />
      )}
      <ReadOnly app={app} call={call} />
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('sections.files')}</h2>}>
        <AttachmentsPanel applicationId={app.id} editable={false} />
      </Card>
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('sections.history')}</h2>}>
        <HistoryPanel applicationId={app.id} version={app.version} />
      </Card>
    </>
  );
}

function ScreeningPanel({ app }: { app: Application }) {
  const { t } = useTranslation('applications');
  const label = useLabel();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ decision: 'pass' | 'return' | 'reject'; reason: string }>();
  const checks = useQuery({
    queryKey: ['applications', app.id, 'checks'],
    queryFn: () => must(api.GET('/api/v1/applications/{id}/screening/checks', { params: { path: { id: app.id } } })),
  });
  const screen = useMutation({
    mutationFn: (v: { decision: 'pass' | 'return' | 'reject'; reason: string }) =>
      must(api.POST('/api/v1/applications/{id}/screening', { params: { path: { id: app.id } }, body: { ...v, version: app.version } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['applications'] }),
  });
  const c = checks.data;
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('screening.title')}</h2>} data-testid="screening">
      <ProblemAlert error={checks.error ?? screen.error} />
      {c && (
        <Space direction="vertical" style={{ marginBottom: 16 }}>
          <Space wrap>
            <ToneTag tone={c.eligible ? 'good' : 'bad'}>{c.eligible ? t('screening.eligible') : t('screening.notEligible')}</ToneTag>
            <ToneTag tone={c.submittedBeforeClose ? 'good' : 'bad'}>{c.submittedBeforeClose ? t('screening.onTime') : t('screening.late')}</ToneTag>
            <ToneTag tone={c.snapshotPresent ? 'good' : 'bad'}>{c.snapshotPresent ? t('screening.snapshot') : t('screening.noSnapshot')}</ToneTag>
          </Space>
          {c.reasons.length > 0 && (
            <ul>{c.reasons.map((r, i) => <li key={i}>{label(r as { zh: string; en: string })}</li>)}</ul>
          )}
        </Space>
      )}
      {!c && !checks.error && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common:common.loading')} />}
      <Form form={form} layout="vertical" onFinish={(v) => screen.mutate(v)}>
        <Form.Item name="decision" label={t('screening.decision')} rules={[{ required: true, message: t('screening.decisionRequired') }]}>
          <DecisionRadios />
        </Form.Item>
        <Form.Item name="reason" label={t('screening.reasonLabel')}
          rules={[{ required: true, message: t('screening.reasonRequired') }, { min: 2, max: 1000, message: t('screening.reasonLength') }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={screen.isPending}>{t('screening.submit')}</Button>
      </Form>
    </Card>
  );
}


/**
 * The form puts id, aria-required and aria-invalid on its field; on a bare Radio.Group those land on a plain div,
 * which may not carry them. Here they land on an element that is a radiogroup.
 */
function DecisionRadios({ value, onChange, ...aria }: { value?: string; onChange?: (v: string) => void; id?: string }) {
  const { t } = useTranslation('applications');
  return (
    <div role="radiogroup" aria-label={t('screening.decision')} {...aria}>
      <Radio.Group value={value} onChange={(e) => onChange?.(e.target.value as string)}>
        <Radio value="pass">{t('screening.pass')}</Radio>
        <Radio value="return">{t('screening.return')}</Radio>
        <Radio value="reject">{t('screening.reject')}</Radio>
      </Radio.Group>
    </div>
  );
}
