import { lazy } from 'react';
import { OFFICIALS, ORGANISATION, type AppRoute } from '../../app/route-types';

const ComingSoon = lazy(() => import('../errors/ComingSoonPage'));
const WHO = [...OFFICIALS, ...ORGANISATION, 'evaluator' as const];

export const routes: AppRoute[] = [
  { path: '/projects', nameKey: 'menu.projects', roles: WHO, page: ComingSoon, order: 30 },
  { path: '/projects/:id', nameKey: 'menu.projects', roles: WHO, page: ComingSoon, hideInMenu: true },
  { path: '/project-reports/:id', nameKey: 'menu.projects', roles: WHO, page: ComingSoon, hideInMenu: true },
];
