import { Suspense, lazy, useEffect } from 'react';
import { Layout, Result, Space, Spin, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes, useLocation, useParams } from 'react-router';
import { api, must } from '../../api/client';
import { LanguageSwitch } from '../../app/Shell';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ProblemError } from '../../components/problem';
import { DistrictContext } from './district';

const CallsList = lazy(() => import('./CallsListPage'));
const CallDetail = lazy(() => import('./CallPage'));
const NoticesList = lazy(() => import('./NoticesListPage'));
const NoticeDetail = lazy(() => import('./NoticePage'));
const Directory = lazy(() => import('./DirectoryPage'));
const Register = lazy(() => import('./RegisterPage'));

/**
 * The district's public portal (no sign-in): its own header and sub-pages. The district's name comes from the public
 * district read, which every sub-page's header shares; an unknown code is the API's 404 and this page's 404.
 */
export default function PortalPage() {
  const { t } = useTranslation('portal');
  const { districtCode = '' } = useParams();
  const location = useLocation();
  const district = useQuery({
    queryKey: ['portal', districtCode, 'district'],
    queryFn: () => must(api.GET('/api/v1/public/districts/{districtCode}', { params: { path: { districtCode } } })),
  });
  useEffect(() => {
    document.title = district.data ? `${district.data.name} · ${t('title')}` : t('title');
  }, [district.data, t]);

  if (district.isPending) return <Spin fullscreen aria-label={t('common.loading')} />;
  if (district.error) {
    const notFound = district.error instanceof ProblemError && district.error.problem.status === 404;
    return (
      <main style={{ padding: 16 }}>
        <Space style={{ width: '100%', justifyContent: 'flex-end' }}><LanguageSwitch /></Space>
        {notFound ? (
          <div data-testid="portal-not-found">
            <Result status="404" title={<h1 style={{ fontSize: 24 }}>{t('notFound.title')}</h1>}
              subTitle={t('notFound.body', { code: districtCode })}
              extra={<Link to="/sign-in">{t('signIn')}</Link>} />
          </div>
        ) : <ProblemAlert error={district.error} />}
      </main>
    );
  }

  const base = `/portal/${districtCode}`;
  const sections = [
    { key: 'calls', path: base, label: t('nav.calls') },
    { key: 'notices', path: `${base}/notices`, label: t('nav.notices') },
    { key: 'organisations', path: `${base}/organisations`, label: t('nav.organisations') },
    { key: 'register', path: `${base}/register`, label: t('nav.register') },
  ];
  const rest = location.pathname.slice(base.length).split('/')[1] ?? '';
  const current = ['notices', 'organisations', 'register'].includes(rest) ? rest : 'calls';

  return (
    <DistrictContext.Provider value={district.data}>
      <Layout style={{ minHeight: '100vh' }}>
        <Layout.Header style={{ background: '#fff', padding: '8px 16px', height: 'auto', lineHeight: 1.4, borderBottom: '1px solid #eee' }}>
          <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
            <Link to={base} style={{ color: 'inherit' }}>
              <Typography.Text strong style={{ fontSize: 18 }} data-testid="portal-district">{district.data.name}</Typography.Text>
              <Typography.Text type="secondary" style={{ marginLeft: 8 }}>{t('title')}</Typography.Text>
            </Link>
            <Space>
              <LanguageSwitch />
              <Link to="/sign-in">{t('signIn')}</Link>
            </Space>
          </Space>
          <nav aria-label={t('nav.label')}>
            {/* Plain wrapped links, not a horizontal Menu: at 375 px a Menu hides entries behind an overflow "…". */}
            <Space wrap size={[16, 4]} style={{ padding: '8px 0' }}>
              {sections.map((s) => (
                <Link key={s.key} to={s.path} aria-current={s.key === current ? 'page' : undefined}
                  style={{ color: '#0958d9', fontWeight: s.key === current ? 600 : 400, borderBottom: s.key === current ? '2px solid currentColor' : undefined }}>
                  {s.label}
                </Link>
              ))}
            </Space>
          </nav>
        </Layout.Header>
        <Layout.Content style={{ padding: 16, maxWidth: 960, width: '100%', margin: '0 auto' }}>
          <Suspense fallback={<Spin aria-label={t('common.loading')} />}>
              <Routes>
                <Route index element={<CallsList />} />
                <Route path="calls/:id" element={<CallDetail />} />
                <Route path="notices" element={<NoticesList />} />
                <Route path="notices/:callId" element={<NoticeDetail />} />
                <Route path="organisations" element={<Directory />} />
                <Route path="register" element={<Register />} />
                <Route path="*" element={<Result status="404" title={<h1 style={{ fontSize: 24 }}>404</h1>} subTitle={t('notFound.page')} />} />
              </Routes>
          </Suspense>
        </Layout.Content>
      </Layout>
    </DistrictContext.Provider>
  );
}
