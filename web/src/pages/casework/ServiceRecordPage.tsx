import { Alert, Button, Card, Descriptions, Form, Input, InputNumber, Radio, Result, Select, Space, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, must, type Schemas } from '../../api/client';
import { TIME_ZONE } from '../../components/DateTime';
import { ProblemAlert, showFieldErrors } from '../../components/ProblemAlert';
import { ProblemError, asProblem } from '../../components/problem';
import { chosen } from '../../components/rules';
import { MATCHES, useServerSearch } from '../../components/useServerSearch';
import { useSession } from '../../app/session';

type Saved = Schemas['CasesFollowUpResponse'];
type Mode = Schemas['ServiceRecordDto']['mode'];
const MODES: Mode[] = ['face_to_face', 'home_visit', 'phone', 'online'];
/** Cases a service may be recorded on (the server's OPEN_STATUSES: accepted, not closed). */
const RECORDABLE = ['assessment', 'assessment_review', 'planning', 'plan_review', 'intervention', 'evaluation', 'closure_review'];
const QUICK_MINUTES = [30, 60, 90];

interface Values {
  caseId?: string;
  serviceDate?: string;
  startTime?: string;
  durationMinutes?: number | null;
  mode?: Mode;
  place?: string;
  content?: string;
  response?: string;
  nextStep?: string;
  /** `labelInValue`: the draft keeps the project's title, so a restored draft shows it without searching again. */
  project?: { value: string; label: string } | null;
  indicatorId?: string | null;
}

/** The form as typed and the Idempotency-Key it will be sent with; `pending`: a send failed for want of a network. */
interface Draft { key: string; values: Values; pending?: boolean }

const todayInBeijing = () => dayjs().tz(TIME_ZONE).format('YYYY-MM-DD');

function newKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The draft lives in sessionStorage, never localStorage: it holds personal notes, and a shared phone must not keep
 * them once the tab is closed. One draft per membership, so someone else signing in on the same tab does not get it.
 */
const storage = {
  read(name: string): Draft | null {
    try {
      const d = JSON.parse(sessionStorage.getItem(name) ?? 'null') as Draft | null;
      return d && typeof d.key === 'string' && d.values && typeof d.values === 'object' ? d : null;
    } catch {
      return null;
    }
  },
  write(name: string, d: Draft) {
    try {
      sessionStorage.setItem(name, JSON.stringify(d));
    } catch {
      /* storage full or blocked: the form still works, only without a draft */
    }
  },
  clear(name: string) {
    try {
      sessionStorage.removeItem(name);
    } catch {
      /* nothing kept */
    }
  },
};

const blank = (text: string | undefined) => (text?.trim() ? text : undefined);

function toBody(v: Values): Schemas['ServiceRecordDto'] {
  return {
    serviceDate: v.serviceDate ?? '', startTime: blank(v.startTime), durationMinutes: v.durationMinutes ?? 0, mode: v.mode as Mode,
    place: blank(v.place), content: v.content ?? '', response: blank(v.response), nextStep: blank(v.nextStep),
    projectId: v.project?.value || undefined, indicatorId: v.project?.value ? v.indicatorId || undefined : undefined,
  };
}

/**
 * 记录服务: a service record entered on a phone in under a minute. The form is kept as a draft in sessionStorage as it
 * is typed, with the Idempotency-Key made when the draft was started; a send that fails for want of a network waits
 * for the `online` event and goes again with the same key, so the server writes the record once however often it is
 * sent. A refusal is shown in the server's words and the draft stays for correction.
 */
