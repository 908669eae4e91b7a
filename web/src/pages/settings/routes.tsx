import { lazy } from 'react';
import type { AppRoute } from '../../app/route-types';

const ComingSoon = lazy(() => import('../errors/ComingSoonPage'));

export const routes: AppRoute[] = [
  { path: '/settings/members', nameKey: 'menu.members', roles: ['district_admin'], page: ComingSoon, order: 90 },
  { path: '/settings/places', nameKey: 'menu.places', roles: ['district_admin'], page: ComingSoon, order: 91 },
  { path: '/settings/district', nameKey: 'menu.districtSettings', roles: ['district_admin'], page: ComingSoon, order: 92 },
];
