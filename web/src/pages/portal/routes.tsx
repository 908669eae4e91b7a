import { lazy } from 'react';
import type { AppRoute } from '../../app/route-types';

const Portal = lazy(() => import('./PortalPage'));

/** The district's public portal: one entry; the portal draws its own sub-pages (calls, notices, directory, registration). */
export const routes: AppRoute[] = [
  { path: '/portal/:districtCode/*', nameKey: 'menu.portal', page: Portal, public: true },
];
