import { randomUUID } from 'node:crypto';
import { OutboxService } from '@sanshe/queue';
import { TenantTransactionRunner } from '@sanshe/tenancy';
import { GRANT_AWARDED } from '../../src/modules/calls/grant-awarded.event';
import { eventHandled } from '../support/events';
import { TestApp, addMember, openDistrict, ownerClient, startTestApp } from '../support/test-app';
import { ProjectWorld, appropriate, awardPayload, fundedProject, projectWorld, publishAward } from '../support/projects';

/** Ledger movements of one district, read as the schema owner (RLS is forced, so the district is named). */
async function ledgerCounts(tenantId: string, causeId: string) {
  const owner = await ownerClient();
  try {
    await owner.query(`SELECT set_config('app.tenant_id', $1, false)`, [tenantId]);
    const r = await owner.query(`SELECT count(*)::int AS n FROM ledger_entries WHERE cause_id = $1`, [causeId]);
    return r.rows[0].n as number;
  } finally {
    await owner.end();
  }
}

describe('projects: from award to paid tranches', () => {
  let t: TestApp;
  let w: ProjectWorld;

  beforeAll(async () => {
    t = await startTestApp();
    w = await projectWorld(t);
  });
  afterAll(async () => {
    await t.close();
  });

  it('an awarded grant becomes a project with its plan, and the award is reserved on the programme fund', async () => {
    const before = (await w.finance.get('/api/v1/funds/programme').expect(200)).body;
    const { id, payload, detail } = await fundedProject(t, w);
    expect(detail).toMatchObject({
      referenceNo: payload.referenceNo, title: '独居老人关爱行动', status: 'active', organisation: { id: w.orgA },
      officer: { userId: w.officer.userId, name: '李项目官员' },
      money: { awardedFen: '10000000', releasedFen: '0', reportedSpentFen: '0', remainingFen: '10000000' },
    });
    expect(detail.plan.budgetLines.map((l: { code: string; amountFen: string }) => [l.code, l.amountFen])).toEqual([['activity', '4000000'], ['admin', '1000000'], ['staff', '5000000']]);
    expect(detail.plan.indicators.map((i: { code: string; target: number }) => [i.code, i.target])).toEqual([['elders', 80], ['visits', 1200]]);
    expect(detail.tranches.map((x: { seq: number; amountFen: string; status: string }) => [x.seq, x.amountFen, x.status])).toEqual([
      [1, '5000000', 'pending'], [2, '3000000', 'pending'], [3, '2000000', 'pending']]);
    expect(detail.plan.milestones).toHaveLength(2);
    expect(detail.reports.filter((r: { kind: string }) => r.kind === 'monthly')).toHaveLength(12);
    const after = (await w.finance.get('/api/v1/funds/programme').expect(200)).body;
    expect(BigInt(after.balanceFen) - BigInt(before.balanceFen)).toBe(10_000_000n);
    expect(BigInt(after.reservedFen) - BigInt(before.reservedFen)).toBe(10_000_000n);
    expect(after.availableFen).toBe(before.availableFen);
    const versions = await w.orgAdminA.get(`/api/v1/projects/${id}/plan-versions`).expect(200);
    expect(versions.body.items.map((v: { versionNo: number }) => v.versionNo)).toEqual([1]);
  });

  it('the same award delivered twice is one project', async () => {
    const payload = awardPayload(w);
    await appropriate(w.finance, payload.amountFen).expect(201);
    const id = await publishAward(t, w.d.tenantId, payload);
    const runner = t.app.get(TenantTransactionRunner);
    const second = await runner.run({ tenantId: w.d.tenantId }, () => t.app.get(OutboxService).publish(GRANT_AWARDED, payload));
    // The second delivery has been handled (not merely given time): only then does "one project" mean something.
    expect(await eventHandled(t, second, GRANT_AWARDED)).toMatchObject({ 'projects.create-from-award': 'completed' });
    const list = await w.officer.get(`/api/v1/projects?q=${payload.referenceNo}`).expect(200);
    expect(list.body.total).toBe(1);
  });

  it('an award the fund cannot cover waits as unfunded, is refused payment, and is funded when money is appropriated', async () => {
    const w2 = await projectWorld(t);
    const payload = awardPayload(w2, { amountFen: '3000000' });
    await appropriate(w2.finance, '1000000').expect(201);
    const id = await publishAward(t, w2.d.tenantId, payload);
    const p = (await w2.officer.get(`/api/v1/projects/${id}`).expect(200)).body;
    expect(p.status).toBe('unfunded');
    await w2.officer.post(`/api/v1/projects/${id}/agreement`, { signedOn: '2027-01-05', version: p.version }).expect(200);
    const refused = await w2.finance.post(`/api/v1/projects/${id}/tranches/${p.tranches[0].id}/release`).expect(409);
    expect(refused.body.code).toBe('TRANCHE_CONDITIONS_UNMET');
    expect(refused.body.detail.unmet.map((c: { type: string }) => c.type)).toEqual(['project_funded']);
    await appropriate(w2.finance, '2500000').expect(201);
    const funded = await (async () => {
      for (let i = 0; i < 100; i++) {
        const r = (await w2.officer.get(`/api/v1/projects/${id}`).expect(200)).body;
        if (r.status === 'active') return r;
        await new Promise((res) => setTimeout(res, 100));
      }
      throw new Error('not funded');
    })();
    expect(funded.status).toBe('active');
    const fund = (await w2.finance.get('/api/v1/funds/programme').expect(200)).body;
    expect(fund).toMatchObject({ balanceFen: '3500000', reservedFen: '3000000', availableFen: '500000', appropriatedFen: '3500000' });
  });

  it('a tranche whose conditions are unmet is refused with the list of unmet conditions, and nothing moves', async () => {
    const { id, detail } = await fundedProject(t, w);
    const second = detail.tranches[1];
    const res = await w.finance.post(`/api/v1/projects/${id}/tranches/${second.id}/release`).expect(409);
    expect(res.body.code).toBe('TRANCHE_CONDITIONS_UNMET');
    expect(res.body.detail.unmet.map((c: { type: string }) => c.type)).toEqual(['earlier_tranches_paid', 'evaluation_passed', 'report_approved']);
    expect(res.body.message['zh-CN']).toContain('中期评估');
    expect(res.body.message.en).toContain('mid-term evaluation');
    const first = await w.finance.post(`/api/v1/projects/${id}/tranches/${detail.tranches[0].id}/release`).expect(409);
    expect(first.body.detail.unmet).toEqual([expect.objectContaining({ type: 'agreement_signed', met: false, zh: '资助协议已签订' })]);
    expect(await ledgerCounts(w.d.tenantId, detail.tranches[0].id)).toBe(0);
    const tr = await w.officer.get(`/api/v1/projects/${id}/tranches`).expect(200);
    expect(tr.body.items.map((x: { ready: boolean }) => x.ready)).toEqual([false, false, false]);
  });

  it('100 concurrent requests to pay the same tranche make exactly one transfer; a retry with the same Idempotency-Key gets the first answer', async () => {
    const { id, detail } = await fundedProject(t, w);
    await w.officer.post(`/api/v1/projects/${id}/agreement`, { signedOn: '2027-01-05', version: detail.version }).expect(200);
    const tranche = detail.tranches[0];
    const keys = Array.from({ length: 100 }, () => randomUUID());
    const started = Date.now();
    // On a loaded box some of the 100 wait longer than the pool's 5 s for a connection and are told 503 "try again"
    // before anything ran; a client retries those with the same key, as the API asks, and so does this test.
    let overloaded = 0;
    const answered = async (send: () => PromiseLike<{ status: number; body: any }>) => { // eslint-disable-line @typescript-eslint/no-explicit-any
      for (let attempt = 1; ; attempt++) {
        const res = await send();
        if (res.status !== 503 || attempt === 5) return res;
        expect(res.body.code).toBe('SERVICE_UNAVAILABLE');
        overloaded++;
      }
    };
    const results = await Promise.all(keys.map((k) => answered(() => w.finance.post(`/api/v1/projects/${id}/tranches/${tranche.id}/release`).set('Idempotency-Key', k))));
    const elapsed = Date.now() - started;
    const ok = results.filter((r) => r.status === 200);
    const refused = results.filter((r) => r.status === 409);
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(99);
    expect(new Set(refused.map((r) => r.body.code))).toEqual(new Set(['TRANCHE_ALREADY_RELEASED']));
    expect(results.every((r) => r.status === 200 || r.status === 409)).toBe(true);
    // eslint-disable-next-line no-console
    console.log(`100 concurrent tranche releases: 1 paid, 99 refused in ${elapsed} ms (${overloaded} retried after a 503)`);
    expect(await ledgerCounts(w.d.tenantId, tranche.id)).toBe(1);
    expect(ok[0].body).toMatchObject({ amountFen: '5000000', tranche: { status: 'released' } });

    const winner = keys[results.findIndex((r) => r.status === 200)];
    const retry = await w.finance.post(`/api/v1/projects/${id}/tranches/${tranche.id}/release`).set('Idempotency-Key', winner).expect(200);
    expect(retry.body).toEqual(ok[0].body);
    // The same key on another request is refused rather than replayed.
    const reused = await w.finance.post(`/api/v1/projects/${id}/tranches/${detail.tranches[1].id}/release`).set('Idempotency-Key', winner).expect(409);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    // Retries of one key sent together all get the one answer.
    const sameKey = await Promise.all(Array.from({ length: 20 }, () => answered(() => w.finance.post(`/api/v1/projects/${id}/tranches/${tranche.id}/release`).set('Idempotency-Key', winner))));
    expect(sameKey.every((r) => r.status === 200 && r.body.entryId === ok[0].body.entryId)).toBe(true);
    expect(await ledgerCounts(w.d.tenantId, tranche.id)).toBe(1);

    const p = (await w.orgAdminA.get(`/api/v1/projects/${id}`).expect(200)).body;
    expect(p.money).toMatchObject({ awardedFen: '10000000', releasedFen: '5000000', remainingFen: '5000000' });
  });

  it('an organisation sees only its own projects; an evaluator only assigned ones; another district nothing', async () => {
    const { id } = await fundedProject(t, w);
    await w.orgAdminA.get(`/api/v1/projects/${id}`).expect(200);
    const b = await w.orgAdminB.get(`/api/v1/projects/${id}`).expect(404);
    expect(b.body.code).toBe('PROJECT_NOT_FOUND');
    await w.orgAdminB.get(`/api/v1/projects/${id}/budget`).expect(404);
    await w.orgAdminB.get(`/api/v1/projects/${id}/tranches`).expect(404);
    const listB = await w.orgAdminB.get('/api/v1/projects').expect(200);
    expect(listB.body.items.map((x: { id: string }) => x.id)).not.toContain(id);
    const listA = await w.orgAdminA.get('/api/v1/projects').expect(200);
    expect(listA.body.items.every((x: { organisation: { id: string } }) => x.organisation.id === w.orgA)).toBe(true);

    await w.evaluator.get(`/api/v1/projects/${id}`).expect(404);
    expect((await w.evaluator.get('/api/v1/projects').expect(200)).body.total).toBe(0);
    await w.officer.post(`/api/v1/projects/${id}/evaluation-assignments`, { evaluatorMembershipId: w.evaluator.memberId }).expect(201);
    await w.evaluator.get(`/api/v1/projects/${id}`).expect(200);
    expect((await w.evaluator.get('/api/v1/projects').expect(200)).body.items.map((x: { id: string }) => x.id)).toEqual([id]);
    await w.otherEvaluator.get(`/api/v1/projects/${id}`).expect(404);

    const other = await openDistrict(t);
    const otherOfficer = await addMember(t, other, ['programme_officer', 'finance_officer']);
    await otherOfficer.get(`/api/v1/projects/${id}`).expect(404);
    await otherOfficer.get(`/api/v1/projects/${id}/budget`).expect(404);
    expect((await otherOfficer.get('/api/v1/projects').expect(200)).body.total).toBe(0);
  });

  it('appropriations are for finance only and a retried appropriation is recorded once', async () => {
    await w.officer.post('/api/v1/funds/programme/appropriations', { amountFen: '100', documentNo: 'x' }).expect(403);
    const before = (await w.finance.get('/api/v1/funds/programme').expect(200)).body;
    const key = randomUUID();
    const a = await appropriate(w.finance, '12345', key).expect(201);
    const b = await appropriate(w.finance, '12345', key);
    expect(b.status).toBe(201);
    expect(b.body.entryId).toBe(a.body.entryId);
    const after = (await w.finance.get('/api/v1/funds/programme').expect(200)).body;
    expect(BigInt(after.balanceFen) - BigInt(before.balanceFen)).toBe(12_345n);
    const bad = await w.finance.post('/api/v1/funds/programme/appropriations', { amountFen: '1.5', documentNo: 'x' }).expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
  });

  it('a malformed award never becomes a project', async () => {
    const payload = { ...awardPayload(w), tranchePlan: [{ seq: 1, name: '首期', percent: 60, conditions: [] }] };
    const runner = t.app.get(TenantTransactionRunner);
    const eventId = await runner.run({ tenantId: w.d.tenantId }, () => t.app.get(OutboxService).publish(GRANT_AWARDED, payload));
    // Refused for good (not retried) by the handler, which is what would otherwise have created the project.
    expect(await eventHandled(t, eventId, GRANT_AWARDED)).toMatchObject({ 'projects.create-from-award': 'failed' });
    const list = await w.officer.get(`/api/v1/projects?q=${payload.referenceNo}`).expect(200);
    expect(list.body.total).toBe(0);
  });
});

