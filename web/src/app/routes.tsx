import { BellOutlined, HomeOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { Role } from './session';
import type { AppRoute } from './route-types';

export type { AppRoute } from './route-types';

/**
 * The route table: the menu is drawn from it, filtered by the person's roles. The server still judges every request;
 * the filter only hides what a role could not use. Each domain's routes come from `pages/<domain>/routes.tsx`;
 * the pages themselves stay lazy (one chunk per page), only the small tables are bundled eagerly.
 */
const Workbench = lazy(() => import('../pages/workbench/WorkbenchPage'));
const Notifications = lazy(() => import('../pages/notifications/NotificationsPage'));
const ChangePassword = lazy(() => import('../pages/auth/ChangePasswordPage'));

const CORE: AppRoute[] = [
  { path: '/workbench', nameKey: 'menu.workbench', icon: <HomeOutlined />, page: Workbench, order: 0 },
  { path: '/notifications', nameKey: 'menu.notifications', icon: <BellOutlined />, page: Notifications, order: 1 },
  { path: '/account/password', nameKey: 'menu.password', page: ChangePassword, hideInMenu: true },
];

const DOMAINS = import.meta.glob<{ routes: AppRoute[] }>('../pages/*/routes.tsx', { eager: true });

const ALL: AppRoute[] = [...CORE, ...Object.values(DOMAINS).flatMap((m) => m.routes)].sort(
  (a, b) => (a.order ?? 100) - (b.order ?? 100),
);

/** Pages behind sign-in, inside the shell. */
export const ROUTES: AppRoute[] = ALL.filter((r) => !r.public);
/** Public pages (no sign-in), outside the shell. */
export const PUBLIC_ROUTES: AppRoute[] = ALL.filter((r) => r.public);

export function visibleRoutes(roles: Role[]): AppRoute[] {
  return ROUTES.filter((r) => !r.roles || r.roles.some((role) => roles.includes(role)));
}
