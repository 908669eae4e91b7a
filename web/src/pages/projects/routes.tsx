import { ProjectOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { OFFICIALS, ORGANISATION, type AppRoute } from '../../app/route-types';

const WHO = [...OFFICIALS, ...ORGANISATION, 'evaluator' as const];

export const routes: AppRoute[] = [
  { path: '/projects', nameKey: 'menu.projects', icon: <ProjectOutlined />, roles: WHO, page: lazy(() => import('./ProjectsListPage')), order: 30 },
  { path: '/projects/:id', nameKey: 'menu.projects', roles: WHO, page: lazy(() => import('./ProjectDetailPage')), hideInMenu: true },
  { path: '/project-reports/:id', nameKey: 'menu.projects', roles: WHO, page: lazy(() => import('./ReportPage')), hideInMenu: true },
];
