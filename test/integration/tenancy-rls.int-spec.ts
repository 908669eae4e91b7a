import { Client } from 'pg';
import { TenantTransactionRunner } from '@sanshe/tenancy';
import { tenantTables } from '../support/schema';
import { District, TestApp, appRoleClient, openDistrict, ownerClient, startTestApp } from '../support/test-app';

async function inTenant<T>(client: Client, tenantId: string | null, fn: () => Promise<T>): Promise<T> {
  await client.query('BEGIN');
  try {
    if (tenantId) await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
    return await fn();
  } finally {
    await client.query('ROLLBACK');
  }
}

describe('row-level security as the application role', () => {
  let t: TestApp;
  let a: District;
  let b: District;
  let owner: Client;
  let app: Client;
  let tables: string[];

  beforeAll(async () => {
    t = await startTestApp();
    a = await openDistrict(t);
    b = await openDistrict(t);
    // Give both districts rows in the people tables too.
    await a.admin.post('/api/v1/members/invitations', { name: '甲', email: `a-${a.code}@example.cn`, roles: ['programme_officer'] }).expect(201);
    await b.admin.post('/api/v1/members/invitations', { name: '乙', email: `b-${b.code}@example.cn`, roles: ['programme_officer'] }).expect(201);
    owner = await ownerClient();
    app = await appRoleClient();
    tables = await tenantTables(owner);
  });

  afterAll(async () => {
    await owner.end();
    await app.end();
    await t.close();
  });

  it('knows the tenant tables (the guard below would be empty otherwise)', () => {
    expect(tables).toEqual(expect.arrayContaining(['places', 'memberships', 'invitations', 'outbox_events', 'notifications', 'audit_log']));
  });

  it('with no district set, the application role reads 0 rows from every tenant table', async () => {
    await inTenant(app, null, async () => {
      for (const table of tables) {
        const res = await app.query(`SELECT count(*)::int AS n FROM ${table}`);
        expect({ table, n: res.rows[0].n }).toEqual({ table, n: 0 });
      }
    });
  });

  it('with district A set, it reads only rows of A, and does read them', async () => {
    await inTenant(app, a.tenantId, async () => {
      for (const table of tables) {
        const res = await app.query(`SELECT count(*)::int AS n, count(*) FILTER (WHERE tenant_id <> $1)::int AS foreign FROM ${table}`, [a.tenantId]);
        expect({ table, foreign: res.rows[0].foreign }).toEqual({ table, foreign: 0 });
      }
      const places = await app.query(`SELECT count(*)::int AS n FROM places`);
      const members = await app.query(`SELECT count(*)::int AS n FROM memberships`);
      expect(places.rows[0].n).toBeGreaterThan(0);
      expect(members.rows[0].n).toBe(2);
    });
  });

  it('an insert carrying B\'s tenant_id under A is refused by the database', async () => {
    await inTenant(app, a.tenantId, async () => {
      await expect(
        app.query(`INSERT INTO places (tenant_id, parent_id, level, kind, name) VALUES ($1, $2, 'street', 'street', '越界街道')`, [b.tenantId, b.rootPlaceId]),
      ).rejects.toMatchObject({ code: '42501' });
    });
  });

  it('an update moving a row to B, or touching B\'s rows, is refused or touches nothing', async () => {
    await inTenant(app, a.tenantId, async () => {
      await app.query('SAVEPOINT s');
      await expect(app.query(`UPDATE places SET tenant_id = $1 WHERE id = $2`, [b.tenantId, a.rootPlaceId])).rejects.toMatchObject({ code: '42501' });
      await app.query('ROLLBACK TO SAVEPOINT s');
      const res = await app.query(`UPDATE places SET name = 'hijacked' WHERE id = $1`, [b.rootPlaceId]);
      expect(res.rowCount).toBe(0);
      const del = await app.query(`DELETE FROM places WHERE id = $1`, [b.rootPlaceId]).catch((e) => e);
      expect(del.code ?? del.rowCount).toBe('42501'); // no DELETE grant at all on places
    });
    await inTenant(app, b.tenantId, async () => {
      const res = await app.query(`SELECT name FROM places WHERE id = $1`, [b.rootPlaceId]);
      expect(res.rows[0].name).toBe(b.name);
    });
  });

  it('a row of A cannot point at a parent in B: the composite foreign key refuses it', async () => {
    await inTenant(app, a.tenantId, async () => {
      await expect(
        app.query(`INSERT INTO places (tenant_id, parent_id, level, kind, name) VALUES ($1, $2, 'street', 'street', '挂错街道')`, [a.tenantId, b.rootPlaceId]),
      ).rejects.toMatchObject({ code: '23503' });
    });
  });

  it('the application role cannot switch row-level security off or read the table unfiltered', async () => {
    await expect(app.query(`ALTER TABLE places DISABLE ROW LEVEL SECURITY`)).rejects.toMatchObject({ code: '42501' });
    await expect(app.query(`SET row_security = off; SELECT count(*) FROM places`)).rejects.toMatchObject({ code: '42501' });
    await app.query('RESET row_security');
  });

  it('the district setting never outlives its transaction on a pooled connection', async () => {
    const small = await startTestApp({ databasePoolSize: 1 });
    try {
      const runner = small.app.get(TenantTransactionRunner);
      const inA = await runner.run({ tenantId: a.tenantId }, async () => {
        const [row] = await (await import('@sanshe/common')).currentContext()!.manager!.query(`SELECT count(*)::int AS n FROM places`);
        return row.n;
      });
      expect(inA).toBeGreaterThan(0);
      const after = await runner.run({}, async () => {
        const m = (await import('@sanshe/common')).currentContext()!.manager!;
        const [row] = await m.query(`SELECT count(*)::int AS n, current_setting('app.tenant_id', true) AS setting FROM places`);
        return row;
      });
      expect(after).toEqual({ n: 0, setting: '' });
    } finally {
      await small.close();
    }
  });
});