describe('projects: budget reallocations and the approval threshold', () => {
  let t: TestApp;
  let w: ProjectWorld;

  beforeAll(async () => {
    t = await startTestApp();
    w = await projectWorld(t);
    const settings = (await w.d.admin.get('/api/v1/projects/settings').expect(200)).body;
    await t.http.put('/api/v1/projects/settings').set('Authorization', `Bearer ${w.d.admin.accessToken}`)
      .send({ reallocationThresholdPercent: 10, reminderDaysBefore: settings.reminderDaysBefore, version: settings.version }).expect(200);
  });
  afterAll(async () => {
    await t.close();
  });

  it('small moves out of one line add up: once their sum passes the threshold of the awarded amount, the next one waits for approval', async () => {
    const { id, detail } = await fundedProject(t, w);
    const line = Object.fromEntries(detail.plan.budgetLines.map((l: { code: string; id: string }) => [l.code, l.id]));
    const move = (from: string, to: string, amountFen: string) => w.orgAdminA.post(`/api/v1/projects/${id}/changes`, {
      kind: 'reallocation', reason: '预算微调', reallocations: [{ fromBudgetLineId: line[from], toBudgetLineId: line[to], amountFen }],
    }).expect(201);

    // admin was awarded 1,000,000 fen: 8% (80,000) is within 10% and takes effect at once.
    const first = (await move('admin', 'activity', '80000')).body;
    expect(first).toMatchObject({ status: 'applied', needsApproval: false, planVersion: 2 });
    // Another 8% from the same line is 16% in all: it waits for the officer, and the plan does not move.
    const second = (await move('admin', 'activity', '80000')).body;
    expect(second).toMatchObject({ status: 'pending', needsApproval: true, planVersion: null });
    const plan = (await w.orgAdminA.get(`/api/v1/projects/${id}`).expect(200)).body.plan;
    expect(Object.fromEntries(plan.budgetLines.map((l: { code: string; amountFen: string }) => [l.code, l.amountFen])))
      .toEqual({ staff: '5000000', activity: '4080000', admin: '920000' });

    // The count is per source line: once the officer rejects it, 8% of activity (awarded 4,000,000) still applies at once,
    // although activity has received 80,000 (only what leaves a line counts).
    await w.officer.post(`/api/v1/projects/${id}/changes/${second.id}/reject`, { version: second.version, comment: '请合并为一次申请' }).expect(200);
    const third = (await move('activity', 'staff', '320000')).body;
    expect(third).toMatchObject({ status: 'applied', needsApproval: false, planVersion: 3 });
    // Exactly the threshold in all is still within it: 2% more out of admin (8% + 2% = 10%) applies at once.
    expect((await move('admin', 'staff', '20000')).body).toMatchObject({ status: 'applied', needsApproval: false, planVersion: 4 });
    // ... and one fen more is not.
    expect((await move('admin', 'staff', '1')).body).toMatchObject({ status: 'pending', needsApproval: true });
  });

  it('the change list is one page at a time, newest first, each with who asked and its label', async () => {
    const { id, detail } = await fundedProject(t, w);
    const line = Object.fromEntries(detail.plan.budgetLines.map((l: { code: string; id: string }) => [l.code, l.id]));
    const amounts = ['10000', '20000', '30000'];
    for (const amountFen of amounts) {
      await w.orgAdminA.post(`/api/v1/projects/${id}/changes`, {
        kind: 'reallocation', reason: `调整${amountFen}`, reallocations: [{ fromBudgetLineId: line.staff, toBudgetLineId: line.activity, amountFen }],
      }).expect(201);
    }
    const page1 = (await w.officer.get(`/api/v1/projects/${id}/changes?limit=2`).expect(200)).body;
    expect(page1.total).toBe(3);
    expect(page1.items.map((c: { reason: string }) => c.reason)).toEqual(['调整30000', '调整20000']);
    expect(page1.items[0]).toEqual({
      id: expect.any(String), kind: 'reallocation', reason: '调整30000', status: 'applied', needsApproval: false, decisionComment: null,
      detail: { reallocations: [{ fromBudgetLineId: line.staff, toBudgetLineId: line.activity, amountFen: '30000' }] },
      planVersion: 4, version: 1, createdAt: expect.any(String), decidedAt: null, requestedByName: '甲机构管理员',
      kindLabel: { zh: '预算调整', en: 'budget reallocation' },
    });
    expect(page1.nextCursor).toEqual(expect.any(String));
    const page2 = (await w.officer.get(`/api/v1/projects/${id}/changes?limit=2&cursor=${page1.nextCursor}`).expect(200)).body;
    expect(page2).toMatchObject({ total: 3, nextCursor: null });
    expect(page2.items.map((c: { reason: string }) => c.reason)).toEqual(['调整10000']);
    const all = (await w.orgAdminA.get(`/api/v1/projects/${id}/changes`).expect(200)).body;
    expect(all.items.map((c: { reason: string }) => c.reason)).toEqual(['调整30000', '调整20000', '调整10000']);
    expect(all.nextCursor).toBeNull();
    expect((await w.officer.get(`/api/v1/projects/${id}/changes?limit=500`).expect(400)).body.code).toBe('VALIDATION_FAILED');
  });
});
