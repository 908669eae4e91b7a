import { App, Button, Card, Form, Input, InputNumber, List, Radio, Space, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, must, type Schemas } from '../../api/client';
import { DateTime } from '../../components/DateTime';
import { ProblemAlert, showFieldErrors } from '../../components/ProblemAlert';
import { ProblemError } from '../../components/problem';
import { Pager, useCursorPages } from '../../components/Pager';
import { ToneTag } from '../../components/ToneTag';
import { EmptyText, StatusTag } from '../projects/shared';
import { useRoles } from '../../app/session';
import { chosen } from '../../components/rules';
import { h2 } from '../../components/headings';

type EvaluationForm = Schemas['RecordEvaluationDto'];

/** 评估: an evaluator's assigned projects (the server lists only those) and the evaluation form for the chosen one. */
export default function EvaluationsPage() {
  const { t } = useTranslation('evaluations');
  const [params, setParams] = useSearchParams();
  const chosen = params.get('project');
  const pages = useCursorPages('evaluations');
  const projects = useQuery({
    queryKey: ['projects', 'list', 'evaluations', pages.cursor],
    queryFn: () => must(api.GET('/api/v1/projects', { params: { query: { limit: 20, cursor: pages.cursor, status: 'active' } } })),
    placeholderData: (prev) => prev,
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>{t('title')}</Typography.Title>
      <Card title={h2(t('assigned'))}>
        <ProblemAlert error={projects.error} />
        <List
          loading={projects.isFetching}
          dataSource={projects.data?.items ?? []}
          locale={{ emptyText: <EmptyText>{t('none')}</EmptyText> }}
          renderItem={(p) => (
            <List.Item
              data-testid="evaluation-project"
              actions={[<Button key="e" type={p.id === chosen ? 'primary' : 'default'} onClick={() => setParams({ project: p.id })} aria-label={`${t('evaluate')}: ${p.title}`} autoInsertSpace={false}>{t('evaluate')}</Button>]}
            >
              <Space direction="vertical" size={0}>
                <Link to={`/projects/${p.id}`}>{p.title}</Link>
                <Space wrap><StatusTag status={p.status} /><Typography.Text type="secondary">{p.referenceNo} · {p.organisation.name}</Typography.Text></Space>
              </Space>
            </List.Item>
          )}
        />
        <Pager label={t('assigned')} pages={pages} total={projects.data?.total} nextCursor={projects.data?.nextCursor} />
      </Card>
      {chosen && <ProjectEvaluations projectId={chosen} />}
    </Space>
  );
}

function ProjectEvaluations({ projectId }: { projectId: string }) {
  const { t, i18n } = useTranslation('evaluations');
  const { has } = useRoles();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<EvaluationForm>();
  const project = useQuery({ queryKey: ['projects', 'detail', projectId], queryFn: () => must(api.GET('/api/v1/projects/{id}', { params: { path: { id: projectId } } })) });
  const list = useQuery({ queryKey: ['projects', 'evaluations', projectId], queryFn: () => must(api.GET('/api/v1/projects/{id}/evaluations', { params: { path: { id: projectId } } })) });
  const record = useMutation({
    mutationFn: (v: EvaluationForm) => must(api.POST('/api/v1/projects/{id}/evaluations', { params: { path: { id: projectId } }, body: v })),
    onSuccess: (r) => {
      form.resetFields();
      void message.success(t(r.passed ? 'recordedPassed' : 'recordedFailed'));
      void qc.invalidateQueries({ queryKey: ['projects'] });
    },
    onError: (e) => { if (e instanceof ProblemError) showFieldErrors(form, e.problem, i18n.language); },
  });
  const en = i18n.language === 'en';
  return (
    <Card title={h2(project.data ? `${t('formTitle')} · ${project.data.title}` : t('formTitle'))} data-testid="evaluation-card">
      <ProblemAlert error={project.error ?? list.error} />
      <List
        size="small"
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <EmptyText>{t('noneRecorded')}</EmptyText> }}
        renderItem={(e) => (
          <List.Item data-testid="evaluation-recorded">
            <Space wrap>
              <span>{t(`stage.${e.stage}`)}</span>
              <span>{t('score')} {e.score}</span>
              <span>{en ? e.gradeLabel.en : e.gradeLabel.zh}</span>
              <ToneTag tone={e.passed ? 'good' : 'bad'}>{e.passed ? t('passed') : t('failed')}</ToneTag>
              <span>{e.evaluatorName}</span>
              <DateTime value={e.evaluatedOn} withTime={false} />
            </Space>
          </List.Item>
        )}
      />
      {has('evaluator') && (
        <>
          <ProblemAlert error={record.error} />
          <Form form={form} layout="vertical" style={{ maxWidth: 560, marginTop: 16 }} onFinish={(v) => record.mutate(v)}>
            <Form.Item name="stage" label={t('stageLabel')} rules={[chosen(t('required'))]}>
              <Radio.Group options={(['midterm', 'final'] as const).map((s) => ({ value: s, label: t(`stage.${s}`) }))} />
            </Form.Item>
            <Form.Item name="score" label={t('score')} rules={[{ required: true, message: t('required') }]} extra={t('scoreHelp')}>
              <InputNumber min={0} max={100} precision={1} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="grade" label={t('grade')} rules={[chosen(t('required'))]}>
              <Radio.Group options={(['excellent', 'good', 'qualified', 'unqualified'] as const).map((g) => ({ value: g, label: t(`gradeValue.${g}`) }))} />
            </Form.Item>
            <Form.Item name="evaluatedOn" label={t('evaluatedOn')} rules={[{ required: true, message: t('required') }]}><Input type="date" /></Form.Item>
            <Form.Item name="findings" label={t('findings')} rules={[{ required: true, message: t('required') }]}><Input.TextArea rows={4} /></Form.Item>
            <Button type="primary" htmlType="submit" loading={record.isPending}>{t('submit')}</Button>
          </Form>
        </>
      )}
    </Card>
  );
}
