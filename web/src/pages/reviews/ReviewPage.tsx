import { useMemo, useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Form, Input, InputNumber, List, Modal, Row, Space, Spin, Tag, Typography, message } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { api, must, type Schemas } from '../../api/client';
import { DateTime } from '../../components/DateTime';
import { Money } from '../../components/Money';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ProblemError } from '../../components/problem';
import { Remaining } from '../../components/Remaining';
import { ToneTag } from '../../components/ToneTag';
import { useCheckedValues } from '../../components/useCheckedValues';
import { ASSIGNMENT_TONE } from './ReviewsListPage';
import { saveFromApi } from '../../components/download';
import { Answer } from '../../components/Answer';

type Assignment = Schemas['AssignmentResponse'];
type Values = { scores: Record<string, number | null>; comment?: string };

/**
 * One assignment: the application and its files beside the rubric (stacked on a phone). On a blind call the API
 * leaves out the applicant's name and the files that name it; the page shows only what it is given.
 */
export default function ReviewPage() {
  const { assignmentId = '' } = useParams();
  const { t } = useTranslation('reviews');
  const q = useQuery({
    queryKey: ['reviews', 'assignments', assignmentId],
    queryFn: () => must(api.GET('/api/v1/reviews/assignments/{id}', { params: { path: { id: assignmentId } } })),
  });
  if (q.error) return <ProblemAlert error={q.error} />;
  if (!q.data) return <Spin aria-label={t('common:common.loading')} />;
  const a = q.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <div>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>{a.application.title}</Typography.Title>
        <Space wrap style={{ marginTop: 8 }}>
          <Typography.Text type="secondary">{a.application.referenceNo}</Typography.Text>
          <ToneTag tone={ASSIGNMENT_TONE[a.status] ?? 'neutral'} data-testid="assignment-status">{t(`status.${a.status}`)}</ToneTag>
          {a.call.blindReview && <Tag color="purple" data-testid="blind">{t('review.blind')}</Tag>}
          <span>{a.call.title}</span>
          <span>{t('list.due')} <DateTime value={a.call.reviewBy} /></span>
          {a.status === 'assigned' && <Remaining until={a.call.reviewBy} />}
        </Space>
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={13}><ApplicationView a={a} /></Col>
        <Col xs={24} lg={11}><ScoreCard a={a} /></Col>
      </Row>
    </Space>
  );
}

function ApplicationView({ a }: { a: Assignment }) {
  const { t, i18n } = useTranslation('reviews');
  const app = a.application;
  const name = app.organisationName;
  const [fileError, setFileError] = useState<unknown>(null);
  const files = app.attachments;
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('review.application')}</h2>} data-testid="review-application">
      <Descriptions column={1} size="small" bordered>
        {name && <Descriptions.Item label={t('review.organisation')}>{name}</Descriptions.Item>}
        <Descriptions.Item label={t('review.summary')}>{app.summary}</Descriptions.Item>
        <Descriptions.Item label={t('review.requested')}><Money fen={app.requestedFen} /></Descriptions.Item>
        <Descriptions.Item label={t('review.coFunding')}><Money fen={app.coFundingFen} /></Descriptions.Item>
        <Descriptions.Item label={t('review.beneficiaries')}>{app.core.beneficiaries}</Descriptions.Item>
        <Descriptions.Item label={t('review.budget')}>
          {app.core.budgetLines.map((b) => <div key={b.code}>{b.name} <Money fen={b.amountFen} /></div>)}
        </Descriptions.Item>
        <Descriptions.Item label={t('review.indicators')}>
          {app.core.indicators.map((x) => <div key={x.code}>{x.name}: {x.baseline} → {x.target} {x.unit}</div>)}
        </Descriptions.Item>
        {app.form.sections.flatMap((s) => s.questions.map((q) => (
          <Descriptions.Item key={`${s.key}.${q.key}`} label={q.label}>
            <Answer q={q} value={app.answers[q.key]} files={files} />
          </Descriptions.Item>
        )))}
      </Descriptions>
      <Typography.Title level={3} style={{ fontSize: 15, marginTop: 16 }}>{t('review.files')}</Typography.Title>
      <ProblemAlert error={fileError} />
      <List
        size="small"
        dataSource={files}
        // antd's empty-list grey fails AA contrast; the sentence is information here, so it is set in body text.
        locale={{ emptyText: <Typography.Text>{t('review.noFiles')}</Typography.Text> }}
        renderItem={(f) => (
          <List.Item data-testid="review-file" actions={[
            <Button key="open" size="small" type="link" aria-label={`${t('review.download')}: ${f.filename}`}
              onClick={() => { setFileError(null); saveFromApi(api.GET('/api/v1/attachments/{id}/content', { params: { path: { id: f.id } }, parseAs: 'blob' }), f.filename).catch(setFileError); }}>
              {t('review.download')}
            </Button>,
          ]}>
            {f.filename} {f.kindLabel && <Tag>{i18n.language === 'en' ? f.kindLabel.en : f.kindLabel.zh}</Tag>}
          </List.Item>
        )}
      />
    </Card>
  );
}

