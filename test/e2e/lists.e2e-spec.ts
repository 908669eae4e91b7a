import { Client } from 'pg';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { District, Session, TestApp, appRoleClient, openDistrict, ownerClient, startTestApp } from '../support/test-app';

/**
 * Lists page by keyset and count only up to a cap (LIST_COUNT_CAP; 20 here so a few rows cross it). Rows are
 * seeded as the owner in set-based SQL, with many ties on the sort key, so the paging itself is what is tested.
 */
const CAP = 20;

type Item = { id: string };
type ListBody = { items: Item[]; total: number; totalKind: 'exact' | 'atLeast'; nextCursor: string | null };

/** Follows nextCursor to the end; every page must come back 200 and within the limit. */
async function pageThrough(s: Session, path: string, limit: number): Promise<{ ids: string[]; pages: ListBody[] }> {
  const ids: string[] = [];
  const pages: ListBody[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 1000; i++) {
    const sep = path.includes('?') ? '&' : '?';
    const res = await s.get(`${path}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`).expect(200);
    const body = res.body as ListBody;
    expect(body.items.length).toBeLessThanOrEqual(limit);
    pages.push(body);
    ids.push(...body.items.map((x) => x.id));
    cursor = body.nextCursor;
    if (!cursor) return { ids, pages };
  }
  throw new Error(`${path}: more than 1000 pages`);
}

/** Statements the app sent that came from the shared list helper (page or capped count), with their parameters. */
const captured: Array<{ sql: string; params: unknown[] }> = [];
let capturing = true;

