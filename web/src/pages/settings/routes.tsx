import { ApartmentOutlined, SettingOutlined, UserAddOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AppRoute } from '../../app/route-types';

const Members = lazy(() => import('./MembersPage'));
const Places = lazy(() => import('./PlacesPage'));
const DistrictSettings = lazy(() => import('./DistrictSettingsPage'));

export const routes: AppRoute[] = [
  { path: '/settings/members', nameKey: 'menu.members', icon: <UserAddOutlined />, roles: ['district_admin'], page: Members, order: 90 },
  { path: '/settings/places', nameKey: 'menu.places', icon: <ApartmentOutlined />, roles: ['district_admin'], page: Places, order: 91 },
  { path: '/settings/district', nameKey: 'menu.districtSettings', icon: <SettingOutlined />, roles: ['district_admin'], page: DistrictSettings, order: 92 },
];
