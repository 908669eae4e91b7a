import { lazy } from 'react';
import { OFFICIALS, ORGANISATION, type AppRoute } from '../../app/route-types';

const ComingSoon = lazy(() => import('../errors/ComingSoonPage'));

export const routes: AppRoute[] = [
  { path: '/calls', nameKey: 'menu.calls', roles: [...OFFICIALS, ...ORGANISATION], page: ComingSoon, order: 20 },
  { path: '/calls/new', nameKey: 'menu.calls', roles: ['district_admin', 'programme_officer'], page: ComingSoon, hideInMenu: true },
  { path: '/calls/:id', nameKey: 'menu.calls', roles: [...OFFICIALS, ...ORGANISATION], page: ComingSoon, hideInMenu: true },
];
