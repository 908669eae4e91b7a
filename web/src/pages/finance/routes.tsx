import { MoneyCollectOutlined, TransactionOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AppRoute } from '../../app/route-types';

export const routes: AppRoute[] = [
  { path: '/finance/fund', nameKey: 'menu.fund', icon: <MoneyCollectOutlined />, roles: ['finance_officer', 'district_admin'], page: lazy(() => import('./FundPage')), order: 40 },
  { path: '/finance/tranches', nameKey: 'menu.tranches', icon: <TransactionOutlined />, roles: ['finance_officer', 'programme_officer', 'district_admin'], page: lazy(() => import('./TranchesPage')), order: 41 },
];
