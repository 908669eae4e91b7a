import { useState, type ReactNode } from 'react';
import { Button, Form, Grid, Input, List, Modal, Radio, Space, Tabs, Tag, Typography, type ButtonProps, type FormInstance } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api, type Schemas } from '../../api/client';
import { useRoles } from '../../app/session';
import { DateTime } from '../../components/DateTime';
import { ProblemAlert, showFieldErrors } from '../../components/ProblemAlert';
import { ProblemError } from '../../components/problem';
import { ToneDot, type Tone } from '../../components/ToneTag';
import { saveFromApi } from '../../components/download';
import { useLabel, type Label } from '../../components/label';

export type Document = Schemas['AttachmentsUploadResponse'];

export const DOCUMENT_KINDS: Record<string, Label> = {
  registration_certificate: { zh: '登记证书', en: 'Registration certificate' },
  charter: { zh: '章程', en: 'Charter' },
  audit_report: { zh: '审计报告', en: 'Audit report' },
  grade_certificate: { zh: '评估等级证书', en: 'Assessment grade certificate' },
  other: { zh: '其他材料', en: 'Other document' },
};

const STATUS_TONE: Record<string, Tone> = {
  draft: 'neutral', submitted: 'info', verified: 'good', returned: 'warn', closed: 'neutral',
  good: 'good', suspended: 'warn', blacklisted: 'bad',
  applied: 'info', approved: 'good', rejected: 'bad', withdrawn: 'neutral', revoked: 'bad', expired: 'neutral',
  in_force: 'good', not_yet_in_force: 'info',
};

/** A dot in the status's tone with the label in the body colour: quieter than tags in the long registry lists. */
export function StatusTag({ code, label, testId }: { code: string; label: Label; testId?: string }) {
  const show = useLabel();
  return (
    <ToneDot tone={STATUS_TONE[code]} data-testid={testId} data-status={code}>{show(label)}</ToneDot>
  );
}

/**
 * Tabs on a wide screen; on a phone a wrapping row of radio buttons instead, because an overflowing antd tab bar
 * puts its "more" button inside the tablist, which axe reports as a critical ARIA violation.
 */
export function Sections({ items, activeKey, onChange, testId }: {
  items: Array<{ key: string; label: string; children?: ReactNode }>;
  activeKey?: string;
  onChange?: (key: string) => void;
  testId?: string;
}) {
  const screens = Grid.useBreakpoint();
  const [own, setOwn] = useState(items[0]?.key);
  const current = activeKey ?? own;
  const change = (k: string) => { setOwn(k); onChange?.(k); };
  if (screens.md !== false) return <Tabs activeKey={current} onChange={change} items={items} data-testid={testId} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Radio.Group
        optionType="button"
        value={current}
        onChange={(e) => change(e.target.value as string)}
        options={items.map((i) => ({ value: i.key, label: i.label }))}
        style={{ display: 'flex', flexWrap: 'wrap', rowGap: 8 }}
        data-testid={testId}
      />
      {items.find((i) => i.key === current)?.children}
    </Space>
  );
}

/** Admins and programme officers decide on records; finance reads only (the server enforces the same split). */
export function useIsDecider(): boolean {
  return useRoles().has('district_admin', 'programme_officer');
}


/** The record's documents, each opened (downloaded) with the session's token. */
export function DocumentList({ documents, onRemove, removing }: { documents: Document[]; onRemove?: (d: Document) => void; removing?: boolean }) {
  const { t } = useTranslation('registry');
  const show = useLabel();
  const [error, setError] = useState<unknown>(null);
  return (
    <>
      <ProblemAlert error={error} />
      <List
        dataSource={documents}
        locale={{ emptyText: t('documents.none') }}
        data-testid="documents"
        renderItem={(d) => (
          <List.Item
            actions={[
              <Button
                key="open"
                size="small"
                icon={<DownloadOutlined />}
                aria-label={`${t('documents.download')}: ${d.filename}`}
                onClick={async () => {
                  setError(null);
                  try {
                    await saveFromApi(api.GET('/api/v1/attachments/{id}/content', { params: { path: { id: d.id } }, parseAs: 'blob' }), d.filename);
                  } catch (err) {
                    setError(err);
                  }
                }}
              >
                {t('documents.download')}
              </Button>,
              ...(onRemove ? [
                <Button key="remove" size="small" danger loading={removing} aria-label={`${t('documents.remove')}: ${d.filename}`} onClick={() => onRemove(d)}>
                  {t('documents.remove')}
                </Button>,
              ] : []),
            ]}
          >
            <List.Item.Meta
              title={<Space wrap><Tag>{show(d.kindLabel)}</Tag><Typography.Text>{d.filename}</Typography.Text></Space>}
              description={<><DateTime value={d.createdAt} /> · {Math.max(1, Math.round(d.size / 1024))} KB</>}
            />
          </List.Item>
        )}
      />
    </>
  );
}

/**
 * A button that opens a small form (a reason, a note, dates) and sends one decision. The modal stays open on a
 * refusal and shows the server's word — on the field it concerns, or above the form — so nothing is swallowed.
 */
export function ActionButton({
  label, title, testId, danger, type, children, submit, onDone, initialValues,
}: {
  label: string;
  title?: string;
  testId: string;
  danger?: boolean;
  type?: ButtonProps['type'];
  /** Form fields; none = a plain confirmation. */
  children?: (form: FormInstance) => ReactNode;
  submit: (values: Record<string, unknown>) => Promise<unknown>;
  onDone: () => void;
  initialValues?: Record<string, unknown>;
}) {
  const { t, i18n } = useTranslation('registry');
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm();
  return (
    <>
      {/* The trigger stays in the body colour: antd's red text on white fails WCAG contrast; the dialog's button is red. */}
      <Button type={type} onClick={() => { setError(null); form.resetFields(); setOpen(true); }} data-testid={`action-${testId}`}>
        {label}
      </Button>
      <Modal
        open={open}
        title={title ?? label}
        okText={t('actions.confirm')}
        cancelText={t('actions.cancel')}
        okButtonProps={{ danger, loading: busy, 'data-testid': `confirm-${testId}` } as ButtonProps}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        forceRender
      >
        <ProblemAlert error={error} />
        <Form
          form={form}
          name={testId}
          layout="vertical"
          initialValues={initialValues}
          onFinish={async (values: Record<string, unknown>) => {
            setBusy(true);
            setError(null);
            try {
              await submit(values);
              setOpen(false);
              onDone();
            } catch (err) {
              if (!(err instanceof ProblemError && showFieldErrors(form, err.problem, i18n.language))) setError(err);
            } finally {
              setBusy(false);
            }
          }}
        >
          {children ? children(form) : <Typography.Paragraph>{t('actions.sure')}</Typography.Paragraph>}
        </Form>
      </Modal>
    </>
  );
}

/** The reason field every refusal-like decision asks for (2–1000 characters, shown to the organisation). */
export function ReasonField({ label }: { label?: string }) {
  const { t } = useTranslation('registry');
  return (
    <Form.Item name="reason" label={label ?? t('actions.reason')} rules={[{ required: true, message: t('actions.reasonRequired') }]}>
      <Input.TextArea rows={3} maxLength={1000} showCount />
    </Form.Item>
  );
}
