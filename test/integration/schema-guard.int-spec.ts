import { Client } from 'pg';
import { tenantTables } from '../support/schema';
import { ownerClient } from '../support/test-app';

/**
 * One tenant table from each migration and module. The guard derives its list from the catalog (so a new table
 * cannot be forgotten) and must see at least these — a failed or empty migration cannot pass it vacuously.
 */
const KNOWN_TENANT_TABLES = [
  'places', 'memberships', 'invitations', 'outbox_events', 'notifications', 'notification_deliveries', 'audit_log',
  'organisations', 'organisation_qualifications', 'attachments', 'ledger_accounts', 'ledger_entries', 'ledger_postings',
  'beneficiaries', 'cases', 'service_records', 'tenant_keys', 'calls', 'applications', 'review_assignments', 'awards',
  'projects', 'project_tranches', 'project_reports',
];
/** The schema has 60 tenant tables today; new ones only raise the count (lower it only when a table is dropped). */
const MIN_TENANT_TABLES = 60;

describe('schema guard: the build fails if a tenant table is left unprotected', () => {
  let owner: Client;
  beforeAll(async () => { owner = await ownerClient(); });
  afterAll(async () => { await owner.end(); });

  it('inspects every tenant table there is: at least the known ones, so an empty or half-migrated schema fails', async () => {
    const tables = await tenantTables(owner);
    expect(tables).toEqual(expect.arrayContaining(KNOWN_TENANT_TABLES));
    expect(tables.length).toBeGreaterThanOrEqual(MIN_TENANT_TABLES);
  });

  it('every table with tenant_id has ENABLE + FORCE row-level security, a tenant policy and a tenant-leading index', async () => {
    const tables = await tenantTables(owner);
    const problems: string[] = [];
    const inspected: string[] = [];
    for (const table of tables) {
      inspected.push(table);
      const rls = await owner.query(`SELECT relrowsecurity, relforcerowsecurity FROM pg_class WHERE oid = $1::regclass`, [table]);
      if (!rls.rows[0].relrowsecurity) problems.push(`${table}: row-level security not enabled`);
      if (!rls.rows[0].relforcerowsecurity) problems.push(`${table}: row-level security not forced`);
      const policy = await owner.query(
        `SELECT 1 FROM pg_policies WHERE tablename = $1 AND policyname = 'tenant_isolation' AND qual LIKE '%app.tenant_id%' AND with_check LIKE '%app.tenant_id%'`, [table]);
      if (!policy.rowCount) problems.push(`${table}: no tenant_isolation policy on reads and writes`);
      const index = await owner.query(
        `SELECT 1 FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
          WHERE i.indrelid = $1::regclass AND a.attname = 'tenant_id'`, [table]);
      if (!index.rowCount) problems.push(`${table}: no index leading with tenant_id`);
      const unique = await owner.query(
        `SELECT 1 FROM pg_index i WHERE i.indrelid = $1::regclass AND i.indisunique AND i.indnatts = 2
            AND (SELECT array_agg(attname ORDER BY array_position(i.indkey::int2[], attnum)) FROM pg_attribute WHERE attrelid = i.indrelid AND attnum = ANY(i.indkey)) = ARRAY['tenant_id','id']::name[]`, [table]);
      if (!unique.rowCount) problems.push(`${table}: no unique (tenant_id, id)`);
    }
    // Zero problems counts only if the loop saw the tables: an empty catalog answer would pass vacuously.
    expect(inspected.length).toBeGreaterThanOrEqual(MIN_TENANT_TABLES);
    expect(inspected).toEqual(expect.arrayContaining(KNOWN_TENANT_TABLES));
    expect(problems).toEqual([]);
  });

  it('foreign keys between tenant tables go through (tenant_id, …)', async () => {
    const res = await owner.query(`
      SELECT con.conname, con.conrelid::regclass::text AS child, con.confrelid::regclass::text AS parent,
             (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
                JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum) AS cols
        FROM pg_constraint con
       WHERE con.contype = 'f'
         AND EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = con.conrelid AND attname = 'tenant_id')
         AND EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = con.confrelid AND attname = 'tenant_id')`);
    const bad = res.rows.filter((r) => r.cols[0] !== 'tenant_id').map((r) => `${r.child} -> ${r.parent} (${r.cols.join(', ')})`);
    expect(bad).toEqual([]);
  });

  it('the application role is neither superuser, nor owner of any table, nor able to bypass RLS', async () => {
    const role = process.env.DATABASE_APP_ROLE ?? 'sanshe_app';
    const r = await owner.query(`SELECT rolsuper, rolbypassrls, rolcreaterole, rolcreatedb FROM pg_roles WHERE rolname = $1`, [role]);
    expect(r.rows[0]).toEqual({ rolsuper: false, rolbypassrls: false, rolcreaterole: false, rolcreatedb: false });
    const owned = await owner.query(`SELECT count(*)::int AS n FROM pg_tables WHERE tableowner = $1`, [role]);
    expect(owned.rows[0].n).toBe(0);
    const memberOf = await owner.query(
      `SELECT count(*)::int AS n FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.member WHERE r.rolname = $1`, [role]);
    expect(memberOf.rows[0].n).toBe(0);
  });

  it('the audit log is append-only, even for the schema owner', async () => {
    await owner.query('BEGIN');
    try {
      await expect(owner.query(`UPDATE audit_log SET action = 'x'`)).rejects.toMatchObject({ code: '42501' });
    } finally {
      await owner.query('ROLLBACK');
    }
    await owner.query('BEGIN');
    try {
      await expect(owner.query(`DELETE FROM audit_log`)).rejects.toMatchObject({ code: '42501' });
    } finally {
      await owner.query('ROLLBACK');
    }
  });
});
