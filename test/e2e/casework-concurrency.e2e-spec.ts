import type { Client } from 'pg';
import request from 'supertest';
import { Session, TestApp, addMember, eventually, ownerClient, startTestApp } from '../support/test-app';
import { ProjectWorld, projectWorld } from '../support/projects';
import { residentId } from '../support/casework';

type Member = Session & { memberId: string; phone: string };

let people = 0;
async function person(worker: Member, communityId: string): Promise<string> {
  const res = await worker.post('/api/v1/casework/beneficiaries', { name: `服务对象${++people}`, idNumber: residentId(), communityId });
  if (res.status !== 201) throw new Error(`register failed ${res.status} ${JSON.stringify(res.body)}`);
  const id = res.body.beneficiary.id as string;
  await worker.post(`/api/v1/casework/beneficiaries/${id}/consents`, { purpose: 'service', formVersion: '2026版', givenOn: '2026-01-05', givenBy: 'self' }).expect(201);
  return id;
}

const openCase = (s: Session, beneficiaryId: string): Promise<request.Response> =>
  // `.then` sends the request now, so two calls are in flight together.
  s.post('/api/v1/casework/cases', { beneficiaryId, source: 'outreach', presentingProblem: '独居，需要定期探访' }).then((r) => r);

describe('two workers opening a case for the same person at once', () => {
  let t: TestApp;
  let w: ProjectWorld;
  let worker1: Member;
  let worker2: Member;
  let owner: Client;
  let watcher: Client;
  beforeAll(async () => {
    t = await startTestApp();
    w = await projectWorld(t);
    worker1 = await addMember(t, w.d, ['social_worker'], { organisationId: w.orgA, name: '吴社工' });
    worker2 = await addMember(t, w.d, ['social_worker'], { organisationId: w.orgA, name: '周社工' });
    owner = await ownerClient();
    watcher = await ownerClient();
    await owner.query(`SELECT set_config('app.tenant_id', $1, false)`, [w.d.tenantId]);
  }, 120_000);
  afterAll(async () => {
    await owner.end();
    await watcher.end();
    await t.close();
  });

  async function activeCases(beneficiaryId: string): Promise<number> {
    const [{ n }] = (await owner.query(
      `SELECT count(*)::int AS n FROM cases WHERE beneficiary_id = $1 AND status NOT IN ('declined','closed','followed_up')`, [beneficiaryId])).rows;
    return n;
  }

  it('both pass the "is there an open case?" check together; the database lets exactly one through, the other is 409 CASE_ALREADY_OPEN', async () => {
    // Make sure this district's case counter row exists, then hold it: each request checks for an open case and then
    // waits on the counter, so both have passed the check before either inserts its case.
    await openCase(worker1, await person(worker1, w.communityId)).then((r) => expect(r.status).toBe(201));
    const b = await person(worker1, w.communityId);
    await owner.query('BEGIN');
    let both: Promise<request.Response[]>;
    try {
      await owner.query(`SELECT 1 FROM reference_counters WHERE series = 'GA' FOR UPDATE`);
      both = Promise.all([openCase(worker1, b), openCase(worker2, b)]);
      // Watched from a second connection: inside the owner's transaction pg_stat_activity is a snapshot taken at its
      // first read, so a request on a connection the pool opened after that read was never seen (a loaded CI run
      // waited 10 s for the second one in vain, and the lock left held failed the tests after it).
      await eventually(async () => {
        const { rows } = await watcher.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity
            WHERE datname = current_database() AND application_name = 'sanshe' AND cardinality(pg_blocking_pids(pid)) > 0`);
        return rows[0].n >= 2;
      }, 30_000, 'both requests to wait on the held counter');
    } finally {
      await owner.query('COMMIT');
    }
    const statuses = (await both).map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409]);
    const refused = (await both).find((r) => r.status === 409)!;
    // Refused by the unique index (not by the check, which found nothing): the domain error, naming the person.
    expect(refused.body).toMatchObject({ code: 'CASE_ALREADY_OPEN', detail: { beneficiaryId: b } });
    expect(await activeCases(b)).toBe(1);
  });

  it('left to race on their own, every pair ends with one case and one 409 CASE_ALREADY_OPEN', async () => {
    for (let i = 0; i < 5; i += 1) {
      const b = await person(worker1, w.communityId);
      const res = await Promise.all([openCase(worker1, b), openCase(worker2, b)]);
      expect(res.map((r) => r.status).sort()).toEqual([201, 409]);
      expect(res.find((r) => r.status === 409)!.body.code).toBe('CASE_ALREADY_OPEN');
      expect(await activeCases(b)).toBe(1);
    }
  });

  it('a person whose case was declined may have a new case opened', async () => {
    const b = await person(worker1, w.communityId);
    const first = await openCase(worker1, b);
    expect(first.status).toBe(201);
    await worker1.post(`/api/v1/casework/cases/${first.body.id}/intake/decline`, { version: first.body.version, reason: '不符合服务范围' }).expect(200);
    expect((await openCase(worker2, b)).status).toBe(201);
    expect(await activeCases(b)).toBe(1);
  });
});
