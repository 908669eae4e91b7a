import { Button, Card, Descriptions, Form, Input, Select, Typography } from 'antd';
import type { SelectProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, must, type Schemas } from '../../../api/client';
import { DateTime } from '../../../components/DateTime';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { chosen } from '../../../components/rules';
import { h2 } from '../../../components/headings';
import { type Case, useStageMutation } from './shared';

type Reason = Schemas['ClosureDto']['reason'];
type Values = { reason?: Reason; summary?: string };

const REASONS: Reason[] = ['goals_achieved', 'beneficiary_withdrew', 'referred', 'moved_away', 'lost_contact', 'deceased', 'other'];

/** A Select without the aria-required Form.Item would put on it (axe: not allowed on its role). */
function ReasonSelect({ 'aria-required': _required, ...props }: SelectProps<Reason> & { 'aria-required'?: unknown }) {
  return <Select<Reason> {...props} />;
}

/**
 * 结案: the reason and a closing summary. Where the organisation requires the supervisor's approval the case waits in
 * closure_review (the server decides, from the organisation's settings); otherwise it is closed at once.
 */
export function ClosureForm({ c }: { c: Case }) {
  const { t } = useTranslation('casework', { keyPrefix: 'stage.closure' });
  const [form] = Form.useForm<Values>();
  const submit = useStageMutation<Values>(c, (v) => must(api.POST('/api/v1/casework/cases/{id}/closure', {
    params: { path: { id: c.id } },
    body: { reason: v.reason!, summary: (v.summary ?? '').trim(), version: c.version },
  })), { form, done: t('done') });
  return (
    <Card title={h2(t('title'))} data-testid="closure-form">
      <Typography.Paragraph type="secondary">{t('hint')}</Typography.Paragraph>
      <ProblemAlert error={submit.error} />
      <Form form={form} layout="vertical" onFinish={(v) => submit.mutate(v)} disabled={submit.isPending}>
        <Form.Item name="reason" label={t('reason')} rules={[chosen(t('required'))]}>
          <ReasonSelect size="large" placeholder={t('reasonPlaceholder')} options={REASONS.map((r) => ({ value: r, label: t(`reasons.${r}`) }))} />
        </Form.Item>
        <Form.Item name="summary" label={t('summary')} rules={[{ required: true, whitespace: true, message: t('required') }]}>
          <Input.TextArea rows={4} maxLength={4000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" size="large" block loading={submit.isPending}>{t('submit')}</Button>
      </Form>
    </Card>
  );
}

/** While the closure waits for the supervisor's approval the workers have nothing to fill in: they are told so. */

/** The closure as submitted, read-only (closedAt once the case is closed; while it waits for approval there is none). */
export function ClosureView({ c }: { c: Case }) {
  const { t } = useTranslation('casework', { keyPrefix: 'stage.closure' });
  const k = c.closure;
  if (!k) return null;
  return (
    <Card title={h2(t('recorded'))} data-testid="closure">
      <Descriptions size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('reason')}>{t(`reasons.${k.reason}`)}</Descriptions.Item>
        {k.closedAt && <Descriptions.Item label={t('closedAt')}><DateTime value={k.closedAt} /></Descriptions.Item>}
        {c.followUpDueOn && <Descriptions.Item label={t('followUpDue')}>{c.followUpDueOn}</Descriptions.Item>}
        <Descriptions.Item label={t('summary')}><span style={{ whiteSpace: 'pre-wrap' }}>{k.summary}</span></Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
