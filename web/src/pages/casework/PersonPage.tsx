import { useState, type HTMLAttributes, type ReactNode } from 'react';
import { Alert, App, Button, Card, Checkbox, Descriptions, Form, Grid, Input, List, Modal, Radio, Space, Spin, Table, Typography } from 'antd';
import type { GetProps } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { api, must, type Schemas } from '../../api/client';
import { DateTime, TIME_ZONE } from '../../components/DateTime';
import { ProblemAlert, showFieldErrors } from '../../components/ProblemAlert';
import { ProblemError } from '../../components/problem';
import { ToneTag } from '../../components/ToneTag';
import { useLabel } from '../../components/label';
import { EmptyText } from './shared';
import { RefusalPage, refusalOf } from '../errors/NotFoundPage';
import { h2 } from '../../components/headings';

type Person = Schemas['BeneficiaryResponse'];
type Consent = Schemas['BeneficiariesRecordConsentResponse'];
type CaseRow = Schemas['CaseSummary'];
type Field = Schemas['RevealDto']['field'];
type Purpose = Schemas['RecordConsentDto']['purpose'];
type Source = Schemas['OpenCaseDto']['source'];

const PURPOSES: Purpose[] = ['service', 'funder_aggregate', 'referral'];
const SOURCES: Source[] = ['self', 'referral', 'outreach'];
/** What a referral consent may let be shared (the server's SHAREABLE_FIELDS); a referral consent must list some. */
type Shareable = NonNullable<Schemas['RecordConsentDto']['scope']>[number];
const SHAREABLE: Shareable[] = ['name', 'gender', 'age', 'phone', 'id_number', 'address', 'community', 'vulnerability_tags', 'presenting_problem', 'assessment_summary'];
const todayInBeijing = () => dayjs().tz(TIME_ZONE).format('YYYY-MM-DD');
/**
 * Choice groups under a required Form.Item: Form.Item gives its child `aria-required`, which antd puts on the group's
 * <div>, where the attribute is not allowed (axe: critical); the required mark on the label still says it.
 */
function RadioChoices({ 'aria-required': _required, ...props }: GetProps<typeof Radio.Group> & { 'aria-required'?: unknown }) {
  return <Radio.Group {...props} />;
}
function CheckChoices({ 'aria-required': _required, ...props }: GetProps<typeof Checkbox.Group> & { 'aria-required'?: unknown }) {
  return <Checkbox.Group {...props} />;
}
const personKey = (id: string) => ['casework', 'beneficiaries', 'one', id];

/** 服务对象: one person, masked; a reveal asks for the reason (logged by the server); consents; their cases. */
export default function PersonPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('casework');
  const [params] = useSearchParams();
  const person = useQuery({
    queryKey: personKey(id),
    queryFn: () => must(api.GET('/api/v1/casework/beneficiaries/{id}', { params: { path: { id } } })),
  });
  const p = person.data;
  const refused = refusalOf(person.error);
  if (refused) return <RefusalPage problem={refused} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Link to="/casework/people">{t('people.back')}</Link>
      <ProblemAlert error={person.error} />
      {!p && !person.error && <Spin aria-label={t('people.loading')} />}
      {p && (
        <>
          <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }} data-testid="person-name">{p.name}</Typography.Title>
          {params.get('existing') && <Alert type="info" showIcon role="status" message={t('people.register.existing')} data-testid="already-registered" />}
          <IdentityCard p={p} />
          <ConsentsCard p={p} />
          <CasesCard p={p} />
        </>
      )}
    </Space>
  );
}

