import { Client } from 'pg';
import { ListPage, ListStatements, asOwnerIn, pageThrough, plansNeedingASort } from '../support/lists';
import { District, TestApp, openDistrict, ownerClient, startTestApp } from '../support/test-app';

/**
 * Lists page by keyset and count only up to a cap (LIST_COUNT_CAP; 20 here so a few rows cross it). Rows are
 * seeded as the owner in set-based SQL, with many ties on the sort key, so the paging itself is what is tested.
 */
const CAP = 20;

/** Statements the app sent that came from the shared list helper (page or capped count), with their parameters. */
const statements = new ListStatements();

describe('list pages cost the same whatever the district size', () => {
  let t: TestApp;
  let d: District;
  let owner: Client;

  beforeAll(async () => {
    statements.install();
    t = await startTestApp({ listCountCap: CAP });
    d = await openDistrict(t);
    owner = await ownerClient();
  });
  afterAll(async () => {
    statements.uninstall();
    await owner.end();
    await t.close();
  });

  /** Runs SQL as the owner inside the district (the owner is subject to forced RLS too). */
  const asOwner = (sql: string, params: unknown[] = []) => asOwnerIn(owner, d.tenantId, sql, params);

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

    // Above the cap the total is the cap and says so, on every page alike.
    await pageThrough(d.admin, '/api/v1/places?level=community', 7, { ids: expected, total: CAP, totalKind: 'atLeast' });

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
    await pageThrough(d.admin, '/api/v1/notifications', 4, { ids: expected, totalKind: 'atLeast' });

    // Read some: the unread tab is under the cap and exact, its badge agrees.
    await asOwner(`UPDATE notifications SET read_at = now() WHERE user_id = $1 AND kind = 'test.paging' AND title_en <> 'paging 3'`, [d.admin.userId]);
    const unreadExpected = (await asOwner(`SELECT id FROM notifications WHERE user_id = $1 AND read_at IS NULL ORDER BY created_at DESC, id DESC`, [d.admin.userId])).map((r) => r.id);
    const unread = await pageThrough(d.admin, '/api/v1/notifications?unread=true', 1, { ids: unreadExpected, total: unreadExpected.length, totalKind: 'exact' });
    expect(unread.pages[0]).toMatchObject({ unread: unreadExpected.length });
  });

  it('members with the same joining instant page completely; the tab counts cap like the total', async () => {
    await asOwner(
      `WITH u AS (INSERT INTO users (email, name) SELECT 'paging-' || gen_random_uuid() || '@example.test', '成员' || g
                    FROM generate_series(1, 25) g RETURNING id)
       INSERT INTO memberships (tenant_id, user_id, roles, status) SELECT $1, u.id, ARRAY['programme_officer'], 'invited' FROM u`,
      [d.tenantId]);
    const expected = (await asOwner(`SELECT id FROM memberships ORDER BY created_at DESC, id DESC`)).map((r) => r.id);
    const { pages } = await pageThrough(d.admin, '/api/v1/members', 6, { ids: expected, totalKind: expected.length > CAP ? 'atLeast' : 'exact' });
    const first = pages[0] as ListPage & { counts: Record<string, number> };
    expect(first.counts.invited).toBe(Math.min(CAP, expected.length - 1));
    expect(first.counts.active).toBe(1);
    const active = await d.admin.get('/api/v1/members?status=active').expect(200);
    expect(active.body).toMatchObject({ total: 1, totalKind: 'exact' });
  });

  it('a tampered cursor is a 400 with a stable code, not a database error', async () => {
    statements.capturing = false; // these statements are meant to fail; the plan check below explains the others
    const bad = Buffer.from(JSON.stringify(['not a time', '00000000-0000-0000-0000-000000000000'])).toString('base64url');
    const res = await d.admin.get(`/api/v1/notifications?cursor=${bad}`);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    const nul = Buffer.from(JSON.stringify(['a\u0000', '00000000-0000-0000-0000-000000000000'])).toString('base64url');
    expect((await d.admin.get(`/api/v1/places?cursor=${nul}`)).status).toBe(400);
    statements.capturing = true;
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
    const distinct = statements.distinct();
    expect(distinct.length).toBeGreaterThanOrEqual(15);
    const failures = await plansNeedingASort(distinct, { tenantId: d.tenantId, userId: d.admin.userId });
    expect(failures).toEqual([]);
  });
});
