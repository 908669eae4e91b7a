import { BarChartOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AppRoute } from '../../app/route-types';

export const routes: AppRoute[] = [
  // District officials see casework only as figures; the menu label lives in this domain's namespace.
  { path: '/casework/overview', nameKey: 'casework:menu.aggregates', icon: <BarChartOutlined />, roles: ['district_admin', 'programme_officer'], page: lazy(() => import('./AggregatesPage')), order: 43 },
];