/** Masked identity: each hidden field has a 查看 that asks the reason; the clear value lives only in this component. */
function IdentityCard({ p }: { p: Person }) {
  const { t } = useTranslation('casework');
  const label = useLabel();
  const [clear, setClear] = useState<Partial<Record<Field, string>>>({});
  const [asking, setAsking] = useState<Field | null>(null);
  const value = (field: Field, masked: ReactNode, present = true) => (
    <Space wrap size={[8, 0]} data-testid={`field-${field}`}>
      {clear[field] !== undefined ? <strong data-testid="clear-value">{clear[field]}</strong> : <span>{present ? masked : '—'}</span>}
      {present && clear[field] === undefined && <Button size="small" autoInsertSpace={false} onClick={() => setAsking(field)} aria-label={t('people.reveal.buttonFor', { field: t(`people.revealField.${field}`) })}>{t('people.reveal.button')}</Button>}
    </Space>
  );
  const items = [
    { key: 'gender', label: t('people.field.gender'), children: p.gender ? t(`people.gender.${p.gender}`, { defaultValue: p.gender }) : '—' },
    { key: 'age', label: t('people.field.age'), children: p.birthYear ? t('people.ageValue', { age: p.age, year: p.birthYear }) : '—' },
    { key: 'idNumber', label: t('people.field.idNumber'), children: value('id_number', p.idNumber, !!p.idNumber) },
    { key: 'phone', label: t('people.field.phone'), children: value('phone', p.phone, !!p.phone) },
    { key: 'address', label: t('people.field.address'), children: value('address', t('people.recorded'), p.hasAddress) },
    { key: 'guardian', label: t('people.field.guardian'), children: value('guardian', p.guardian, !!p.guardian) },
    { key: 'community', label: t('people.field.community'), children: p.community?.name ?? '—' },
    { key: 'tags', label: t('people.field.tags'), children: p.vulnerabilityTags.length ? <Space wrap>{p.vulnerabilityTags.map((g) => <ToneTag key={g.code} tone="neutral">{label(g.label)}</ToneTag>)}</Space> : '—' },
  ];
  return (
    <Card title={h2(t('people.identity'))} data-testid="identity">
      <Descriptions column={{ xs: 1, md: 2 }} size="small" items={items} />
      {asking && <RevealModal personId={p.id} field={asking} onClose={() => setAsking(null)} onShown={(v) => setClear((c) => ({ ...c, [asking]: v }))} />}
    </Card>
  );
}

