import { BankOutlined, IdcardOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { OFFICIALS, ORGANISATION, type AppRoute } from '../../app/route-types';

const Organisations = lazy(() => import('./OrganisationsPage'));
const Organisation = lazy(() => import('./OrganisationPage'));
const MyOrganisation = lazy(() => import('./MyOrganisationPage'));

// The workbench's organisation_to_verify and qualification_to_review items both link to /organisations/:id.
export const routes: AppRoute[] = [
  { path: '/organisations', nameKey: 'menu.organisations', icon: <BankOutlined />, roles: OFFICIALS, page: Organisations, order: 10 },
  { path: '/organisations/:id', nameKey: 'menu.organisations', roles: OFFICIALS, page: Organisation, hideInMenu: true },
  { path: '/my-organisation', nameKey: 'menu.myOrganisation', icon: <IdcardOutlined />, roles: ORGANISATION, page: MyOrganisation, order: 11 },
];
