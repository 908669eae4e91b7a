import { ownerClient, openDistrict, startTestApp, TestApp } from '../support/test-app';
import { applicantOrganisation, applicationContent, clockOf, publishedCall, venturePeople } from '../support/calls';

jest.setTimeout(120_000);

describe('submissions racing the deadline', () => {
  let t: TestApp;
  // 50 submissions at once must each get a connection within the pool's 5 s wait even on a loaded 2-core CI box
  // (with 10 they queued past it and were answered 503): what is tested is the deadline, not the pool's size.
  beforeAll(async () => { t = await startTestApp({ databasePoolSize: 30 }); });
  afterAll(async () => { clockOf(t).set(undefined); await t.close(); });

  it('50 concurrent submissions just before the closing instant are all accepted, 50 at the instant are all refused, none lost', async () => {
    const d = await openDistrict(t);
    const { communityId, officer } = await venturePeople(t, d, 0);
    const call = await publishedCall(t, d, officer, { applicationsPerOrganisation: 20 });
    const orgs = [];
    for (let i = 0; i < 5; i++) orgs.push(await applicantOrganisation(t, d));
    const drafts: Array<{ s: (typeof orgs)[number]['admin']; id: string; version: number }> = [];
    for (const org of orgs) {
      for (let i = 0; i < 20; i++) {
        const r = await org.admin.post(`/api/v1/calls/${call.id}/applications`, applicationContent(communityId, '10000000', `项目${i}`)).expect(201);
        drafts.push({ s: org.admin, id: r.body.id, version: r.body.version });
      }
    }
    const submit = (x: (typeof drafts)[number]) => x.s.post(`/api/v1/applications/${x.id}/submit`, { version: x.version }).set('Idempotency-Key', `k-${x.id}`);
    const before = drafts.filter((_, i) => i % 2 === 0);
    const after = drafts.filter((_, i) => i % 2 === 1);

    const closes = new Date(call.closesAt);
    clockOf(t).set(new Date(closes.getTime() - 1));
    const started = Date.now();
    const accepted = await Promise.all(before.map(submit));
    const tookMs = Date.now() - started;
    expect(accepted.map((r) => r.status)).toEqual(before.map(() => 200));

    clockOf(t).set(closes);
    const refused = await Promise.all(after.map(submit));
    expect(refused.map((r) => r.status)).toEqual(after.map(() => 409));
    expect(new Set(refused.map((r) => r.body.code))).toEqual(new Set(['CALL_CLOSED']));

    const db = await ownerClient();
    try {
      await db.query(`SELECT set_config('app.tenant_id', $1, false)`, [d.tenantId]);
      const { rows } = await db.query(
        `SELECT reference_no FROM applications WHERE call_id = $1 AND status = 'submitted' ORDER BY reference_no`, [call.id]);
      expect(rows).toHaveLength(50);
      expect(rows.map((r) => r.reference_no)).toEqual(Array.from({ length: 50 }, (_, i) => `GYSB-${rows[0].reference_no.slice(5, 9)}-${String(i + 1).padStart(4, '0')}`));
      expect(new Set(accepted.map((r) => r.body.referenceNo)).size).toBe(50);
      const drafted = await db.query(`SELECT count(*)::int AS n FROM applications WHERE call_id = $1 AND status = 'draft'`, [call.id]);
      expect(drafted.rows[0].n).toBe(50);
    } finally {
      await db.end();
    }
    process.stdout.write(`[calls-deadline] 50 concurrent submissions accepted in ${tookMs} ms\n`);
  });
});
