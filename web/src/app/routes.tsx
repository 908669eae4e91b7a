import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { Role } from './session';

/**
 * The route table: the menu is drawn from it, filtered by the person's roles. The server still judges every request;
 * the filter only hides what a role could not use. Pages not built yet point to an honest "coming soon" page.
 */
export interface AppRoute {
  path: string;
  /** i18n key of the menu label and page title. */
  nameKey: string;
  /** Who sees the entry; absent = everyone signed in to a district. */
  roles?: Role[];
  page: LazyExoticComponent<ComponentType>;
  hideInMenu?: boolean;
}

const Workbench = lazy(() => import('../pages/workbench/WorkbenchPage'));
const Notifications = lazy(() => import('../pages/notifications/NotificationsPage'));
const ChangePassword = lazy(() => import('../pages/auth/ChangePasswordPage'));
const ComingSoon = lazy(() => import('../pages/errors/ComingSoonPage'));

const OFFICIALS: Role[] = ['district_admin', 'programme_officer', 'finance_officer'];
const ORGANISATION: Role[] = ['org_admin', 'org_staff'];

export const ROUTES: AppRoute[] = [
  { path: '/workbench', nameKey: 'menu.workbench', page: Workbench },
  { path: '/notifications', nameKey: 'menu.notifications', page: Notifications },
  { path: '/organisations', nameKey: 'menu.organisations', roles: OFFICIALS, page: ComingSoon },
  { path: '/my-organisation', nameKey: 'menu.myOrganisation', roles: ORGANISATION, page: ComingSoon },
  { path: '/calls', nameKey: 'menu.calls', roles: [...OFFICIALS, ...ORGANISATION], page: ComingSoon },
  { path: '/reviews', nameKey: 'menu.reviews', roles: ['reviewer'], page: ComingSoon },
  { path: '/projects', nameKey: 'menu.projects', roles: [...OFFICIALS, ...ORGANISATION, 'evaluator'], page: ComingSoon },
  { path: '/finance/fund', nameKey: 'menu.fund', roles: ['finance_officer', 'district_admin'], page: ComingSoon },
  { path: '/evaluations', nameKey: 'menu.evaluations', roles: ['evaluator', 'programme_officer'], page: ComingSoon },
  { path: '/settings/members', nameKey: 'menu.members', roles: ['district_admin'], page: ComingSoon },
  { path: '/settings/places', nameKey: 'menu.places', roles: ['district_admin'], page: ComingSoon },
  { path: '/account/password', nameKey: 'menu.password', page: ChangePassword, hideInMenu: true },
];

export function visibleRoutes(roles: Role[]): AppRoute[] {
  return ROUTES.filter((r) => !r.roles || r.roles.some((role) => roles.includes(role)));
}
