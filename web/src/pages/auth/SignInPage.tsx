import { useState } from 'react';
import { Alert, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { homeFor, useSession } from '../../app/session';
import { ProblemAlert } from '../../components/ProblemAlert';
import { problemMessage, type Problem } from '../../components/problem';
import { AuthCard } from './AuthCard';

export default function SignInPage() {
  const { t, i18n } = useTranslation();
  const { status, me, signIn, lost, clearLost } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const state = (location.state ?? {}) as { from?: string; lost?: Problem | null };
  const reason = state.lost ?? lost;
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  if (status === 'signed-in' && me && !busy) return <Navigate to={homeFor(me)} replace />;

  return (
    <AuthCard title={t('auth.signInTitle')}>
      {reason && <Alert type="warning" showIcon role="alert" message={problemMessage(reason, i18n.language)} style={{ marginBottom: 16 }} data-testid="session-lost" />}
      <ProblemAlert error={error} />
      <Form
        layout="vertical"
        requiredMark={false}
        onFinish={async (v: { login: string; password: string }) => {
          setBusy(true);
          setError(null);
          clearLost();
          try {
            const who = await signIn(v.login.trim(), v.password);
            const from = state.from && state.from !== '/sign-in' ? state.from : undefined;
            navigate(who.district ? (from ?? '/workbench') : '/choose-district', { replace: true });
          } catch (err) {
            setError(err);
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item label={t('auth.login')} name="login" rules={[{ required: true, message: t('auth.loginRequired') }]}>
          <Input autoComplete="username" placeholder={t('auth.loginPlaceholder')} />
        </Form.Item>
        <Form.Item label={t('auth.password')} name="password" rules={[{ required: true, message: t('auth.passwordRequired') }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>{t('auth.signIn')}</Button>
      </Form>
    </AuthCard>
  );
}
