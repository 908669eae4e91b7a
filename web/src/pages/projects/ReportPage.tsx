import { useEffect, useState } from 'react';
import { App, Button, Card, Descriptions, Form, Input, InputNumber, List, Space, Spin, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, must, tokens, type Schemas } from '../../api/client';
import { DateTime } from '../../components/DateTime';
import { Money } from '../../components/Money';
import { MoneyInput, moneyRules } from '../../components/MoneyInput';
import { ProblemAlert, showFieldErrors } from '../../components/ProblemAlert';
import { ProblemError, asProblem } from '../../components/problem';
import { useCheckedValues } from '../../components/useCheckedValues';
import { EmptyText, StatusTag } from './shared';
import { Remaining, endOfBeijingDay } from '../../components/Remaining';
import { useRoles } from '../../app/session';
import { saveFromApi } from '../../components/download';
import { h2 } from '../../components/headings';

type Report = Schemas['ProjectReportResponse'];
interface ReportForm {
  narrative: string;
  indicators: Record<string, number | null | undefined>;
  spending: Record<string, string | undefined>;
}

/** A project report: the organisation fills it in and submits it; the programme officer approves or returns it. */
export default function ReportPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation('projects');
  const { has } = useRoles();
  const qc = useQueryClient();
  const report = useQuery({ queryKey: ['projects', 'report', id], queryFn: () => must(api.GET('/api/v1/project-reports/{id}', { params: { path: { id } } })) });
  const projectId = report.data?.projectId;
  const project = useQuery({
    enabled: !!projectId,
    queryKey: ['projects', 'detail', projectId],
    queryFn: () => must(api.GET('/api/v1/projects/{id}', { params: { path: { id: projectId! } } })),
  });
  const r = report.data;
  const p = project.data;
  const refresh = (next?: Report) => {
    if (next) qc.setQueryData(['projects', 'report', id], next);
    void qc.invalidateQueries({ queryKey: ['projects'] });
  };
  if (report.error) return <ProblemAlert error={report.error} />;
  if (!r || !p) return <Spin aria-label={t('common.loading')} />;
  const en = i18n.language === 'en';
  const editable = has('org_admin', 'org_staff') && (r.status === 'due' || r.status === 'returned') && p.status !== 'closed';
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>{en ? r.kindLabel.en : r.kindLabel.zh} · {p.title}</Typography.Title>
      <Card>
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('field.project')}><Link to={`/projects/${p.id}`}>{p.referenceNo}</Link></Descriptions.Item>
          <Descriptions.Item label={t('field.status')}><span data-testid="report-status"><StatusTag status={r.status} /></span></Descriptions.Item>
          <Descriptions.Item label={t('report.period')}>{r.periodStart} – {r.periodEnd}</Descriptions.Item>
          <Descriptions.Item label={t('report.dueOn')}>
            <Space wrap><DateTime value={r.dueOn} withTime={false} />{(r.status === 'due' || r.status === 'returned') && <Remaining until={endOfBeijingDay(r.dueOn)} />}</Space>
          </Descriptions.Item>
          {r.submittedAt && <Descriptions.Item label={t('report.submittedAt')}><DateTime value={r.submittedAt} /></Descriptions.Item>}
          {r.reviewComment && <Descriptions.Item label={t('report.reviewComment')}><span data-testid="review-comment">{r.reviewComment}</span></Descriptions.Item>}
        </Descriptions>
      </Card>
      {editable ? <ReportEditor report={r} project={p} onSaved={refresh} /> : <ReportView report={r} project={p} />}
      {has('programme_officer') && r.status === 'submitted' && <ReviewCard report={r} onDone={refresh} />}
    </Space>
  );
}

