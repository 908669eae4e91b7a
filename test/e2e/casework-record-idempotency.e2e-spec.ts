import { randomUUID } from 'node:crypto';
import { shanghaiDay } from '@sanshe/common';
import { Session, TestApp, addMember, startTestApp } from '../support/test-app';
import { ProjectWorld, projectWorld } from '../support/projects';
import { residentId } from '../support/casework';

/** Service records must fall within the case, which the tests open today; read per call so a run over midnight still agrees. */
const today = () => shanghaiDay(new Date());

type Member = Session & { memberId: string; phone: string };

/** A person with service consent and an accepted case of theirs (open for service records). */
async function acceptedCase(worker: Member, communityId: string): Promise<string> {
  const b = await worker.post('/api/v1/casework/beneficiaries', { name: '李奶奶', idNumber: residentId(), communityId });
  if (b.status !== 201) throw new Error(`register failed ${b.status} ${JSON.stringify(b.body)}`);
  const beneficiaryId = b.body.beneficiary.id as string;
  await worker.post(`/api/v1/casework/beneficiaries/${beneficiaryId}/consents`, { purpose: 'service', formVersion: '2026版', givenOn: '2026-01-05', givenBy: 'self' }).expect(201);
  const c = await worker.post('/api/v1/casework/cases', { beneficiaryId, source: 'outreach', presentingProblem: '独居，需要定期探访' }).expect(201);
  await worker.post(`/api/v1/casework/cases/${c.body.id}/intake/accept`, { version: c.body.version }).expect(200);
  return c.body.id;
}

describe('a service record sent again with the same Idempotency-Key (a phone that lost its connection) is written once', () => {
  let t: TestApp;
  let w: ProjectWorld;
  let worker: Member;
  beforeAll(async () => {
    t = await startTestApp();
    w = await projectWorld(t);
    worker = await addMember(t, w.d, ['social_worker'], { organisationId: w.orgA, name: '吴社工' });
  }, 120_000);
  afterAll(async () => { await t.close(); });

  const record = (extra: Record<string, unknown> = {}) => ({
    serviceDate: today(), startTime: '09:30', durationMinutes: 60, mode: 'home_visit', place: '李奶奶家', content: '上门探访，了解用药情况', ...extra,
  });
  const send = (caseId: string, body: object, key?: string, who: Member = worker) => {
    const req = who.post(`/api/v1/casework/cases/${caseId}/service-records`, body);
    return key === undefined ? req : req.set('Idempotency-Key', key);
  };
  const records = async (caseId: string) => (await worker.get(`/api/v1/casework/cases/${caseId}/service-records`).expect(200)).body.items as Array<{ id: string; content: string; durationMinutes: number }>;

  it('the same key twice answers the same record and stores one; a different body under that key is refused; a new key adds a record', async () => {
    const caseId = await acceptedCase(worker, w.communityId);
    const key = randomUUID();
    const first = await send(caseId, record(), key).expect(201);
    const again = await send(caseId, record(), key).expect(201);
    expect(again.body).toEqual(first.body);
    expect(await records(caseId)).toEqual([expect.objectContaining({ id: first.body.id, content: '上门探访，了解用药情况', durationMinutes: 60 })]);

    // The same fields in another order hash the same: still the first answer.
    const reordered = Object.fromEntries(Object.entries(record()).reverse());
    expect((await send(caseId, reordered, key).expect(201)).body.id).toBe(first.body.id);

    // The same key with another record is a client bug, not a retry: refused, and nothing is written.
    const reused = await send(caseId, record({ durationMinutes: 90 }), key).expect(409);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    // …also on another case.
    const otherCase = await acceptedCase(worker, w.communityId);
    expect((await send(otherCase, record(), key).expect(409)).body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await records(otherCase)).toEqual([]);

    // A new key (the next draft) is a new record; no key at all keeps the old behaviour (each request writes).
    const second = await send(caseId, record(), randomUUID()).expect(201);
    expect(second.body.id).not.toBe(first.body.id);
    await send(caseId, record()).expect(201);
    expect((await records(caseId)).length).toBe(3);
  });

  it('two sends of one key at once (a retry racing the lost first attempt) write one record and both get it', async () => {
    const caseId = await acceptedCase(worker, w.communityId);
    const key = randomUUID();
    const [a, b] = await Promise.all([send(caseId, record(), key), send(caseId, record(), key)]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.id).toBe(b.body.id);
    expect((await records(caseId)).map((r) => r.id)).toEqual([a.body.id]);
  });

  it('a refused record keeps no key: the corrected record goes through under the same key, as the page retries its draft', async () => {
    const caseId = await acceptedCase(worker, w.communityId);
    const key = randomUUID();
    // Refused by the validation (content of one character) and by the service (a date in the future).
    const short = await send(caseId, record({ content: '访' }), key).expect(400);
    expect(short.body.code).toBe('VALIDATION_FAILED');
    const future = await send(caseId, record({ serviceDate: '2099-01-01' }), key).expect(400);
    expect(future.body.code).toBe('VALIDATION_FAILED');
    expect(await records(caseId)).toEqual([]);
    const ok = await send(caseId, record(), key).expect(201);
    expect((await records(caseId)).map((r) => r.id)).toEqual([ok.body.id]);

    // A key is the caller's own: another worker of the organisation with the same key is judged afresh (and here
    // refused, as the case is not theirs), never handed the first worker's record.
    const colleague = await addMember(t, w.d, ['social_worker'], { organisationId: w.orgA, name: '周社工' });
    const theirs = await send(caseId, record(), key, colleague);
    expect(theirs.status).not.toBe(201);
    expect(JSON.stringify(theirs.body)).not.toContain(ok.body.id);
    expect((await records(caseId)).length).toBe(1);
  });

  it('a malformed key is refused with the reason', async () => {
    const caseId = await acceptedCase(worker, w.communityId);
    const bad = await send(caseId, record(), 'has space').expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect(await records(caseId)).toEqual([]);
  });
});
