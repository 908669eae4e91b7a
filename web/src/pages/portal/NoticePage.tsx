import { Alert, Button, Card, Descriptions, Form, Input, List, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, must, type Schemas } from '../../api/client';
import { DateTime } from '../../components/DateTime';
import { Money } from '../../components/Money';
import { ProblemAlert, showFieldErrors } from '../../components/ProblemAlert';
import { ProblemError } from '../../components/problem';
import { Deadline } from '../../components/Remaining';
import { useDistrict } from './district';

/**
 * The receipt the objector keeps is one string: the objection's id and the secret the server returned, joined by a
 * dot (neither contains one). Looking up needs both, and a person who must keep two strings loses one of them.
 */
export function receiptOf(objectionId: string, receiptCode: string): string {
  return `${objectionId}.${receiptCode}`;
}
export function splitReceipt(receipt: string): { objectionId: string; receipt: string } | null {
  const m = /^\s*([0-9a-f-]{36})\.(\S+)\s*$/i.exec(receipt);
  return m ? { objectionId: m[1], receipt: m[2] } : null;
}

/** One notice: the proposed projects, the objection form while the notice runs, and the answer lookup. */
export default function NoticePage() {
  const { t } = useTranslation('portal');
  const district = useDistrict();
  const { callId = '' } = useParams();
  const notice = useQuery({
    queryKey: ['portal', district.code, 'notice', callId],
    queryFn: () => must(api.GET('/api/v1/public/districts/{districtCode}/calls/{id}/notice', { params: { path: { districtCode: district.code, id: callId } } })),
  });
  const n = notice.data;
  // The server judges whether the period still runs (its clock, its working days); the form stays while the call is
  // in notice, and a late objection gets the server's own refusal.
  const open = n?.status === 'notice';
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card title={<h1 style={{ fontSize: 20, margin: 0 }}>{n?.title ?? t('notices.title')}</h1>} loading={notice.isPending}>
        <ProblemAlert error={notice.error} />
        {n && (
          <Space direction="vertical" size={12} style={{ width: '100%' }}>
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={t('notices.period')}><DateTime value={n.noticeStartsAt} /> – <Deadline value={n.noticeEndsAt} testId="time-left" /></Descriptions.Item>
              <Descriptions.Item label={t('calls.fundPool')}><Money fen={n.fundPoolFen} /></Descriptions.Item>
              <Descriptions.Item label={t('notices.objectionsLabel')}>{t('notices.objections', { total: n.objections.total, answered: n.objections.answered })}</Descriptions.Item>
            </Descriptions>
            <NoticeItems items={n.items} />
          </Space>
        )}
      </Card>
      {n && (open ? <ObjectionForm callId={callId} /> : <Alert type="info" showIcon message={t('objection.closed')} />)}
      {n && <AnswerLookup callId={callId} />}
    </Space>
  );
}

function NoticeItems({ items }: { items: Schemas['NoticesPortalGetItem'][] }) {
  const { t } = useTranslation('portal');
  // Scrolls sideways on a phone rather than squeezing five columns into 375 px.
  return (
      <Table className="notice-table" size="small" rowKey="referenceNo" pagination={false} dataSource={items} scroll={{ x: 'max-content' }}
        columns={[
          { title: t('notices.rank'), dataIndex: 'rank' },
          { title: t('notices.project'), dataIndex: 'projectTitle', render: (v: string, i) => <Space direction="vertical" size={0}><span>{v}</span><Typography.Text type="secondary">{i.referenceNo}</Typography.Text></Space> },
          { title: t('notices.organisation'), dataIndex: 'organisationName' },
          { title: t('notices.score'), dataIndex: 'score' },
          { title: t('notices.amount'), dataIndex: 'amountFen', render: (f: string) => <Money fen={f} /> },
        ]}
      />
  );
}

interface ObjectionValues { name: string; contact: string; content: string }

