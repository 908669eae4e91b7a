import { Button, Card, Descriptions, Form, Input, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, must, type Schemas } from '../../../api/client';
import { DateTime } from '../../../components/DateTime';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { h2 } from '../../../components/headings';
import { chosen } from '../../../components/rules';
import { type Case, useStageMutation } from './shared';

type Values = { goalsAchieved?: Schemas['EvaluationDto']['goalsAchieved']; satisfaction?: number; summary?: string };

const GOALS: Array<Schemas['EvaluationDto']['goalsAchieved']> = ['all', 'most', 'some', 'none'];
const SATISFACTION = [1, 2, 3, 4, 5];

/** 评估: at the end of intervention the worker records how far the goals were met, the person's satisfaction and a summary. */
export function EvaluationForm({ c }: { c: Case }) {
  const { t } = useTranslation('casework', { keyPrefix: 'stage.evaluation' });
  const [form] = Form.useForm<Values>();
  const submit = useStageMutation<Values>(c, (v) => must(api.POST('/api/v1/casework/cases/{id}/evaluation', {
    params: { path: { id: c.id } },
    body: { goalsAchieved: v.goalsAchieved!, satisfaction: v.satisfaction!, summary: (v.summary ?? '').trim(), version: c.version },
  })), { form, done: t('done') });
  return (
    <Card title={h2(t('title'))} data-testid="evaluation-form">
      <Typography.Paragraph type="secondary">{t('hint')}</Typography.Paragraph>
      <ProblemAlert error={submit.error} />
      <Form form={form} layout="vertical" onFinish={(v) => submit.mutate(v)} disabled={submit.isPending}>
        <Form.Item name="goalsAchieved" label={t('goalsAchieved')} rules={[chosen(t('required'))]}>
          <Radio.Group optionType="button" buttonStyle="solid" style={{ display: 'flex', flexWrap: 'wrap' }}
            options={GOALS.map((g) => ({ value: g, label: t(`goals.${g}`), style: { flex: '1 0 auto', textAlign: 'center' } }))} />
        </Form.Item>
        <Form.Item name="satisfaction" label={t('satisfaction')} extra={t('satisfactionHint')} rules={[chosen(t('required'))]}>
          <Radio.Group optionType="button" buttonStyle="solid" style={{ display: 'flex' }}
            options={SATISFACTION.map((n) => ({ value: n, label: String(n), style: { flex: 1, textAlign: 'center', minWidth: 44 } }))} />
        </Form.Item>
        <Form.Item name="summary" label={t('summary')} rules={[{ required: true, whitespace: true, message: t('required') }]}>
          <Input.TextArea rows={4} maxLength={4000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" size="large" block loading={submit.isPending}>{t('submit')}</Button>
      </Form>
    </Card>
  );
}

/** The evaluation as recorded, read-only, once the case has one. */
export function EvaluationView({ c }: { c: Case }) {
  const { t } = useTranslation('casework', { keyPrefix: 'stage.evaluation' });
  const e = c.evaluation;
  if (!e) return null;
  return (
    <Card title={h2(t('recorded'))} data-testid="evaluation">
      <Descriptions size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('goalsAchieved')}>{t(`goals.${e.goalsAchieved}`)}</Descriptions.Item>
        <Descriptions.Item label={t('satisfaction')}>{t('satisfactionValue', { n: e.satisfaction })}</Descriptions.Item>
        <Descriptions.Item label={t('evaluatedAt')}><DateTime value={e.evaluatedAt} /></Descriptions.Item>
        <Descriptions.Item label={t('summary')}><span style={{ whiteSpace: 'pre-wrap' }}>{e.summary}</span></Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
