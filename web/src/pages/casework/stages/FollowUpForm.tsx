import { Button, Card, Form, Input, InputNumber, Radio, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, must, type Schemas } from '../../../api/client';
import { TIME_ZONE } from '../../../components/DateTime';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { chosen } from '../../../components/rules';
import { ToneTag } from '../../../components/ToneTag';
import { h2 } from '../../../components/headings';
import { type Case, useStageMutation } from './shared';

type Mode = Schemas['FollowUpDto']['mode'];
type Values = { serviceDate?: string; durationMinutes?: number | null; mode?: Mode; content?: string };

const MODES: Mode[] = ['face_to_face', 'home_visit', 'phone', 'online'];
const todayInBeijing = () => dayjs().tz(TIME_ZONE).format('YYYY-MM-DD');

/**
 * 回访: after closure the worker records a follow-up contact (a service record of its own kind); the server moves the
 * case to followed_up (a further one may follow) and refuses a date before the closing day or in the future. The due date is the one the
 * organisation's settings gave at closure (the same the caseload shows).
 */
export function FollowUpForm({ c }: { c: Case }) {
  const { t } = useTranslation('casework', { keyPrefix: 'stage.followUp' });
  const [form] = Form.useForm<Values>();
  const today = todayInBeijing();
  const submit = useStageMutation<Values>(c, (v) => must(api.POST('/api/v1/casework/cases/{id}/follow-ups', {
    params: { path: { id: c.id } },
    body: { serviceDate: v.serviceDate ?? '', durationMinutes: v.durationMinutes ?? 0, mode: v.mode!, content: (v.content ?? '').trim(), version: c.version },
  })), { form, done: t('done'), answersCase: false });
  // Once followed up the due date is met; a further follow-up may still be recorded (the server allows it).
  const first = c.status === 'closed';
  const overdue = first && !!c.followUpDueOn && c.followUpDueOn < today;
  return (
    <Card title={h2(first ? t('title') : t('again'))} data-testid="follow-up-form">
      {first && c.followUpDueOn && (
        <Space wrap size={8} style={{ marginBottom: 12 }} data-testid="follow-up-due">
          <span>{t('due')}</span>
          <strong>{c.followUpDueOn}</strong>
          {overdue && <ToneTag tone="bad">{t('overdue')}</ToneTag>}
        </Space>
      )}
      <Typography.Paragraph type="secondary">{t('hint')}</Typography.Paragraph>
      <ProblemAlert error={submit.error} />
      <Form form={form} layout="vertical" initialValues={{ serviceDate: today }} onFinish={(v) => submit.mutate(v)} disabled={submit.isPending}>
        <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
          <Form.Item name="serviceDate" label={t('date')} rules={[{ required: true, message: t('required') }]} style={{ flex: '1 1 140px', minWidth: 0 }}>
            <Input type="date" max={today} size="large" />
          </Form.Item>
          <Form.Item name="durationMinutes" label={t('duration')} rules={[{ required: true, message: t('required') }]} style={{ flex: '1 1 120px', minWidth: 0 }}>
            <InputNumber min={1} max={1440} precision={0} inputMode="numeric" size="large" style={{ width: '100%' }} />
          </Form.Item>
        </div>
        <Form.Item name="mode" label={t('mode')} rules={[chosen(t('required'))]}>
          <Radio.Group optionType="button" buttonStyle="solid" style={{ display: 'flex', flexWrap: 'wrap' }}
            options={MODES.map((m) => ({ value: m, label: t(`modes.${m}`), style: { flex: '1 0 auto', textAlign: 'center' } }))} />
        </Form.Item>
        <Form.Item name="content" label={t('content')} rules={[{ required: true, whitespace: true, message: t('required') }]}>
          <Input.TextArea rows={4} maxLength={4000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" size="large" block loading={submit.isPending}>{t('submit')}</Button>
      </Form>
    </Card>
  );
}
