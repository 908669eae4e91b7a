import { lazy } from 'react';
import type { AppRoute } from '../../app/route-types';

const ComingSoon = lazy(() => import('../errors/ComingSoonPage'));

export const routes: AppRoute[] = [
  { path: '/evaluations', nameKey: 'menu.evaluations', roles: ['evaluator', 'programme_officer'], page: ComingSoon, order: 42 },
];