function ReportView({ report, project }: { report: Report; project: Schemas['ProjectResponse'] }) {
  const { t } = useTranslation('projects');
  const values = new Map(report.indicatorValues.map((v) => [v.indicatorId, v.value]));
  return (
    <Card title={h2(t('report.content'))}>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{report.narrative || '—'}</Typography.Paragraph>
      <Descriptions size="small" column={1} title={t('plan.indicators')}>
        {project.plan.indicators.map((i) => (
          <Descriptions.Item key={i.id} label={i.name}>{t('plan.againstTarget', { value: values.has(i.id) ? `${values.get(i.id)} ${i.unit}` : '—', target: i.target })}</Descriptions.Item>
        ))}
      </Descriptions>
      <Descriptions size="small" column={1} title={t('report.spending')}>
        {report.spending.map((s) => <Descriptions.Item key={s.budgetLineId} label={s.name}><Money fen={s.amountFen} /></Descriptions.Item>)}
      </Descriptions>
      <Receipts report={report} />
    </Card>
  );
}

function Receipts({ report, canUpload, onUploaded }: { report: Report; canUpload?: boolean; onUploaded?: () => void }) {
  const { t, i18n } = useTranslation('projects');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // Multipart upload: openapi-fetch does not build FormData bodies, so this one call uses fetch with the same token.
  const upload = async (file: File) => {
    setBusy(true);
    setError(null);
    try {
      const body = new FormData();
      body.append('ownerType', 'project_report');
      body.append('ownerId', report.id);
      body.append('kind', 'receipt');
      body.append('file', file);
      const res = await fetch('/api/v1/attachments', {
        method: 'POST', body, credentials: 'same-origin',
        headers: { Authorization: `Bearer ${tokens.get() ?? ''}`, 'Accept-Language': i18n.language },
      });
      if (!res.ok) throw new ProblemError(asProblem(await res.json().catch(() => null), res.status));
      onUploaded?.();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div data-testid="receipts">
      <Typography.Title level={3} style={{ fontSize: 14 }}>{t('report.receipts')}</Typography.Title>
      <ProblemAlert error={error} />
      <List
        size="small"
        dataSource={report.receipts}
        locale={{ emptyText: <EmptyText>{t('report.noReceipts')}</EmptyText> }}
        renderItem={(a) => (
          <List.Item>
            <Button type="link" style={{ padding: 0, height: 'auto' }} aria-label={t('report.downloadReceipt', { name: a.filename })}
              onClick={() => { setError(null); saveFromApi(api.GET('/api/v1/attachments/{id}/content', { params: { path: { id: a.id } }, parseAs: 'blob' }), a.filename).catch(setError); }}>
              {a.filename}
            </Button>
          </List.Item>
        )}
      />
      {canUpload && (
        <Upload
          showUploadList={false}
          accept=".pdf,.jpg,.jpeg,.png"
          beforeUpload={(file) => { void upload(file); return false; }}
        >
          <Button icon={<UploadOutlined />} loading={busy}>{t('report.uploadReceipt')}</Button>
        </Upload>
      )}
    </div>
  );
}

function ReportEditor({ report, project, onSaved }: { report: Report; project: Schemas['ProjectResponse']; onSaved: (r?: Report) => void }) {
  const { t, i18n } = useTranslation('projects');
  const { message } = App.useApp();
  const [form] = Form.useForm<ReportForm>();
  const checked = useCheckedValues(form);
  const initial: ReportForm = {
    narrative: report.narrative,
    indicators: Object.fromEntries(report.indicatorValues.map((v) => [v.indicatorId, v.value])),
    spending: Object.fromEntries(report.spending.map((s) => [s.budgetLineId, s.amountFen])),
  };
  useEffect(() => form.setFieldsValue(initial), [report.version]); // eslint-disable-line react-hooks/exhaustive-deps
  const body = (v: ReportForm, version: number) => ({
    version,
    narrative: v.narrative ?? '',
    indicatorValues: Object.entries(v.indicators ?? {}).filter(([, x]) => x !== null && x !== undefined).map(([indicatorId, value]) => ({ indicatorId, value: value as number })),
    spending: Object.entries(v.spending ?? {}).filter(([, x]) => !!x).map(([budgetLineId, amountFen]) => ({ budgetLineId, amountFen: amountFen! })),
  });
  // Field errors come back as e.g. "spending[0].amountFen"; the form's own names differ, so the message above the
  // form always shows too (ProblemAlert) and whatever matches a field lands on it.
  const onError = (e: unknown) => { if (e instanceof ProblemError) showFieldErrors(form, e.problem, i18n.language); };
  const save = useMutation({
    mutationFn: (v: ReportForm) => must(api.PATCH('/api/v1/project-reports/{id}', { params: { path: { id: report.id } }, body: body(v, report.version) })),
    onSuccess: (r) => { void message.success(t('report.saved')); onSaved(r); },
    onError,
  });
  const submit = useMutation({
    mutationFn: async (v: ReportForm) => {
      const saved = await must(api.PATCH('/api/v1/project-reports/{id}', { params: { path: { id: report.id } }, body: body(v, report.version) }));
      onSaved(saved);
      return must(api.POST('/api/v1/project-reports/{id}/submit', { params: { path: { id: report.id } }, body: { version: saved.version } }));
    },
    onSuccess: (r) => { void message.success(t('report.submitted')); onSaved(r); },
    onError,
  });
  const busy = save.isPending || submit.isPending;
  return (
    <Card title={h2(t('report.fill'))} data-testid="report-form">
      <ProblemAlert error={submit.error ?? save.error} details={{ except: ['narrative'] }} />
      <Form form={form} layout="vertical" initialValues={initial} style={{ maxWidth: 640 }} scrollToFirstError onFinish={(v) => submit.mutate(v)}>
        <Form.Item name="narrative" label={t('report.narrative')}><Input.TextArea rows={4} /></Form.Item>
        <Typography.Title level={3} style={{ fontSize: 14 }}>{t('plan.indicators')}</Typography.Title>
        {project.plan.indicators.map((i) => (
          <Form.Item key={i.id} name={['indicators', i.id]} label={t('plan.withTarget', { name: i.name, target: i.target, unit: i.unit })}>
            <InputNumber min={0} style={{ width: '100%' }} addonAfter={i.unit} />
          </Form.Item>
        ))}
        <Typography.Title level={3} style={{ fontSize: 14 }}>{t('report.spending')}</Typography.Title>
        {project.plan.budgetLines.map((l) => (
          <Form.Item key={l.id} name={['spending', l.id]} label={l.name} rules={moneyRules(t)}>
            <MoneyInput />
          </Form.Item>
        ))}
        <Receipts report={report} canUpload onUploaded={() => onSaved()} />
        <Space wrap style={{ marginTop: 16 }}>
          <Button disabled={busy} loading={save.isPending} onClick={() => void checked().then((v) => v && save.mutate(v))}>{t('action.save')}</Button>
          <Button type="primary" htmlType="submit" disabled={busy} loading={submit.isPending}>{t('action.submitReport')}</Button>
        </Space>
      </Form>
    </Card>
  );
}

function ReviewCard({ report, onDone }: { report: Report; onDone: (r?: Report) => void }) {
  const { t } = useTranslation('projects');
  const [comment, setComment] = useState('');
  const review = useMutation({
    mutationFn: (action: 'approve' | 'return') => {
      const init = { params: { path: { id: report.id } }, body: { version: report.version, comment: comment.trim() || undefined } };
      return must(action === 'approve' ? api.POST('/api/v1/project-reports/{id}/approve', init) : api.POST('/api/v1/project-reports/{id}/return', init));
    },
    onSuccess: (r) => { setComment(''); onDone(r); },
  });
  return (
    <Card title={h2(t('report.review'))} data-testid="report-review">
      <ProblemAlert error={review.error} />
      <Space direction="vertical" style={{ width: '100%', maxWidth: 640 }}>
        <label htmlFor="review-comment">{t('report.reviewComment')}</label>
        <Input.TextArea id="review-comment" rows={3} value={comment} onChange={(e) => setComment(e.target.value)} />
        <Space wrap>
          <Button type="primary" loading={review.isPending} onClick={() => review.mutate('approve')}>{t('action.approve')}</Button>
          <Button danger loading={review.isPending} onClick={() => review.mutate('return')}>{t('action.return')}</Button>
        </Space>
      </Space>
    </Card>
  );
}
