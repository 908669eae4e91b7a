import { randomUUID } from 'node:crypto';
import { addDays, shanghaiDay } from '@sanshe/common';
import { Session, TestApp, addMember, startTestApp } from '../support/test-app';
import { createVerifiedOrganisation, organisationForm } from '../support/organisations';
import { ProjectWorld, projectWorld } from '../support/projects';
import { inDistrict, residentId } from '../support/casework';


describe('casework rules: who may receive a referral, and when a service may be recorded', () => {
  let t: TestApp;
  let pw: ProjectWorld;
  let worker: Session & { memberId: string };
  const today = () => shanghaiDay(new Date());

  beforeAll(async () => {
    t = await startTestApp();
    pw = await projectWorld(t);
    worker = await addMember(t, pw.d, ['social_worker'], { organisationId: pw.orgA, name: '吴社工' });
  }, 180_000);
  afterAll(async () => { await t.close(); });

  async function person(consents: Array<{ purpose: string; givenOn: string; scope?: string[] }>) {
    const res = await worker.post('/api/v1/casework/beneficiaries', { name: '王阿姨', idNumber: residentId(), communityId: pw.communityId }).expect(201);
    const id: string = res.body.beneficiary.id;
    for (const c of consents) {
      await worker.post(`/api/v1/casework/beneficiaries/${id}/consents`, { formVersion: '2026版', givenBy: 'self', ...c }).expect(201);
    }
    const opened = await worker.post('/api/v1/casework/cases', { beneficiaryId: id, source: 'outreach', presentingProblem: '独居，需要定期探访' }).expect(201);
    const accepted = await worker.post(`/api/v1/casework/cases/${opened.body.id}/intake/accept`, { version: opened.body.version }).expect(200);
    return { beneficiaryId: id, caseId: opened.body.id as string, version: accepted.body.version as number };
  }

  it('refuses a referral to an organisation that is not verified, suspended or blacklisted, with the reasons, and writes nothing', async () => {
    const { d } = pw;
    const draft = await d.admin.post('/api/v1/organisations', organisationForm()).expect(201);
    const suspended = await createVerifiedOrganisation(t, d);
    await d.admin.post(`/api/v1/organisations/${suspended.id}/suspend`, { version: suspended.version, reason: '年检未通过' }).expect(200);
    const blacklisted = await createVerifiedOrganisation(t, d);
    await d.admin.post(`/api/v1/organisations/${blacklisted.id}/blacklist`, { version: blacklisted.version, reason: '虚假材料骗取补贴' }).expect(200);
    const c = await person([{ purpose: 'service', givenOn: today() }, { purpose: 'referral', givenOn: today(), scope: ['name'] }]);
    const refer = (toOrganisationId: string) =>
      worker.post(`/api/v1/casework/cases/${c.caseId}/referrals`, { toOrganisationId, reason: '需要专业康复服务', sharedFields: ['name'] });

    for (const [orgId, code, zh] of [
      [draft.body.organisation.id, 'NOT_VERIFIED', '尚未通过登记核验'],
      [suspended.id, 'SUSPENDED', '已被暂停'],
      [blacklisted.id, 'BLACKLISTED', '严重违法失信名单'],
    ] as const) {
      const refused = await refer(orgId).expect(409);
      expect(refused.body).toMatchObject({ code: 'REFERRAL_TARGET_NOT_ELIGIBLE', detail: { toOrganisationId: orgId } });
      expect(refused.body.detail.reasons.map((r: { code: string }) => r.code)).toEqual([code]);
      expect(JSON.stringify(refused.body)).toContain(zh);
    }
    // An organisation that does not exist (or is another district's) is simply not found.
    expect((await refer(randomUUID()).expect(404)).body.code).toBe('REFERRAL_TARGET_NOT_FOUND');

    const written = () => inDistrict(d.tenantId, async (q) => ({
      referrals: (await q(`SELECT count(*)::int AS n FROM referrals WHERE case_id = $1`, [c.caseId]))[0].n,
      events: (await q(`SELECT count(*)::int AS n FROM outbox_events WHERE type = 'casework.referral.created' AND payload->>'fromOrganisationId' = $1`, [pw.orgA]))[0].n,
    }));
    expect(await written()).toEqual({ referrals: 0, events: 0 });

    // The same referral to an eligible organisation goes through, so the refusals above were about eligibility alone.
    await refer(pw.orgB).expect(201);
    expect(await written()).toEqual({ referrals: 1, events: 1 });
  });

  it('refuses a service record dated before the case was opened, and writes nothing', async () => {
    const c = await person([{ purpose: 'service', givenOn: addDays(today(), -30) }]);
    const refused = await worker.post(`/api/v1/casework/cases/${c.caseId}/service-records`, {
      serviceDate: addDays(today(), -1), durationMinutes: 60, mode: 'home_visit', content: '开案前的家访',
    }).expect(409);
    expect(refused.body).toMatchObject({ code: 'SERVICE_DATE_OUTSIDE_CASE', detail: { openedOn: today() } });
    const count = await inDistrict(pw.d.tenantId, async (q) => (await q(`SELECT count(*)::int AS n FROM service_records WHERE case_id = $1`, [c.caseId]))[0].n);
    expect(count).toBe(0);
    await worker.post(`/api/v1/casework/cases/${c.caseId}/service-records`, { serviceDate: today(), durationMinutes: 60, mode: 'home_visit', content: '开案当天的家访' }).expect(201);
  });

  it('in a case opened ten days ago: refuses days before it, and days before the service consent, on adding and on editing', async () => {
    const consentOn = addDays(today(), -5);
    const c = await person([{ purpose: 'service', givenOn: consentOn }]);
    // A case opened earlier than today cannot be made over HTTP; move its opening back as a fixture.
    await inDistrict(pw.d.tenantId, (q) => q(`UPDATE cases SET created_at = now() - interval '10 days' WHERE id = $1`, [c.caseId]));
    const openedOn = addDays(today(), -10);
    const add = (serviceDate: string) => worker.post(`/api/v1/casework/cases/${c.caseId}/service-records`, {
      serviceDate, durationMinutes: 45, mode: 'phone', content: '电话关怀',
    });

    const early = await add(addDays(openedOn, -1)).expect(409);
    expect(early.body).toMatchObject({ code: 'SERVICE_DATE_OUTSIDE_CASE', detail: { openedOn } });
    const unconsented = await add(addDays(consentOn, -1)).expect(409);
    expect(unconsented.body).toMatchObject({ code: 'SERVICE_DATE_BEFORE_CONSENT', detail: { serviceDate: addDays(consentOn, -1) } });
    const rec = await add(consentOn).expect(201);

    const moved = await worker.patch(`/api/v1/casework/service-records/${rec.body.id}`, { serviceDate: addDays(consentOn, -2), version: rec.body.version }).expect(409);
    expect(moved.body.code).toBe('SERVICE_DATE_BEFORE_CONSENT');
    const before = await worker.patch(`/api/v1/casework/service-records/${rec.body.id}`, { serviceDate: addDays(openedOn, -3), version: rec.body.version }).expect(409);
    expect(before.body.code).toBe('SERVICE_DATE_OUTSIDE_CASE');

    const rows = await inDistrict(pw.d.tenantId, (q) => q(`SELECT service_date::text AS d, version FROM service_records WHERE case_id = $1`, [c.caseId]));
    expect(rows).toEqual([{ d: consentOn, version: rec.body.version }]);
    await worker.patch(`/api/v1/casework/service-records/${rec.body.id}`, { serviceDate: addDays(consentOn, 1), version: rec.body.version }).expect(200);
  });
});
