import { AuditOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AppRoute } from '../../app/route-types';

const ReviewsListPage = lazy(() => import('./ReviewsListPage'));
const ReviewPage = lazy(() => import('./ReviewPage'));

export const routes: AppRoute[] = [
  { path: '/reviews', nameKey: 'menu.reviews', icon: <AuditOutlined />, roles: ['reviewer'], page: ReviewsListPage, order: 22 },
  // The workbench's review_to_score items link here by assignment id.
  { path: '/reviews/:assignmentId', nameKey: 'menu.reviews', roles: ['reviewer'], page: ReviewPage, hideInMenu: true },
];
