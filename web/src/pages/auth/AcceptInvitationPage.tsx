import { useMemo, useState } from 'react';
import { Alert, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, must } from '../../api/client';
import { useSession } from '../../app/session';
import { ProblemAlert, showFieldErrors } from '../../components/ProblemAlert';
import { ProblemError } from '../../components/problem';
import { AuthCard } from './AuthCard';

/**
 * The token travels in the URL fragment (#token=…), which browsers never send to a server or write to its logs.
 * Links sent before that convention carry it in the query (?token=…); they still work.
 */
function tokenFromLocation(): string | null {
  return new URLSearchParams(window.location.hash.replace(/^#/, '')).get('token') ?? new URLSearchParams(window.location.search).get('token');
}

export default function AcceptInvitationPage() {
  const { t, i18n } = useTranslation();
  const { signIn } = useSession();
  const navigate = useNavigate();
  const [form] = Form.useForm();
  const token = useMemo(tokenFromLocation, []);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  return (
    <AuthCard title={t('invitation.title')}>
      {!token && <Alert type="error" showIcon role="alert" message={t('invitation.noToken')} />}
      <ProblemAlert error={error} />
      {token && (
        <Form
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={async (v: { login: string; password: string }) => {
            setBusy(true);
            setError(null);
            try {
              await must(api.POST('/api/v1/invitations/accept', { body: { token, password: v.password } }));
              // The link is spent: take it out of the address bar and history before moving on.
              window.history.replaceState(null, '', window.location.pathname);
              const me = await signIn(v.login.trim(), v.password);
              navigate(me.district ? '/workbench' : '/choose-district', { replace: true });
            } catch (err) {
              if (!(err instanceof ProblemError && showFieldErrors(form, err.problem, i18n.language))) setError(err);
            } finally {
              setBusy(false);
            }
          }}
        >
          <p>{t('invitation.intro')}</p>
          <Form.Item label={t('invitation.login')} name="login" rules={[{ required: true, message: t('auth.loginRequired') }]}>
            <Input autoComplete="username" placeholder={t('auth.loginPlaceholder')} />
          </Form.Item>
          <Form.Item label={t('password.new')} name="password" extra={t('password.rule')} rules={[{ required: true, message: t('auth.passwordRequired') }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            label={t('password.confirm')}
            name="confirm"
            dependencies={['password']}
            rules={[
              { required: true, message: t('auth.passwordRequired') },
              ({ getFieldValue }) => ({
                validator: (_r, value) => (!value || value === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch')))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>{t('invitation.submit')}</Button>
        </Form>
      )}
    </AuthCard>
  );
}
