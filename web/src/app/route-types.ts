import type { ComponentType, LazyExoticComponent, ReactNode } from 'react';
import type { Role } from './session';

/**
 * One entry of the route table. Each domain declares its own in `pages/<domain>/routes.tsx` (exported as `routes`),
 * so a domain's pages, routes and translations live together and a new domain never edits a shared list.
 */
export interface AppRoute {
  path: string;
  /** i18n key of the menu label and page title, in the `common` namespace (menu.*). */
  nameKey: string;
  /** Who sees the entry and may open the page; absent = everyone signed in to a district. */
  roles?: Role[];
  page: LazyExoticComponent<ComponentType>;
  hideInMenu?: boolean;
  /** Menu icon: what the collapsed side menu (and a narrow window) shows instead of the label's first character. */
  icon?: ReactNode;
  /** Menu position: lower first. */
  order?: number;
  /** Public page (no sign-in, outside the shell), e.g. the district portal. */
  public?: boolean;
}

export const OFFICIALS: Role[] = ['district_admin', 'programme_officer', 'finance_officer'];
export const ORGANISATION: Role[] = ['org_admin', 'org_staff'];
