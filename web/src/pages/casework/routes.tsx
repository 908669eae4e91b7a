import { EditOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AppRoute } from '../../app/route-types';

export const routes: AppRoute[] = [
  {
    path: '/casework/records/new', nameKey: 'casework:menu.record', icon: <EditOutlined />, roles: ['social_worker', 'supervisor'],
    page: lazy(() => import('./ServiceRecordPage')), order: 5,
  },
];