export default function ServiceRecordPage() {
  const { t, i18n } = useTranslation('casework', { keyPrefix: 'record' });
  const { me } = useSession();
  const [params] = useSearchParams();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const storageName = `sanshe.casework.recordDraft.${me?.membershipId ?? 'anyone'}`;

  const fresh = useCallback((): Draft => ({
    key: newKey(), values: { serviceDate: todayInBeijing(), caseId: params.get('caseId') ?? undefined },
  }), [params]);
  const [initial] = useState(() => {
    const kept = storage.read(storageName);
    // Opened from a case (?caseId=): a kept draft without a case takes it.
    if (kept && !kept.values.caseId && params.get('caseId')) kept.values.caseId = params.get('caseId')!;
    return { draft: kept ?? fresh(), restored: !!kept };
  });
  const draft = useRef<Draft>(initial.draft);
  // What the form starts from: the kept draft, or a fresh one (a new key) after a save or a discard.
  const [start, setStart] = useState(initial);
  useEffect(() => {
    if (start !== initial) form.resetFields();
  }, [start, initial, form]);
  const [phase, setPhase] = useState<'editing' | 'sending' | 'waiting' | 'done'>('editing');
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<Saved | null>(null);
  const sending = useRef(false);

  const keep = useCallback((d: Draft) => {
    draft.current = d;
    storage.write(storageName, d);
  }, [storageName]);

  const send = useCallback(async () => {
    if (sending.current) return;
    sending.current = true;
    const d = draft.current;
    setPhase('sending');
    setError(null);
    try {
      const { data, error: refusal, response } = await api.POST('/api/v1/casework/cases/{id}/service-records', {
        params: { path: { id: d.values.caseId ?? '' }, header: { 'Idempotency-Key': d.key } }, body: toBody(d.values),
      });
      if (!response.ok) throw new ProblemError(asProblem(refusal, response.status));
      storage.clear(storageName);
      setSaved(data as Saved);
      setPhase('done');
      void qc.invalidateQueries({ queryKey: ['casework'] });
    } catch (e) {
      if (e instanceof ProblemError) {
        // Refused: nothing was written and the key was not spent; the draft stays for correction.
        keep({ ...d, pending: false });
        setError(e);
        showFieldErrors(form, e.problem, i18n.language);
        setPhase('editing');
      } else {
        // fetch's TypeError (no network, or the connection dropped): keep it and send again when the network is back.
        keep({ ...d, pending: true });
        setPhase('waiting');
      }
    } finally {
      sending.current = false;
    }
  }, [form, i18n.language, keep, qc, storageName]);

  // Waiting for the network: the `online` event sends again with the same key. If the browser thinks it is online
  // already (the server was unreachable, not the network), it tries again now and then by itself.
  useEffect(() => {
    if (phase !== 'waiting') return;
    const again = () => void send();
    window.addEventListener('online', again);
    const timer = navigator.onLine ? setTimeout(again, 15_000) : undefined;
    return () => {
      window.removeEventListener('online', again);
      clearTimeout(timer);
    };
  }, [phase, send]);

  // A draft whose send was waiting for the network when the page was reloaded: send it (or wait on).
  const resumed = useRef(false);
  useEffect(() => {
    if (resumed.current || !initial.draft.pending) return;
    resumed.current = true;
    if (navigator.onLine) void send();
    else setPhase('waiting');
  }, [initial, send]);

  // A new draft (after a record was saved, or the old one discarded): a new key, kept once something is typed.
  const another = () => {
    const d = fresh();
    draft.current = d;
    storage.clear(storageName);
    setStart({ draft: d, restored: false });
    setSaved(null);
    setError(null);
    setPhase('editing');
  };

  if (phase === 'done' && saved) return <Done saved={saved} onAnother={another} />;

  return (
    <Space direction="vertical" style={{ width: '100%', maxWidth: 640 }} size="middle">
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>{t('title')}</Typography.Title>
      {start.restored && phase === 'editing' && <Alert type="info" showIcon message={t('restored')} data-testid="draft-restored" />}
      {phase === 'waiting' && <Alert type="warning" showIcon role="status" message={t('offline')} data-testid="draft-offline" />}
      <ProblemAlert error={error} />
      <Card styles={{ body: { padding: 16 } }}>
        <Form
          form={form}
          layout="vertical"
          size="large"
          initialValues={start.draft.values}
          disabled={phase === 'sending' || phase === 'waiting'}
          onValuesChange={() => keep({ key: draft.current.key, values: form.getFieldsValue(true) as Values })}
          onFinish={() => {
            keep({ key: draft.current.key, values: form.getFieldsValue(true) as Values });
            void send();
          }}
        >
          <CaseField />
          <div style={{ display: 'flex', gap: 12 }}>
            <Form.Item name="serviceDate" label={t('date')} rules={[{ required: true, message: t('required') }]} style={{ flex: 1, minWidth: 0 }}>
              <Input type="date" max={todayInBeijing()} />
            </Form.Item>
            <Form.Item name="startTime" label={t('startTime')} style={{ flex: 1, minWidth: 0 }}>
              <Input type="time" />
            </Form.Item>
          </div>
          <Form.Item name="durationMinutes" label={t('duration')} rules={[{ required: true, message: t('required') }]}>
            <DurationInput />
          </Form.Item>
          <Form.Item name="mode" label={t('mode')} rules={[chosen(t('required'))]}>
            <Radio.Group optionType="button" buttonStyle="solid" style={{ display: 'flex', flexWrap: 'wrap' }}
              options={MODES.map((m) => ({ value: m, label: t(`modes.${m}`), style: { flex: '1 0 auto', textAlign: 'center' } }))} />
          </Form.Item>
          <Form.Item name="place" label={t('place')}><Input maxLength={200} autoComplete="off" /></Form.Item>
          <Form.Item name="content" label={t('content')} rules={[{ required: true, message: t('required') }]}>
            <Input.TextArea rows={3} maxLength={4000} />
          </Form.Item>
          <Form.Item name="response" label={t('response')}><Input.TextArea rows={2} maxLength={4000} /></Form.Item>
          <Form.Item name="nextStep" label={t('nextStep')}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
          <ProjectFields />
          <Space direction="vertical" style={{ width: '100%' }}>
            <Button type="primary" htmlType="submit" block loading={phase === 'sending'}>{phase === 'sending' ? t('sending') : t('submit')}</Button>
            <Button block onClick={another} disabled={phase === 'sending'}>{t('discard')}</Button>
          </Space>
        </Form>
      </Card>
    </Space>
  );
}

