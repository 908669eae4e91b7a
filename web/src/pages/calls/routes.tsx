import { FlagOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { OFFICIALS, ORGANISATION, type AppRoute } from '../../app/route-types';

export const routes: AppRoute[] = [
  { path: '/calls', nameKey: 'menu.calls', icon: <FlagOutlined />, roles: [...OFFICIALS, ...ORGANISATION], page: lazy(() => import('./CallsListPage')), order: 20 },
  { path: '/calls/new', nameKey: 'menu.calls', roles: ['district_admin', 'programme_officer'], page: lazy(() => import('./CallNewPage')), hideInMenu: true },
  { path: '/calls/:id', nameKey: 'menu.calls', roles: [...OFFICIALS, ...ORGANISATION], page: lazy(() => import('./CallDetailPage')), hideInMenu: true },
];
