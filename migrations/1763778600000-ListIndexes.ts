import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One index per list filter and order, so a keyset page (`keysetPage` in libs/database) reads limit + 1 index
 * entries and its capped total at most cap + 1, whatever the district's size. Each is
 * `(tenant_id, <equality filters>, <sort key>, id)`: tenant first for row-level security, then what the list
 * filters on, then the order with the id that breaks ties (the cursor is sort key + id).
 * Indexes that are a prefix of a new one are dropped (down() puts them back).
 */
const CREATED: Array<[name: string, definition: string]> = [
  // places: ORDER BY name, id; status always, level / parent optional (places_list_idx covers level + status)
  ['places_status_name_idx', 'places (tenant_id, status, name, id)'],
  ['places_parent_list_idx', 'places (tenant_id, parent_id, status, name, id)'],
  // projects: ORDER BY created_at DESC, id DESC; officials see all, organisations their own; status / officer filters
  ['projects_created_idx', 'projects (tenant_id, created_at DESC, id DESC)'],
  ['projects_org_list_idx', 'projects (tenant_id, organisation_id, created_at DESC, id DESC)'],
  ['projects_officer_list_idx', 'projects (tenant_id, officer_user_id, created_at DESC, id DESC)'],
  ['project_changes_list_idx', 'project_changes (tenant_id, project_id, created_at DESC, id DESC)'],
  // casework
  ['pii_access_log_beneficiary_idx', 'pii_access_log (tenant_id, beneficiary_id, occurred_at DESC, id DESC)'],
  ['beneficiaries_community_list_idx', 'beneficiaries (tenant_id, community_id, created_at DESC, id DESC)'],
  ['cases_org_status_idx', 'cases (tenant_id, organisation_id, status, created_at DESC, id DESC)'],
  ['cases_worker_list_idx', 'cases (tenant_id, worker_membership_id, created_at DESC, id DESC)'],
  // calls and applications
  ['calls_list_idx', 'calls (tenant_id, created_at DESC, id DESC)'],
  ['calls_status_list_idx', 'calls (tenant_id, status, created_at DESC, id DESC)'],
  ['applications_org_list_idx', 'applications (tenant_id, organisation_id, created_at, id)'],
  ['applications_call_list_idx', 'applications (tenant_id, call_id, created_at, id)'],
  ['applications_submitted_list_idx', 'applications (tenant_id, created_at, id) WHERE reference_no IS NOT NULL'],
  // notifications: all, and unread only (the badge and the "unread" tab)
  ['notifications_list_idx', 'notifications (tenant_id, user_id, created_at DESC, id DESC)'],
  ['notifications_unread_idx', 'notifications (tenant_id, user_id, created_at DESC, id DESC) WHERE read_at IS NULL'],
  // members: ORDER BY created_at DESC, id DESC; status tabs; an organisation's staff
  ['memberships_list_idx', 'memberships (tenant_id, created_at DESC, id DESC)'],
  ['memberships_status_list_idx', 'memberships (tenant_id, status, created_at DESC, id DESC)'],
  ['memberships_org_list_idx', 'memberships (tenant_id, organisation_id, created_at DESC, id DESC) WHERE organisation_id IS NOT NULL'],
  // organisations: ORDER BY name, id (organisations_name_idx) with status tabs; the public directory is status = verified
  ['organisations_status_name_idx', 'organisations (tenant_id, status, name, id)'],
  ['organisation_qualifications_list_idx', 'organisation_qualifications (tenant_id, created_at DESC, id DESC)'],
  ['organisation_qualifications_status_list_idx', 'organisation_qualifications (tenant_id, status, created_at DESC, id DESC)'],
  // a fund's statement: ORDER BY seq DESC, id DESC
  ['ledger_postings_statement_idx', 'ledger_postings (tenant_id, account_id, seq DESC, id DESC)'],
];

/** Prefixes of the indexes above, with their old definitions for down(). */
const SUPERSEDED: Array<[name: string, definition: string]> = [
  ['places_parent_idx', 'places (tenant_id, parent_id)'],
  ['projects_org_idx', 'projects (tenant_id, organisation_id)'],
  ['project_changes_project_idx', 'project_changes (tenant_id, project_id, created_at)'],
  ['beneficiaries_community_idx', 'beneficiaries (tenant_id, community_id)'],
  ['notifications_user_idx', 'notifications (tenant_id, user_id, created_at DESC)'],
  ['memberships_organisation_idx', 'memberships (tenant_id, organisation_id) WHERE organisation_id IS NOT NULL'],
  ['organisation_qualifications_status_idx', 'organisation_qualifications (tenant_id, status)'],
  ['ledger_postings_account_idx', 'ledger_postings (tenant_id, account_id, seq)'],
];

export class ListIndexes1763778600000 implements MigrationInterface {
  name = 'ListIndexes1763778600000';

  async up(q: QueryRunner): Promise<void> {
    for (const [name, def] of CREATED) await q.query(`CREATE INDEX ${name} ON ${def}`);
    for (const [name] of SUPERSEDED) await q.query(`DROP INDEX ${name}`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [name, def] of SUPERSEDED) await q.query(`CREATE INDEX ${name} ON ${def}`);
    for (const [name] of [...CREATED].reverse()) await q.query(`DROP INDEX ${name}`);
  }
}
