import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, must } from '../../api/client';
import { ProblemAlert, showFieldErrors } from '../../components/ProblemAlert';
import { ProblemError } from '../../components/problem';

export default function ChangePasswordPage() {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm();
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  return (
    <Card style={{ maxWidth: 480 }}>
      <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>{t('menu.password')}</Typography.Title>
      {done && <Alert type="success" showIcon role="status" message={t('password.changed')} style={{ marginBottom: 16 }} data-testid="password-changed" />}
      <ProblemAlert error={error} />
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={async (v: { currentPassword: string; newPassword: string }) => {
          setBusy(true);
          setError(null);
          setDone(false);
          try {
            await must(api.POST('/api/v1/auth/password', { body: { currentPassword: v.currentPassword, newPassword: v.newPassword } }));
            form.resetFields();
            setDone(true);
          } catch (err) {
            if (!(err instanceof ProblemError && showFieldErrors(form, err.problem, i18n.language))) setError(err);
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item label={t('password.current')} name="currentPassword" rules={[{ required: true, message: t('auth.passwordRequired') }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item label={t('password.new')} name="newPassword" extra={t('password.rule')} rules={[{ required: true, message: t('auth.passwordRequired') }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label={t('password.confirm')}
          name="confirm"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('auth.passwordRequired') },
            ({ getFieldValue }) => ({
              validator: (_r, value) => (!value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch')))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>{t('password.submit')}</Button>
      </Form>
    </Card>
  );
}
