import { Suspense, cloneElement, isValidElement, type ReactNode } from 'react';
import { ProLayout } from '@ant-design/pro-components';
import { Badge, Button, Dropdown, Select, Space, Spin } from 'antd';
import { BellOutlined, GlobalOutlined, UserOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { api, must } from '../api/client';
import { LANGUAGES, setLanguage, type Language } from './i18n';
import { visibleRoutes } from './routes';
import { useSession } from './session';

/** Unread count for the header badge; refreshed now and then and whenever a page marks something read. */
export function useUnreadCount() {
  return useQuery({
    queryKey: ['notifications', 'unread-count'],
    queryFn: async () => (await must(api.GET('/api/v1/notifications', { params: { query: { unread: true, limit: 1 } } }))).unread,
    refetchInterval: 60_000,
  });
}

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <Select<Language>
      aria-label={t('language.label')}
      value={i18n.language as Language}
      onChange={setLanguage}
      suffixIcon={<GlobalOutlined />}
      style={{ width: 112 }}
      options={LANGUAGES.map((l) => ({ value: l, label: t(`language.${l}`) }))}
      data-testid="language-switch"
    />
  );
}

function DistrictSwitch() {
  const { t } = useTranslation();
  const { me, chooseDistrict } = useSession();
  const navigate = useNavigate();
  const active = (me?.districts ?? []).filter((d) => d.status === 'active');
  if (!me?.district || active.length < 2) return <span style={{ whiteSpace: 'nowrap' }}>{me?.district?.name}</span>;
  return (
    <Select
      aria-label={t('district.switch')}
      value={me.district.code}
      style={{ minWidth: 120 }}
      onChange={async (code: string) => {
        await chooseDistrict(code);
        navigate('/workbench');
      }}
      options={active.map((d) => ({ value: d.districtCode, label: d.districtName }))}
      data-testid="district-switch"
    />
  );
}

/**
 * A menu icon is decoration: the entry's label names the link. antd icons carry their own aria-label ("bank",
 * "money-collect"), which would otherwise become part of every menu link's name.
 */
function decorative(icon: ReactNode): ReactNode {
  return isValidElement<{ 'aria-hidden'?: boolean }>(icon) ? cloneElement(icon, { 'aria-hidden': true }) : icon;
}

export function Shell() {
  const { t } = useTranslation();
  const { me, signOut } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const unread = useUnreadCount();
  const roles = (me?.roles ?? []).map((r) => r.role);
  const menu = visibleRoutes(roles).filter((r) => !r.hideInMenu);
  return (
    <ProLayout
      title={t('app.name')}
      logo={false}
      layout="mix"
      fixSiderbar
      location={{ pathname: location.pathname }}
      route={{ path: '/', routes: menu.map((r) => ({ path: r.path, name: t(r.nameKey), icon: decorative(r.icon) })) }}
      menuItemRender={(item, dom) => <Link to={item.path ?? '/'}>{dom}</Link>}
      actionsRender={() => [
        <DistrictSwitch key="district" />,
        <Link key="bell" to="/notifications" aria-label={t('notifications.badge', { count: unread.data ?? 0 })}>
          <Badge count={unread.data ?? 0} size="small" data-testid="unread-badge">
            <BellOutlined style={{ fontSize: 18 }} />
          </Badge>
        </Link>,
        <LanguageSwitch key="lang" />,
      ]}
      avatarProps={{
        icon: <UserOutlined />,
        title: me?.user.name,
        render: (_props, dom) => (
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                { key: 'password', label: t('menu.password'), onClick: () => navigate('/account/password') },
                { key: 'sign-out', label: t('auth.signOut'), onClick: async () => { await signOut(); navigate('/sign-in'); } },
              ],
            }}
          >
            <Button type="text" aria-label={`${me?.user.name ?? ''} ${t('account.menu')}`} data-testid="account-menu">
              {dom}
            </Button>
          </Dropdown>
        ),
      }}
    >
      <Suspense fallback={<Spin aria-label={t('common.loading')} />}>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Outlet />
        </Space>
      </Suspense>
    </ProLayout>
  );
}
