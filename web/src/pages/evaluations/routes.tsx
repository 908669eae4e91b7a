import { CheckSquareOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AppRoute } from '../../app/route-types';

export const routes: AppRoute[] = [
  { path: '/evaluations', nameKey: 'menu.evaluations', icon: <CheckSquareOutlined />, roles: ['evaluator', 'programme_officer'], page: lazy(() => import('./EvaluationsPage')), order: 42 },
];
