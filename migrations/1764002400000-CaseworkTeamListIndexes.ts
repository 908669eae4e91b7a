import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The casework team's lists (groups, community events, supervision assignments, referrals) became keyset pages:
 * one index per filter and order, `(tenant_id, <equality filters>, <sort key>, id)`, as in ListIndexes. Supervision
 * assignments list the current ones by default and the ended ones on request, so each has a partial index.
 * Indexes that are a prefix of a new one are dropped (down() puts them back).
 */
const CREATED: Array<[name: string, definition: string]> = [
  ['casework_groups_list_idx', 'casework_groups (tenant_id, organisation_id, created_at DESC, id DESC)'],
  ['casework_groups_status_list_idx', 'casework_groups (tenant_id, organisation_id, status, created_at DESC, id DESC)'],
  ['community_events_list_idx', 'community_events (tenant_id, organisation_id, held_on DESC, id DESC)'],
  ['community_events_community_list_idx', 'community_events (tenant_id, organisation_id, community_id, held_on DESC, id DESC)'],
  ['supervision_assignments_active_list_idx', 'supervision_assignments (tenant_id, organisation_id, started_at DESC, id DESC) WHERE ended_at IS NULL'],
  ['supervision_assignments_ended_list_idx', 'supervision_assignments (tenant_id, organisation_id, started_at DESC, id DESC) WHERE ended_at IS NOT NULL'],
  ['referrals_to_list_idx', 'referrals (tenant_id, to_organisation_id, created_at DESC, id DESC)'],
  ['referrals_to_status_list_idx', 'referrals (tenant_id, to_organisation_id, status, created_at DESC, id DESC)'],
  ['referrals_from_list_idx', 'referrals (tenant_id, from_organisation_id, created_at DESC, id DESC)'],
  ['referrals_from_status_list_idx', 'referrals (tenant_id, from_organisation_id, status, created_at DESC, id DESC)'],
];

const SUPERSEDED: Array<[name: string, definition: string]> = [
  ['casework_groups_org_idx', 'casework_groups (tenant_id, organisation_id, created_at DESC)'],
  ['community_events_org_idx', 'community_events (tenant_id, organisation_id, held_on DESC)'],
  ['referrals_to_idx', 'referrals (tenant_id, to_organisation_id, status)'],
];

export class CaseworkTeamListIndexes1764002400000 implements MigrationInterface {
  name = 'CaseworkTeamListIndexes1764002400000';

  async up(q: QueryRunner): Promise<void> {
    for (const [name, def] of CREATED) await q.query(`CREATE INDEX ${name} ON ${def}`);
    for (const [name] of SUPERSEDED) await q.query(`DROP INDEX ${name}`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [name, def] of SUPERSEDED) await q.query(`CREATE INDEX ${name} ON ${def}`);
    for (const [name] of [...CREATED].reverse()) await q.query(`DROP INDEX ${name}`);
  }
}
