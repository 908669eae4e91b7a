import { Client } from 'pg';

/**
 * Fills a district with `rows` places (one street per 20 communities) as the schema owner, in set-based SQL, so
 * 300,000 rows take seconds, not an hour of API calls. Communities are spread over the streets by row number
 * (a per-row lookup of "the n-th street" would be quadratic).
 */
export async function seedPlaces(owner: Client, tenantId: string, rows: number): Promise<void> {
  await owner.query('BEGIN');
  await owner.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
  const [{ id: rootId }] = (await owner.query(`SELECT id FROM places WHERE tenant_id = $1 AND parent_id IS NULL`, [tenantId])).rows;
  const streets = Math.max(1, Math.floor(rows / 20));
  await owner.query(
    `INSERT INTO places (tenant_id, parent_id, level, kind, name)
     SELECT $1, $2, 'street', 'street', '街道' || lpad(g::text, 6, '0') FROM generate_series(1, $3) g`, [tenantId, rootId, streets]);
  await owner.query(
    `INSERT INTO places (tenant_id, parent_id, level, kind, name)
     SELECT $1, s.id, 'community', 'community', '社区' || lpad(g::text, 7, '0')
       FROM generate_series(1, $2) g
       JOIN (SELECT id, row_number() OVER (ORDER BY name) - 1 AS n FROM places WHERE parent_id = $3) s ON s.n = g % $4`,
    [tenantId, rows - streets, rootId, streets]);
  await owner.query('COMMIT');
}

/**
 * Fills a district with `rows` organisations as the owner, set-based like `seedPlaces`: one in ten still a draft, the
 * rest verified, so the registry's status tabs count something in each.
 */
export async function seedOrganisations(owner: Client, tenantId: string, rows: number): Promise<void> {
  await owner.query('BEGIN');
  await owner.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
  await owner.query(
    `INSERT INTO organisations (tenant_id, name, credit_code, org_type, registration_authority, registered_on, legal_representative, status, source)
     SELECT $1, '压测社会组织' || lpad(g::text, 7, '0'), '5151' || lpad(g::text, 14, '0'), 'social_service_agency', '压测区民政局', DATE '2020-01-01',
            '法定代表人', CASE WHEN g % 10 = 0 THEN 'draft' ELSE 'verified' END, 'district'
       FROM generate_series(1, $2) g`, [tenantId, rows]);
  await owner.query('COMMIT');
}

/** After a bulk load: fresh statistics and a visibility map, as autovacuum would leave them on a live system. */
export async function settle(owner: Client): Promise<void> {
  await owner.query('VACUUM ANALYZE places');
  await owner.query('VACUUM ANALYZE organisations');
}

/**
 * Invitations travel only by mail, and the bench runs no mail server: it activates a district's first admin as the
 * owner (password set, membership active) so the measured requests are an ordinary signed-in admin's.
 */
export async function activateFirstAdmin(owner: Client, tenantId: string, phone: string, passwordHash: string): Promise<void> {
  await owner.query('BEGIN');
  await owner.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
  await owner.query(`UPDATE users SET password_hash = $1 WHERE phone = $2`, [passwordHash, phone]);
  await owner.query(`UPDATE memberships SET status = 'active' WHERE tenant_id = $1 AND user_id = (SELECT id FROM users WHERE phone = $2)`, [tenantId, phone]);
  await owner.query('COMMIT');
}