/** The worker's own cases that take service records, from their caseload. */
function CaseField() {
  const { t } = useTranslation('casework', { keyPrefix: 'record' });
  const mine = useQuery({ queryKey: ['casework', 'caseload', 'mine'], queryFn: () => must(api.GET('/api/v1/casework/caseload/mine')) });
  const { i18n } = useTranslation();
  const en = i18n.language.startsWith('en');
  const options = (mine.data?.items ?? []).filter((c) => RECORDABLE.includes(c.status)).map((c) => ({
    value: c.id, label: `${c.beneficiary.name} · ${c.caseNo} · ${en ? c.statusLabel.en : c.statusLabel.zh}`,
  }));
  return (
    <>
      <ProblemAlert error={mine.error} />
      <Form.Item name="caseId" label={t('case')} rules={[chosen(t('required'))]}>
        <Select options={options} loading={mine.isPending} placeholder={t('casePlaceholder')} notFoundContent={t('noCases')}
          showSearch optionFilterProp="label" />
      </Form.Item>
    </>
  );
}

/** 30 / 60 / 90 minutes with one tap, or any number typed. */
function DurationInput({ id, value, onChange }: { id?: string; value?: number | null; onChange?: (v: number | null) => void }) {
  const { t } = useTranslation('casework', { keyPrefix: 'record' });
  return (
    <Space wrap>
      {QUICK_MINUTES.map((n) => (
        <Button key={n} type={value === n ? 'primary' : 'default'} aria-pressed={value === n}
          onClick={() => onChange?.(n)} style={{ minWidth: 64 }}>{t('minutes', { n })}</Button>
      ))}
      <InputNumber id={id} min={1} max={1440} precision={0} value={value} onChange={(v) => onChange?.(v)} style={{ width: 100 }} inputMode="numeric" />
    </Space>
  );
}

/**
 * The optional link to a funded project and its indicator: the projects the API lists for this worker are their own
 * organisation's (the only ones a record may be linked to), searched by title as they type; a closed one is not offered.
 */
function ProjectFields() {
  const { t } = useTranslation('casework', { keyPrefix: 'record' });
  const form = Form.useFormInstance<Values>();
  const project = Form.useWatch('project', form) as Values['project'];
  const { query: projects, selectProps, forget } = useServerSearch(['casework', 'linkable-projects'],
    (q) => must(api.GET('/api/v1/projects', { params: { query: { q, limit: MATCHES } } })));
  const options = (projects.data?.items ?? []).filter((p) => p.status !== 'closed').map((p) => ({ value: p.id, label: p.title }));
  if (project && !options.some((o) => o.value === project.value)) options.push(project);
  const detail = useQuery({
    enabled: !!project?.value,
    queryKey: ['projects', 'detail', project?.value],
    queryFn: () => must(api.GET('/api/v1/projects/{id}', { params: { path: { id: project!.value } } })),
  });
  return (
    <fieldset style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
      <legend style={{ fontSize: 14, marginBottom: 8 }}>{t('link')}</legend>
      <ProblemAlert error={projects.error ?? detail.error} />
      <Form.Item name="project" label={t('project')}>
        <Select labelInValue allowClear options={options} placeholder={t('projectPlaceholder')} {...selectProps}
          onChange={(v) => { forget(); form.setFieldsValue({ project: v ?? null, indicatorId: null }); }} />
      </Form.Item>
      {project?.value && (
        <Form.Item name="indicatorId" label={t('indicator')}>
          <Select allowClear loading={detail.isPending} placeholder={t('indicatorPlaceholder')}
            options={(detail.data?.plan.indicators ?? []).map((i) => ({ value: i.id, label: i.name }))} />
        </Form.Item>
      )}
    </fieldset>
  );
}

function Done({ saved, onAnother }: { saved: Saved; onAnother: () => void }) {
  const { t } = useTranslation('casework', { keyPrefix: 'record' });
  return (
    <Card data-testid="record-saved">
      <Result status="success" title={t('saved')} style={{ padding: '16px 0' }}
        subTitle={t('summary', { date: saved.serviceDate, mode: t(`modes.${saved.mode}`), minutes: saved.durationMinutes })}
        extra={(
          <Space direction="vertical" style={{ width: '100%', maxWidth: 360 }}>
            <Link to={`/casework/cases/${saved.caseId}`} style={{ display: 'inline-block', padding: '10px 0', fontSize: 16 }}>{t('openCase')}</Link>
            <Button size="large" block onClick={onAnother}>{t('another')}</Button>
          </Space>
        )} />
      <Descriptions column={1} size="small" bordered items={[
        { key: 'date', label: t('date'), children: saved.startTime ? `${saved.serviceDate} ${saved.startTime}` : saved.serviceDate },
        { key: 'duration', label: t('duration'), children: saved.durationMinutes },
        { key: 'mode', label: t('mode'), children: t(`modes.${saved.mode}`) },
        ...(saved.place ? [{ key: 'place', label: t('place'), children: saved.place }] : []),
        { key: 'content', label: t('content'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{saved.content}</span> },
        ...(saved.response ? [{ key: 'response', label: t('response'), children: saved.response }] : []),
        ...(saved.nextStep ? [{ key: 'nextStep', label: t('nextStep'), children: saved.nextStep }] : []),
      ]} />
    </Card>
  );
}
