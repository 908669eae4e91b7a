import { FormOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { OFFICIALS, ORGANISATION, type AppRoute } from '../../app/route-types';

const ApplicationsListPage = lazy(() => import('./ApplicationsListPage'));
const ApplicationPage = lazy(() => import('./ApplicationPage'));

export const routes: AppRoute[] = [
  { path: '/applications', nameKey: 'menu.applications', icon: <FormOutlined />, roles: ORGANISATION, page: ApplicationsListPage, order: 21 },
  // Workbench kinds application_to_submit, application_to_screen and award_to_accept all land here.
  { path: '/applications/:id', nameKey: 'menu.applications', roles: [...OFFICIALS, ...ORGANISATION], page: ApplicationPage, hideInMenu: true },
];
