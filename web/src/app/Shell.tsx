import { Suspense, cloneElement, isValidElement, type ReactNode } from 'react';
import { ProLayout } from '@ant-design/pro-components';
import { Badge, Button, Dropdown, Grid, Select, Space, Spin } from 'antd';
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

/** On a phone the closed switch shows a short name ("EN") so the header's four controls fit in 375 px; the list is in full. */
const SHORT_LANGUAGE: Record<Language, string> = { 'zh-CN': '中文', en: 'EN' };

export function LanguageSwitch({ compact = false }: { compact?: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <Select<Language>
      aria-label={t('language.label')}
      value={i18n.language as Language}
      onChange={setLanguage}
      suffixIcon={<GlobalOutlined />}
      style={{ width: compact ? 84 : 112 }}
      popupMatchSelectWidth={false}
      labelRender={compact ? (p) => SHORT_LANGUAGE[p.value as Language] ?? p.label : undefined}
      options={LANGUAGES.map((l) => ({ value: l, label: t(`language.${l}`) }))}
      data-testid="language-switch"
    />
  );
}

/** Text that ends in "…" rather than pushing the header wider than the screen; the whole text is its tooltip. */
function Ellipsis({ text, maxWidth }: { text: string | undefined; maxWidth: number }) {
  return (
    <span title={text} style={{ display: 'inline-block', maxWidth, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', verticalAlign: 'middle' }}>
      {text}
    </span>
  );
}

function DistrictSwitch({ compact }: { compact: boolean }) {
  const { t } = useTranslation();
  const { me, chooseDistrict } = useSession();
  const navigate = useNavigate();
  const active = (me?.districts ?? []).filter((d) => d.status === 'active');
  if (!me?.district || active.length < 2) return <Ellipsis text={me?.district?.name} maxWidth={compact ? 96 : 200} />;
  return (
    <Select
      aria-label={t('district.switch')}
      value={me.district.code}
      // The closed switch truncates a long name with "…"; the open list shows names in full.
      style={compact ? { width: 104 } : { minWidth: 120, maxWidth: 220 }}
      popupMatchSelectWidth={false}
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
  // ProLayout turns to its phone layout below md (768 px): the header then has a phone's width for four controls.
  const compact = !Grid.useBreakpoint().md;
  const roles = (me?.roles ?? []).map((r) => r.role);
  const menu = visibleRoutes(roles).filter((r) => !r.hideInMenu);
  return (
    <>
      {/* ProLayout keeps the header actions' widest measured width as their min-width (GlobalHeader/ActionsContent), so
          after a desktop width a narrowed window — a tablet turned — held the language switch and the account menu
          off-screen (test/browser/layout.browser-spec.ts). The actions take their natural width instead. */}
      <style>{'.ant-pro-global-header-right-content { min-width: 0 !important; }'}</style>
      <ProLayout
        title={t('app.name')}
        logo={false}
        layout="mix"
        fixSiderbar
        location={{ pathname: location.pathname }}
        route={{ path: '/', routes: menu.map((r) => ({ path: r.path, name: t(r.nameKey), icon: decorative(r.icon) })) }}
        // Collapsed, the link must fill the narrow item and centre its icon: left as an inline <a>, it shrank to the icon's
        // box at the item's left edge, where the sider's rounded item clipped it. Its text is hidden then and the icon is
        // decoration, so the label names the link.
        menuItemRender={(item, dom, menu) => (
          <Link to={item.path ?? '/'} aria-label={menu.collapsed ? item.name : undefined}
            style={menu.collapsed ? { display: 'flex', justifyContent: 'center', width: '100%' } : undefined}>{dom}</Link>
        )}
        contentStyle={compact ? { paddingInline: 12 } : undefined}
        actionsRender={() => [
          <DistrictSwitch key="district" compact={compact} />,
          <Link key="bell" to="/notifications" aria-label={t('notifications.badge', { count: unread.data ?? 0 })}>
            <Badge count={unread.data ?? 0} size="small" data-testid="unread-badge">
              <BellOutlined style={{ fontSize: 18 }} />
            </Badge>
          </Link>,
          <LanguageSwitch key="lang" compact={compact} />,
        ]}
        avatarProps={{
          icon: <UserOutlined />,
          // On a phone only the avatar: the name heads the menu it opens (and is in the button's accessible name).
          title: compact ? undefined : <Ellipsis text={me?.user.name} maxWidth={160} />,
          render: (_props, dom) => (
            <Dropdown
              trigger={['click']}
              menu={{
                items: [
                  {
                    type: 'group',
                    key: 'who',
                    label: <span data-testid="account-name" style={{ display: 'inline-block', maxWidth: 240, wordBreak: 'break-all', color: 'rgba(0, 0, 0, 0.88)' }}>{me?.user.name}</span>,
                    children: [
                      { key: 'password', label: t('menu.password'), onClick: () => navigate('/account/password') },
                      { key: 'sign-out', label: t('auth.signOut'), onClick: async () => { await signOut(); navigate('/sign-in'); } },
                    ],
                  },
                ],
              }}
            >
              <Button type="text" aria-label={`${me?.user.name ?? ''} ${t('account.menu')}`} data-testid="account-menu"
                // A text button's 15 px sides would push the avatar past a phone's right edge.
                style={compact ? { paddingInline: 4 } : undefined}>
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
    </>
  );
}