describe('list pages cost the same whatever the district size', () => {
  let t: TestApp;
  let d: District;
  let owner: Client;
  const originalQuery = PostgresQueryRunner.prototype.query;

  beforeAll(async () => {
    PostgresQueryRunner.prototype.query = function (this: PostgresQueryRunner, sql: string, params?: unknown[], ...rest: unknown[]) {
      if (capturing && /keyset_sort_key|\) capped/.test(sql)) captured.push({ sql, params: [...((params as unknown[]) ?? [])] });
      return (originalQuery as (...a: unknown[]) => Promise<unknown>).call(this, sql, params, ...rest);
    } as typeof originalQuery;
    t = await startTestApp({ listCountCap: CAP });
    d = await openDistrict(t);
    owner = await ownerClient();
  });
  afterAll(async () => {
    PostgresQueryRunner.prototype.query = originalQuery;
    await owner.end();
    await t.close();
  });

  /** Runs SQL as the owner inside the district (the owner is subject to forced RLS too). */
  async function asOwner(sql: string, params: unknown[] = []) {
    await owner.query('BEGIN');
    try {
      await owner.query(`SELECT set_config('app.tenant_id', $1, true)`, [d.tenantId]);
      const res = await owner.query(sql, params);
      await owner.query('COMMIT');
      return res.rows;
    } catch (err) {
      await owner.query('ROLLBACK');
      throw err;
    }
  }

  it('paging through communities returns each exactly once, in the database order, even when names tie', async () => {
    // 4 streets × 12 communities with the same 12 names under each street: every name ties four times.
    await asOwner(
      `INSERT INTO places (tenant_id, parent_id, level, kind, name)
       SELECT $1, $2, 'street', 'street', '分页街道' || g FROM generate_series(1, 4) g`, [d.tenantId, d.rootPlaceId]);
    await asOwner(
      `INSERT INTO places (tenant_id, parent_id, level, kind, name)
       SELECT $1, s.id, 'community', 'community', '同名社区' || g
         FROM (SELECT id FROM places WHERE name LIKE '分页街道%') s, generate_series(1, 12) g`,
      [d.tenantId]);
    const expected = (await asOwner(`SELECT id FROM places WHERE level = 'community' AND status = 'active' ORDER BY name, id`)).map((r) => r.id);
    expect(expected.length).toBeGreaterThan(CAP);

    const { ids, pages } = await pageThrough(d.admin, '/api/v1/places?level=community', 7);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expected);
    // Above the cap the total is the cap and says so, on every page alike.
    for (const p of pages) expect({ total: p.total, totalKind: p.totalKind }).toEqual({ total: CAP, totalKind: 'atLeast' });

    // One street's communities are fewer than the cap: counted exactly.
    const [street] = await asOwner(`SELECT id FROM places WHERE name = '分页街道1'`);
    const one = await d.admin.get(`/api/v1/places?parentId=${street.id}`).expect(200);
    expect({ total: one.body.total, totalKind: one.body.totalKind }).toEqual({ total: 12, totalKind: 'exact' });
  });

  it('rows sharing a timestamp, or a millisecond, are neither skipped nor repeated (newest first)', async () => {
    // 15 notifications at one instant and 15 a microsecond apart inside one millisecond: a cursor rounded to
    // milliseconds would lose or repeat some of them.
    // Each from its own event (marked dispatched, so the relay leaves them alone).
    await asOwner(
      `WITH e AS (INSERT INTO outbox_events (tenant_id, type, payload, dispatched_at)
                  SELECT $1, 'test.paging', jsonb_build_object('g', g), now() FROM generate_series(1, 30) g RETURNING id, (payload->>'g')::int AS g)
       INSERT INTO notifications (tenant_id, user_id, kind, title_zh, title_en, body_zh, body_en, data, created_at, source_event_id)
       SELECT $1, $2, 'test.paging', '分页' || g, 'paging ' || g, '', '', '{}'::jsonb,
              CASE WHEN g <= 15 THEN timestamptz '2026-01-01 08:00:00.123456+08' ELSE timestamptz '2026-01-01 08:00:00.500000+08' + (g || ' microseconds')::interval END,
              e.id
         FROM e`,
      [d.tenantId, d.admin.userId]);
    const expected = (await asOwner(`SELECT id FROM notifications WHERE user_id = $1 ORDER BY created_at DESC, id DESC`, [d.admin.userId])).map((r) => r.id);
    const { ids, pages } = await pageThrough(d.admin, '/api/v1/notifications', 4);
    expect(ids).toEqual(expected);
    expect(pages[0].totalKind).toBe('atLeast');

    // Read some: the unread tab is under the cap and exact, its badge agrees.
    await asOwner(`UPDATE notifications SET read_at = now() WHERE user_id = $1 AND kind = 'test.paging' AND title_en <> 'paging 3'`, [d.admin.userId]);
    const unreadExpected = (await asOwner(`SELECT id FROM notifications WHERE user_id = $1 AND read_at IS NULL ORDER BY created_at DESC, id DESC`, [d.admin.userId])).map((r) => r.id);
    const unread = await pageThrough(d.admin, '/api/v1/notifications?unread=true', 1);
    expect(unread.ids).toEqual(unreadExpected);
    expect(unread.pages[0]).toMatchObject({ total: unreadExpected.length, totalKind: 'exact', unread: unreadExpected.length });
  });

  it('members with the same joining instant page completely; the tab counts cap like the total', async () => {
    await asOwner(
      `WITH u AS (INSERT INTO users (email, name) SELECT 'paging-' || gen_random_uuid() || '@example.test', '成员' || g
                    FROM generate_series(1, 25) g RETURNING id)
       INSERT INTO memberships (tenant_id, user_id, roles, status) SELECT $1, u.id, ARRAY['programme_officer'], 'invited' FROM u`,
      [d.tenantId]);
    const expected = (await asOwner(`SELECT id FROM memberships ORDER BY created_at DESC, id DESC`)).map((r) => r.id);
    const { ids, pages } = await pageThrough(d.admin, '/api/v1/members', 6);
    expect(ids).toEqual(expected);
    const first = pages[0] as ListBody & { counts: Record<string, number> };
    expect(first.totalKind).toBe(expected.length > CAP ? 'atLeast' : 'exact');
    expect(first.counts.invited).toBe(Math.min(CAP, expected.length - 1));
    expect(first.counts.active).toBe(1);
    const active = await d.admin.get('/api/v1/members?status=active').expect(200);
    expect(active.body).toMatchObject({ total: 1, totalKind: 'exact' });
  });

  it('a tampered cursor is a 400 with a stable code, not a database error', async () => {
    capturing = false; // these statements are meant to fail; the plan check below explains the others
    const bad = Buffer.from(JSON.stringify(['not a time', '00000000-0000-0000-0000-000000000000'])).toString('base64url');
    const res = await d.admin.get(`/api/v1/notifications?cursor=${bad}`);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    const nul = Buffer.from(JSON.stringify(['a\u0000', '00000000-0000-0000-0000-000000000000'])).toString('base64url');
    expect((await d.admin.get(`/api/v1/places?cursor=${nul}`)).status).toBe(400);
    capturing = true;
  });

  it('every list page and capped count the app ran can be answered from an index without sorting', async () => {
    // The lists a district admin reads (the ones above ran already), each once more with a filter and a cursor.
    for (const p of ['/api/v1/organisations', '/api/v1/organisations?status=verified', '/api/v1/organisation-qualifications',
      '/api/v1/organisation-qualifications?status=applied', '/api/v1/calls', '/api/v1/calls?status=published', '/api/v1/applications',
      '/api/v1/projects', '/api/v1/projects?status=active', '/api/v1/places', '/api/v1/members?status=invited',
      `/api/v1/public/districts/${d.code}/qualified-organisations`]) {
      const res = await (p.includes('/public/') ? t.http.get(p) : d.admin.get(p));
      expect([p, res.status]).toEqual([p, 200]);
    }
    // The first run of each statement (a later one may carry the tampered cursor from the test above).
    const distinct = new Map<string, (typeof captured)[number]>();
    for (const c of captured) if (!distinct.has(c.sql)) distinct.set(c.sql, c);
    expect(distinct.size).toBeGreaterThanOrEqual(15);
    const app: Client = await appRoleClient();
    const failures: string[] = [];
    try {
      for (const { sql, params } of distinct.values()) {
        await app.query('BEGIN');
        try {
          await app.query(`SELECT set_config('app.tenant_id', $1, true), set_config('app.user_id', $2, true)`, [d.tenantId, d.admin.userId]);
          // Turned off, a sequential scan or a sort is still chosen when nothing else can answer: its presence
          // means no index matches the filter or the order.
          for (const s of ['enable_seqscan', 'enable_sort', 'enable_incremental_sort']) await app.query(`SET LOCAL ${s} = off`);
          const plan = (await app.query(`EXPLAIN ${sql}`, params)).rows.map((r) => r['QUERY PLAN'] as string).join('\n');
          // A page's own order (its last ORDER BY) must come from the index; sorts inside sub-selects are not the page's.
          const order = /ORDER BY ([^\n]+) LIMIT \d+\s*$/.exec(sql)?.[1];
          if (/Seq Scan/.test(plan) || (order && plan.includes(`Sort Key: ${order.replace(/ ASC/g, '')}`))) failures.push(`${sql}\n${plan}`);
        } finally {
          await app.query('ROLLBACK');
        }
      }
    } finally {
      await app.end();
    }
    expect(failures).toEqual([]);
  });
});
