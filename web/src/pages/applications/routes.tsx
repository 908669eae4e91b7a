import { lazy } from 'react';
import { OFFICIALS, ORGANISATION, type AppRoute } from '../../app/route-types';

const ComingSoon = lazy(() => import('../errors/ComingSoonPage'));

export const routes: AppRoute[] = [
  { path: '/applications', nameKey: 'menu.applications', roles: ORGANISATION, page: ComingSoon, order: 21 },
  { path: '/applications/:id', nameKey: 'menu.applications', roles: [...OFFICIALS, ...ORGANISATION], page: ComingSoon, hideInMenu: true },
];
