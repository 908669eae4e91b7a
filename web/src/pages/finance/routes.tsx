import { lazy } from 'react';
import type { AppRoute } from '../../app/route-types';

const ComingSoon = lazy(() => import('../errors/ComingSoonPage'));

export const routes: AppRoute[] = [
  { path: '/finance/fund', nameKey: 'menu.fund', roles: ['finance_officer', 'district_admin'], page: ComingSoon, order: 40 },
  { path: '/finance/tranches', nameKey: 'menu.tranches', roles: ['finance_officer', 'district_admin'], page: ComingSoon, order: 41 },
];