function ScoreCard({ a }: { a: Assignment }) {
  const { t, i18n } = useTranslation('reviews');
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const checked = useCheckedValues(form);
  const { criteria, scoreMin, scoreMax } = a.call.rubric;
  const key = ['reviews', 'assignments', a.id];
  const initial = useMemo<Values>(() => ({
    scores: Object.fromEntries(criteria.map((c) => [c.code, (a.scores.find((s) => s.code === c.code)?.score ?? null)])),
    comment: a.comment ?? '',
  }), [a.id]); // eslint-disable-line react-hooks/exhaustive-deps
  const [error, setError] = useState<unknown>(null);
  const [conflictOpen, setConflictOpen] = useState(false);
  const [conflictReason, setConflictReason] = useState('');
  const done = a.status !== 'assigned';

  const body = (v: Values, version: number) => ({
    version,
    ...(v.comment ? { comment: v.comment } : {}),
    scores: criteria.filter((c) => v.scores[c.code] !== null && v.scores[c.code] !== undefined).map((c) => ({ code: c.code, score: v.scores[c.code] as number })),
  });
  const onRefused = (e: unknown) => {
    setError(e);
    if (!(e instanceof ProblemError)) return;
    // The server names a score by its position in what was sent: map it back to the criterion's field.
    const sent = criteria.filter((c) => form.getFieldValue(['scores', c.code]) !== null && form.getFieldValue(['scores', c.code]) !== undefined);
    form.setFields((e.problem.errors ?? []).flatMap((fe) => {
      const m = /^scores\[(\d+)\]\.score$/.exec(fe.field) ?? /^scores\.([A-Za-z0-9_-]+)$/.exec(fe.field);
      if (!m) return [];
      const code = /^\d+$/.test(m[1]) ? sent[Number(m[1])]?.code : m[1];
      return code ? [{ name: ['scores', code], errors: [i18n.language.startsWith('en') ? fe.en : fe.zh] }] : [];
    }));
  };
  const save = useMutation({
    mutationFn: async (v: Values) => {
      const current = qc.getQueryData<Assignment>(key) ?? a;
      return must(api.PUT('/api/v1/reviews/assignments/{id}/scores', { params: { path: { id: a.id } }, body: body(v, current.version) }));
    },
    onMutate: () => setError(null),
    onSuccess: (saved) => { qc.setQueryData(key, saved); void message.success(t('review.saved')); },
    onError: onRefused,
  });
  const submit = useMutation({
    mutationFn: async (v: Values) => {
      const current = qc.getQueryData<Assignment>(key) ?? a;
      // A page left open elsewhere may still offer this after the review went in: the server refuses, and says so here.
      const saved = await must(api.PUT('/api/v1/reviews/assignments/{id}/scores', { params: { path: { id: a.id } }, body: body(v, current.version) }));
      qc.setQueryData(key, saved);
      return must(api.POST('/api/v1/reviews/assignments/{id}/submit', { params: { path: { id: a.id } }, body: { version: saved.version } }));
    },
    onMutate: () => setError(null),
    onSuccess: (submitted) => { qc.setQueryData(key, submitted); void qc.invalidateQueries({ queryKey: ['reviews', 'assignments'], exact: true }); void message.success(t('review.submitted')); },
    onError: onRefused,
  });
  const conflict = useMutation({
    mutationFn: () => must(api.POST('/api/v1/reviews/assignments/{id}/conflict', { params: { path: { id: a.id } }, body: { reason: conflictReason } })),
    onSuccess: async () => { setConflictOpen(false); await qc.invalidateQueries({ queryKey: ['reviews'] }); navigate('/reviews'); },
  });

  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('review.rubric')}</h2>} data-testid="score-card">
      <ProblemAlert error={error} />
      {done && <Alert type="info" showIcon style={{ marginBottom: 16 }} message={a.status === 'submitted' ? <>{t('review.alreadySubmitted')} <DateTime value={a.submittedAt} /></> : t('status.conflict')} />}
      <Typography.Paragraph type="secondary">{t('review.range', { min: scoreMin, max: scoreMax })}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={initial} disabled={a.status === 'conflict'}>
        {criteria.map((c) => (
          <Form.Item key={c.code} name={['scores', c.code]} label={`${c.name}（${t('review.weight', { weight: c.weight })}）`} extra={c.description}
            validateTrigger={['onChange', 'onBlur']}
            rules={[{
              validator: async (_r, v: number | null | undefined) => {
                if (v === null || v === undefined) return;
                if (v < scoreMin || v > scoreMax || Math.round(v * 10) !== v * 10) throw new Error(t('review.outOfRange', { min: scoreMin, max: scoreMax }));
              },
            }]}>
            {/* Not clamped: a typed 12 stays 12 and is flagged, rather than silently becoming the maximum. */}
            <InputNumber step={0.5} style={{ width: 140 }} />
          </Form.Item>
        ))}
        <Form.Item name="comment" label={t('review.comment')} rules={[{ max: 5000, message: t('review.commentTooLong') }]}>
          <Input.TextArea rows={4} />
        </Form.Item>
        {a.weightedTotal != null && <Typography.Paragraph>{t('review.total')}: <span data-testid="weighted-total">{a.weightedTotal}</span></Typography.Paragraph>}
        <Space wrap>
          <Button onClick={() => void checked().then((v) => v && save.mutate(v))} loading={save.isPending} disabled={done}>{t('review.save')}</Button>
          <Button type="primary" onClick={() => void checked().then((v) => v && submit.mutate(v))} loading={submit.isPending} disabled={done}>{t('review.submit')}</Button>
          <Button onClick={() => setConflictOpen(true)} disabled={done}>{t('review.declareConflict')}</Button>
        </Space>
      </Form>
      <Modal open={conflictOpen} title={t('review.conflictTitle')} okText={t('review.conflictConfirm')} cancelText={t('review.cancel')}
        okButtonProps={{ danger: true, loading: conflict.isPending }} onOk={() => conflict.mutate()} onCancel={() => setConflictOpen(false)}>
        <Typography.Paragraph>{t('review.conflictHint')}</Typography.Paragraph>
        <ProblemAlert error={conflict.error} />
        <label htmlFor="conflict-reason">{t('review.conflictReason')}</label>
        <Input.TextArea id="conflict-reason" rows={3} maxLength={500} value={conflictReason} onChange={(e) => setConflictReason(e.target.value)} />
      </Modal>
    </Card>
  );
}
