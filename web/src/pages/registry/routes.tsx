import { lazy } from 'react';
import { OFFICIALS, ORGANISATION, type AppRoute } from '../../app/route-types';

const ComingSoon = lazy(() => import('../errors/ComingSoonPage'));

export const routes: AppRoute[] = [
  { path: '/organisations', nameKey: 'menu.organisations', roles: OFFICIALS, page: ComingSoon, order: 10 },
  { path: '/organisations/:id', nameKey: 'menu.organisations', roles: OFFICIALS, page: ComingSoon, hideInMenu: true },
  { path: '/my-organisation', nameKey: 'menu.myOrganisation', roles: ORGANISATION, page: ComingSoon, order: 11 },
];
