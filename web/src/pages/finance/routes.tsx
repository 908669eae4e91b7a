import { lazy } from 'react';
import type { AppRoute } from '../../app/route-types';

export const routes: AppRoute[] = [
  { path: '/finance/fund', nameKey: 'menu.fund', roles: ['finance_officer', 'district_admin'], page: lazy(() => import('./FundPage')), order: 40 },
  { path: '/finance/tranches', nameKey: 'menu.tranches', roles: ['finance_officer', 'district_admin'], page: lazy(() => import('./TranchesPage')), order: 41 },
];