function ObjectionForm({ callId }: { callId: string }) {
  const { t, i18n } = useTranslation('portal');
  const district = useDistrict();
  const [form] = Form.useForm<ObjectionValues>();
  const file = useMutation({
    mutationFn: (v: ObjectionValues) => must(api.POST('/api/v1/public/districts/{districtCode}/calls/{id}/objections', {
      params: { path: { districtCode: district.code, id: callId } }, body: v,
    })),
    onError: (err) => { if (err instanceof ProblemError) showFieldErrors(form, err.problem, i18n.language); },
  });
  if (file.data) {
    const code = receiptOf(file.data.id, file.data.receiptCode);
    return (
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('objection.receivedTitle')}</h2>}>
        <Alert type="success" showIcon message={t('objection.received')} description={<DateTime value={file.data.receivedAt} />} style={{ marginBottom: 12 }} />
        <Typography.Paragraph>{t('objection.keepReceipt')}</Typography.Paragraph>
        <Typography.Paragraph copyable={{ text: code, tooltips: [t('objection.copy'), t('objection.copied')] }} code data-testid="receipt-code" style={{ wordBreak: 'break-all' }}>
          {code}
        </Typography.Paragraph>
      </Card>
    );
  }
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('objection.title')}</h2>}>
      <Typography.Paragraph>{t('objection.intro')}</Typography.Paragraph>
      <ProblemAlert error={file.error} />
      <Form form={form} layout="vertical" name="objection" onFinish={(v) => file.mutate(v)}>
        <Form.Item name="name" label={t('objection.name')} rules={[{ required: true, message: t('objection.nameRequired') }]}>
          <Input autoComplete="name" />
        </Form.Item>
        <Form.Item name="contact" label={t('objection.contact')} extra={t('objection.contactHint')} rules={[{ required: true, message: t('objection.contactRequired') }]}>
          <Input autoComplete="tel" />
        </Form.Item>
        <Form.Item name="content" label={t('objection.content')} rules={[{ required: true, message: t('objection.contentRequired') }]}>
          <Input.TextArea rows={4} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={file.isPending}>{t('objection.submit')}</Button>
      </Form>
    </Card>
  );
}

function AnswerLookup({ callId }: { callId: string }) {
  const { t } = useTranslation('portal');
  const district = useDistrict();
  const [form] = Form.useForm<{ receipt: string }>();
  const lookup = useMutation({
    mutationFn: async ({ receipt }: { receipt: string }) => {
      const parts = splitReceipt(receipt);
      if (!parts) throw new Error('receipt');
      return must(api.GET('/api/v1/public/districts/{districtCode}/calls/{id}/objections/{objectionId}', {
        params: { path: { districtCode: district.code, id: callId, objectionId: parts.objectionId }, query: { receipt: parts.receipt } },
      }));
    },
    onError: (err) => { if (!(err instanceof ProblemError)) form.setFields([{ name: 'receipt', errors: [t('lookup.malformed')] }]); },
  });
  const o = lookup.data;
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('lookup.title')}</h2>}>
      <ProblemAlert error={lookup.error instanceof ProblemError ? lookup.error : null} />
      <Form form={form} layout="vertical" name="lookup" onFinish={(v) => lookup.mutate(v)}>
        <Form.Item name="receipt" label={t('lookup.receipt')} rules={[{ required: true, message: t('lookup.receiptRequired') }]}>
          <Input autoComplete="off" spellCheck={false} />
        </Form.Item>
        <Button htmlType="submit" loading={lookup.isPending}>{t('lookup.submit')}</Button>
      </Form>
      {o && (
        <List style={{ marginTop: 16 }} bordered data-testid="objection-answer">
          <List.Item><Space direction="vertical" size={0}><Typography.Text type="secondary">{t('lookup.yourObjection')} · <DateTime value={o.receivedAt} /></Typography.Text><span style={{ whiteSpace: 'pre-wrap' }}>{o.content}</span></Space></List.Item>
          <List.Item>
            {o.answer ? (
              <Space direction="vertical" size={0}>
                <Space><Tag color="#237804">{t('lookup.answered')}</Tag><DateTime value={o.answeredAt} /></Space>
                <span style={{ whiteSpace: 'pre-wrap' }}>{o.answer}</span>
              </Space>
            ) : <Tag color="#ad4e00">{t('lookup.pending')}</Tag>}
          </List.Item>
        </List>
      )}
    </Card>
  );
}
