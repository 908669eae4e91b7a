import { lazy } from 'react';
import type { AppRoute } from '../../app/route-types';

const ComingSoon = lazy(() => import('../errors/ComingSoonPage'));

export const routes: AppRoute[] = [
  { path: '/reviews', nameKey: 'menu.reviews', roles: ['reviewer'], page: ComingSoon, order: 22 },
  { path: '/reviews/:assignmentId', nameKey: 'menu.reviews', roles: ['reviewer'], page: ComingSoon, hideInMenu: true },
];