function RevealModal({ personId, field, onClose, onShown }: { personId: string; field: Field; onClose: () => void; onShown: (value: string) => void }) {
  const { t, i18n } = useTranslation('casework');
  const [form] = Form.useForm<{ reason: string }>();
  const reveal = useMutation({
    mutationFn: (v: { reason: string }) => must(api.POST('/api/v1/casework/beneficiaries/{id}/reveal', { params: { path: { id: personId } }, body: { field, reason: v.reason.trim() } })),
    onSuccess: (r) => { onShown(r.value); onClose(); },
    onError: (err) => { if (err instanceof ProblemError) showFieldErrors(form, err.problem, i18n.language); },
  });
  return (
    <Modal open title={t('people.reveal.title', { field: t(`people.revealField.${field}`) })} okText={t('people.reveal.confirm')} cancelText={t('people.cancel')}
      okButtonProps={{ loading: reveal.isPending }} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('people.reveal.hint')}</Typography.Paragraph>
      <ProblemAlert error={reveal.error} />
      <Form form={form} layout="vertical" onFinish={(v) => reveal.mutate(v)} preserve={false}>
        <Form.Item name="reason" label={t('people.reveal.reason')}
          rules={[{ required: true, whitespace: true, message: t('people.reveal.reasonRequired') }, { min: 4, message: t('people.reveal.reasonShort') }]}>
          <Input.TextArea rows={2} maxLength={200} placeholder={t('people.reveal.reasonPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 知情同意: every consent of this person, one per purpose at a time; record one, or withdraw an active one with a reason. */
function ConsentsCard({ p }: { p: Person }) {
  const { t } = useTranslation('casework');
  const screens = Grid.useBreakpoint();
  const [recording, setRecording] = useState(false);
  const [withdrawing, setWithdrawing] = useState<Consent | null>(null);
  const consents = useQuery({
    queryKey: ['casework', 'beneficiaries', 'consents', p.id],
    queryFn: () => must(api.GET('/api/v1/casework/beneficiaries/{id}/consents', { params: { path: { id: p.id } } })),
  });
  const items = consents.data?.items ?? [];
  const giver = (c: Consent) => t(`people.consent.givenByKind.${c.givenBy}`, { defaultValue: c.givenBy });
  const state = (c: Consent) => (c.active
    ? <ToneTag tone="good">{t('people.consent.active')}</ToneTag>
    : <Space direction="vertical" size={0}><ToneTag tone="neutral">{t(`people.consent.ended.${c.endKind ?? 'withdrawn'}`, { defaultValue: c.endKind ?? '' })}</ToneTag>
      {c.endReason && <Typography.Text type="secondary">{c.endReason}</Typography.Text>}</Space>);
  const action = (c: Consent) => c.active && <Button size="small" autoInsertSpace={false} onClick={() => setWithdrawing(c)} aria-label={t('people.consent.withdrawFor', { purpose: t(`people.consent.purpose.${c.purpose}`) })}>{t('people.consent.withdraw')}</Button>;
  return (
    <Card title={h2(t('people.consent.title'))} data-testid="consents"
      extra={!recording && <Button onClick={() => setRecording(true)}>{t('people.consent.record')}</Button>}>
      <ProblemAlert error={consents.error} />
      {recording && <RecordConsent p={p} onClose={() => setRecording(false)} />}
      {screens.md ? (
        <Table<Consent>
          rowKey="id" size="small" pagination={false} loading={consents.isLoading} dataSource={items}
          locale={{ emptyText: <EmptyText>{t('people.consent.empty')}</EmptyText> }}
          onRow={(c) => ({ 'data-testid': 'consent-row', 'data-purpose': c.purpose, 'data-active': String(c.active) } as HTMLAttributes<HTMLElement>)}
          columns={[
            { title: t('people.consent.purposeLabel'), key: 'purpose', render: (_, c) => t(`people.consent.purpose.${c.purpose}`, { defaultValue: c.purpose }) },
            { title: t('people.consent.formVersion'), dataIndex: 'formVersion' },
            { title: t('people.consent.givenOn'), dataIndex: 'givenOn' },
            { title: t('people.consent.givenBy'), key: 'by', render: (_, c) => giver(c) },
            { title: t('people.consent.state'), key: 'state', render: (_, c) => state(c) },
            { title: t('people.consent.actions'), key: 'act', render: (_, c) => action(c) },
          ]}
        />
      ) : (
        <List
          loading={consents.isLoading} dataSource={items}
          locale={{ emptyText: <EmptyText>{t('people.consent.empty')}</EmptyText> }}
          renderItem={(c) => (
            <List.Item data-testid="consent-row" data-purpose={c.purpose} data-active={String(c.active)}>
              <Space direction="vertical" size={2} style={{ width: '100%' }}>
                <Space wrap><strong>{t(`people.consent.purpose.${c.purpose}`, { defaultValue: c.purpose })}</strong>{state(c)}</Space>
                <span>{t('people.consent.summary', { version: c.formVersion, date: c.givenOn, by: giver(c) })}</span>
                {action(c)}
              </Space>
            </List.Item>
          )}
        />
      )}
      {withdrawing && <WithdrawModal consent={withdrawing} onClose={() => setWithdrawing(null)} />}
    </Card>
  );
}

interface ConsentForm { purpose: Purpose; formVersion: string; givenOn: string; givenBy: 'self' | 'guardian'; giverName?: string; scope?: Shareable[] }

function RecordConsent({ p, onClose }: { p: Person; onClose: () => void }) {
  const { t, i18n } = useTranslation('casework');
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<ConsentForm>();
  const givenBy = Form.useWatch('givenBy', form);
  const purpose = Form.useWatch('purpose', form);
  const record = useMutation({
    mutationFn: (v: ConsentForm) => must(api.POST('/api/v1/casework/beneficiaries/{id}/consents', {
      params: { path: { id: p.id } },
      body: { purpose: v.purpose, formVersion: v.formVersion.trim(), givenOn: v.givenOn, givenBy: v.givenBy, giverName: v.givenBy === 'guardian' ? v.giverName?.trim() || undefined : undefined,
        scope: v.purpose === 'referral' ? v.scope ?? [] : undefined },
    })),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['casework', 'beneficiaries'] });
      void message.success(t('people.consent.recorded'));
      onClose();
    },
    onError: (err) => { if (err instanceof ProblemError) showFieldErrors(form, err.problem, i18n.language); },
  });
  return (
    <Card size="small" type="inner" title={t('people.consent.record')} style={{ marginBottom: 16 }} data-testid="record-consent">
      <ProblemAlert error={record.error} />
      <Form form={form} layout="vertical" initialValues={{ purpose: 'service', givenOn: todayInBeijing(), givenBy: 'self' }} onFinish={(v) => record.mutate(v)}>
        <Form.Item name="purpose" label={t('people.consent.purposeLabel')} rules={[{ required: true }]}>
          <RadioChoices style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }} options={PURPOSES.map((x) => ({ value: x, label: t(`people.consent.purpose.${x}`) }))} />
        </Form.Item>
        {purpose === 'referral' && (
          <Form.Item name="scope" label={t('people.consent.scope')} rules={[{ required: true, type: 'array', min: 1, message: t('people.consent.scopeRequired') }]}>
            <CheckChoices style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }} options={SHAREABLE.map((f) => ({ value: f, label: t(`people.consent.shareable.${f}`) }))} />
          </Form.Item>
        )}
        <Space wrap align="start">
          <Form.Item name="formVersion" label={t('people.consent.formVersion')} rules={[{ required: true, whitespace: true, message: t('people.consent.versionRequired') }]}>
            <Input maxLength={30} placeholder={t('people.consent.versionPlaceholder')} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="givenOn" label={t('people.consent.givenOn')} rules={[{ required: true, message: t('people.consent.dateRequired') }]}>
            <Input type="date" max={todayInBeijing()} style={{ width: 160 }} />
          </Form.Item>
        </Space>
        <Form.Item name="givenBy" label={t('people.consent.givenBy')} rules={[{ required: true }]}>
          <RadioChoices options={(['self', 'guardian'] as const).map((x) => ({ value: x, label: t(`people.consent.givenByKind.${x}`) }))} />
        </Form.Item>
        {givenBy === 'guardian' && (
          <Form.Item name="giverName" label={t('people.consent.giverName')}>
            <Input maxLength={50} />
          </Form.Item>
        )}
        <Space wrap>
          <Button type="primary" htmlType="submit" loading={record.isPending}>{t('people.consent.save')}</Button>
          <Button onClick={onClose}>{t('people.cancel')}</Button>
        </Space>
      </Form>
    </Card>
  );
}

