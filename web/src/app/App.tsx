import { Suspense, lazy, useEffect, type ReactNode } from 'react';
import { App as AntApp, Button, ConfigProvider, Spin } from 'antd';
// The ES modules, not 'antd/locale/*': those re-export CommonJS, which the bundler wraps once more, so the provider got
// `{ default: locale }`, found no texts in it and fell back to English ("No data" on Chinese pages).
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { worthRetrying } from '../components/problem';
import { PUBLIC_ROUTES, ROUTES, type AppRoute } from './routes';
import { SessionProvider, homeFor, useSession } from './session';
import { Shell } from './Shell';

const SignIn = lazy(() => import('../pages/auth/SignInPage'));
const ChooseDistrict = lazy(() => import('../pages/auth/ChooseDistrictPage'));
const AcceptInvitation = lazy(() => import('../pages/auth/AcceptInvitationPage'));
const NotFound = lazy(() => import('../pages/errors/NotFoundPage'));
const Forbidden = lazy(() => import('../pages/errors/ForbiddenPage'));

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Network trouble and a 503 are asked again; a refusal (403/404/409…) would answer the same (see worthRetrying).
      retry: worthRetrying,
      refetchOnWindowFocus: false,
    },
  },
});

function Loading() {
  const { t } = useTranslation();
  return <Spin fullscreen aria-label={t('common.loading')} />;
}

/** No answer on page load: the network is gone or the server out of reach; the session is kept for when it returns. */
function Unreachable() {
  const { t } = useTranslation();
  const { retry } = useSession();
  return (
    // Plain markup and a Button: antd's Result or Alert here would add 5–7 KB to the first load every page pays for.
    <div data-testid="unreachable" role="alert" style={{ maxWidth: 480, margin: '20vh auto 0', padding: '0 16px', textAlign: 'center' }}>
      <p style={{ fontSize: 16, marginBottom: 16 }}>{t('error.network')}</p>
      <Button type="primary" onClick={retry}>{t('error.retry')}</Button>
    </div>
  );
}

/** Pages behind sign-in: wait for the silent refresh, then either show the page or send the person to sign in. */
function RequireSession({ children, district = true }: { children: ReactNode; district?: boolean }) {
  const { status, me, lost } = useSession();
  const location = useLocation();
  if (status === 'loading') return <Loading />;
  if (status === 'unreachable') return <Unreachable />;
  if (status === 'signed-out' || !me) return <Navigate to="/sign-in" replace state={{ from: location.pathname, lost }} />;
  if (district && !me.district) return <Navigate to="/choose-district" replace />;
  return <>{children}</>;
}

/** A session that ends while a page is open (revoked elsewhere) sends the person to sign in, with the reason. */
function SessionLostRedirect() {
  const { status, lost } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  useEffect(() => {
    if (status === 'signed-out' && lost && location.pathname !== '/sign-in') navigate('/sign-in', { replace: true, state: { lost } });
  }, [status, lost, navigate, location.pathname]);
  return null;
}

/** A role's URL typed by hand by someone without the role: a 403 page, not a page that will only fail. */
function Guarded({ route }: { route: AppRoute }) {
  const { me } = useSession();
  const roles = (me?.roles ?? []).map((r) => r.role);
  if (route.roles && !route.roles.some((r) => roles.includes(r))) return <Forbidden />;
  return <route.page />;
}

function Home() {
  const { status, me } = useSession();
  if (status === 'loading') return <Loading />;
  if (status === 'unreachable') return <Unreachable />;
  return <Navigate to={me ? homeFor(me) : '/sign-in'} replace />;
}

function Localised({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : zhCN} theme={{
        // antd's default grey hints (45% black) and link blue (#1677ff, lighter still when hovered) fail WCAG AA contrast:
        // darker ones, hover and active darker than rest so a link just clicked stays readable. The same for the error red
        // (#ff4d4f is 3.9:1 on white: a field's message and a danger button's text failed): the tones' dark red, 7.5:1.
        // Its light backgrounds stay antd's defaults: derived from the darker red they turned pink enough that a link
        // inside an error alert (the project page's "what to do next") failed contrast.
        // motion: false — antd 5.29's button leaves its loading icon (aria-label "loading") behind for good when `loading`
        // goes true → false within about 50 ms, as a quick refusal does: the icon's leave transition starts from the width
        // its enter had not yet given it, no transition runs, and rc-motion waits for a transitionend that never comes.
        // Measured in Chromium on a bare Button toggled after 0–50 ms: 31 of 110 clicks kept the icon with motion on, 0 of
        // 220 with it off (the stop-21 closing note). A person then hears "loading 退回" on an idle button. Without motion
        // every show and hide is immediate, which a back office loses nothing by.
        token: { motion: false, colorPrimary: '#b8262c', colorError: '#a8071a', colorErrorBg: '#fff2f0', colorErrorBgHover: '#fff1f0', colorErrorBorder: '#ffccc7', colorErrorBorderHover: '#ffa39e', colorLink: '#0958d9', colorLinkHover: '#003eb3', colorLinkActive: '#002c8c', colorTextSecondary: 'rgba(0, 0, 0, 0.68)', colorTextTertiary: 'rgba(0, 0, 0, 0.68)', colorTextDescription: 'rgba(0, 0, 0, 0.68)' },
      }}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <Localised>
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <SessionProvider>
            <SessionLostRedirect />
            <Suspense fallback={<Loading />}>
              <Routes>
                <Route path="/" element={<Home />} />
                <Route path="/sign-in" element={<SignIn />} />
                <Route path="/invitations/accept" element={<AcceptInvitation />} />
                {PUBLIC_ROUTES.map((r) => (
                  <Route key={r.path} path={r.path} element={<r.page />} />
                ))}
                <Route path="/choose-district" element={<RequireSession district={false}><ChooseDistrict /></RequireSession>} />
                <Route element={<RequireSession><Shell /></RequireSession>}>
                  {ROUTES.map((r) => (
                    <Route key={r.path} path={r.path} element={<Guarded route={r} />} />
                  ))}
                  <Route path="*" element={<NotFound />} />
                </Route>
              </Routes>
            </Suspense>
          </SessionProvider>
        </BrowserRouter>
      </QueryClientProvider>
    </Localised>
  );
}
