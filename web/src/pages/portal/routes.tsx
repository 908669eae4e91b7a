import { lazy } from 'react';
import type { AppRoute } from '../../app/route-types';

const ComingSoon = lazy(() => import('../errors/ComingSoonPage'));

/** The district's public portal: one entry; the portal draws its own sub-pages (calls, notices, directory, registration). */
export const routes: AppRoute[] = [
  { path: '/portal/:districtCode/*', nameKey: 'menu.portal', page: ComingSoon, public: true },
];
