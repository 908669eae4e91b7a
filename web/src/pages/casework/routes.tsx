import { BarChartOutlined, EditOutlined, SolutionOutlined, TeamOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AppRoute } from '../../app/route-types';

// The menu label lives in this domain's namespace (casework:menu.*), so adding casework pages never edits common.json.
export const routes: AppRoute[] = [
  { path: '/casework', nameKey: 'casework:menu.caseload', icon: <SolutionOutlined />, roles: ['social_worker', 'supervisor'], page: lazy(() => import('./CaseloadPage')), order: 25 },
  { path: '/casework/cases/:id', nameKey: 'casework:menu.caseload', roles: ['social_worker', 'supervisor', 'org_admin'], page: lazy(() => import('./CasePage')), hideInMenu: true },
  { path: '/casework/records/new', nameKey: 'casework:menu.record', icon: <EditOutlined />, roles: ['social_worker', 'supervisor'], page: lazy(() => import('./ServiceRecordPage')), order: 26 },
  { path: '/casework/people', nameKey: 'casework:people.menu', icon: <TeamOutlined />, roles: ['social_worker', 'supervisor', 'org_admin'], page: lazy(() => import('./PeoplePage')), order: 27 },
  { path: '/casework/people/:id', nameKey: 'casework:people.menu', roles: ['social_worker', 'supervisor', 'org_admin'], page: lazy(() => import('./PersonPage')), hideInMenu: true },
  { path: '/casework/overview', nameKey: 'casework:menu.aggregates', icon: <BarChartOutlined />, roles: ['district_admin', 'programme_officer'], page: lazy(() => import('./AggregatesPage')), order: 43 },
];