function WithdrawModal({ consent, onClose }: { consent: Consent; onClose: () => void }) {
  const { t, i18n } = useTranslation('casework');
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const withdraw = useMutation({
    mutationFn: (v: { reason: string }) => must(api.POST('/api/v1/casework/consents/{id}/withdraw', { params: { path: { id: consent.id } }, body: { reason: v.reason.trim() } })),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['casework', 'beneficiaries'] });
      void message.success(t('people.consent.withdrawn'));
      onClose();
    },
    onError: (err) => { if (err instanceof ProblemError) showFieldErrors(form, err.problem, i18n.language); },
  });
  return (
    <Modal open title={t('people.consent.withdrawTitle', { purpose: t(`people.consent.purpose.${consent.purpose}`) })} okText={t('people.consent.confirmWithdraw')}
      cancelText={t('people.cancel')} okButtonProps={{ loading: withdraw.isPending }} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <ProblemAlert error={withdraw.error} />
      <Form form={form} layout="vertical" onFinish={(v) => withdraw.mutate(v)} preserve={false}>
        <Form.Item name="reason" label={t('people.consent.withdrawReason')}
          rules={[{ required: true, whitespace: true, message: t('people.consent.withdrawReasonRequired') }, { min: 2, message: t('people.consent.withdrawReasonRequired') }]}>
          <Input.TextArea rows={2} maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 个案: this person's cases in this organisation, and 开案 (a second open case is refused with a link to the first). */
function CasesCard({ p }: { p: Person }) {
  const { t, i18n } = useTranslation('casework');
  const label = useLabel();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [opening, setOpening] = useState(false);
  const [form] = Form.useForm<{ source: Source; presentingProblem: string }>();
  const cases = useQuery({
    queryKey: ['casework', 'cases', 'of', p.id],
    queryFn: () => must(api.GET('/api/v1/casework/cases', { params: { query: { beneficiaryId: p.id, limit: 50 } } })),
  });
  const open = useMutation({
    mutationFn: (v: { source: Source; presentingProblem: string }) => must(api.POST('/api/v1/casework/cases', { body: { beneficiaryId: p.id, source: v.source, presentingProblem: v.presentingProblem.trim() } })),
    onSuccess: (c) => {
      void qc.invalidateQueries({ queryKey: ['casework'] });
      navigate(`/casework/cases/${c.id}`);
    },
    onError: (err) => { if (err instanceof ProblemError) showFieldErrors(form, err.problem, i18n.language); },
  });
  const problem = open.error instanceof ProblemError ? open.error.problem : null;
  const openCaseId = problem?.code === 'CASE_ALREADY_OPEN' && typeof problem.detail?.caseId === 'string' ? problem.detail.caseId : null;
  const rows: CaseRow[] = cases.data?.items ?? [];
  return (
    <Card title={h2(t('people.cases.title'))} data-testid="person-cases"
      extra={!opening && <Button type="primary" onClick={() => { open.reset(); setOpening(true); }}>{t('people.cases.open')}</Button>}>
      <ProblemAlert error={cases.error} />
      {opening && (
        <Card size="small" type="inner" title={t('people.cases.open')} style={{ marginBottom: 16 }} data-testid="open-case">
          <ProblemAlert error={open.error} />
          {openCaseId && <p><Link to={`/casework/cases/${openCaseId}`} data-testid="open-case-link">{t('people.cases.goToOpen')}</Link></p>}
          <Form form={form} layout="vertical" initialValues={{ source: 'self' }} onFinish={(v) => open.mutate(v)}>
            <Form.Item name="source" label={t('people.cases.source')} rules={[{ required: true }]}>
              <RadioChoices style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }} options={SOURCES.map((s) => ({ value: s, label: t(`case.sourceKind.${s}`) }))} />
            </Form.Item>
            <Form.Item name="presentingProblem" label={t('people.cases.presentingProblem')}
              rules={[{ required: true, whitespace: true, message: t('people.cases.problemRequired') }, { min: 2, message: t('people.cases.problemRequired') }]}>
              <Input.TextArea rows={3} maxLength={4000} />
            </Form.Item>
            <Space wrap>
              <Button type="primary" htmlType="submit" loading={open.isPending}>{t('people.cases.submit')}</Button>
              <Button onClick={() => setOpening(false)}>{t('people.cancel')}</Button>
            </Space>
          </Form>
        </Card>
      )}
      <List<CaseRow>
        loading={cases.isLoading}
        dataSource={rows}
        locale={{ emptyText: <EmptyText>{t('people.cases.empty')}</EmptyText> }}
        renderItem={(c) => (
          <List.Item data-testid="person-case">
            <Space wrap>
              <Link to={`/casework/cases/${c.id}`} style={{ display: 'inline-block', minHeight: 24, lineHeight: '24px' }}>{c.caseNo}</Link>
              <ToneTag tone={c.status === 'closed' ? 'neutral' : 'info'}>{label(c.statusLabel)}</ToneTag>
              <Typography.Text type="secondary">{c.worker.name} · <DateTime value={c.createdAt} withTime={false} /></Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
