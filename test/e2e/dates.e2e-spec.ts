import { randomUUID } from 'node:crypto';
import { District, TestApp, openDistrict, startTestApp } from '../support/test-app';
import { applicantOrganisation, applicationContent, callBody, clockOf, publishedCall, put, venturePeople } from '../support/calls';
import { ProjectWorld, fundedProject, projectWorld } from '../support/projects';


type Problem = { code: string; errors?: Array<{ field: string; code: string; zh: string; en: string }> };

/** Days that match YYYY-MM-DD but do not exist are refused with 400 naming the field — never a 500 from the database. */
describe('impossible days are refused at the door', () => {
  let t: TestApp;
  let d: District;
  beforeAll(async () => {
    t = await startTestApp();
    d = await openDistrict(t);
  });
  afterAll(async () => {
    await t.close();
  });

  const fields = (body: Problem) => (body.errors ?? []).map((e) => e.field);

  it('an application with a milestone on 31 September, or a period ending on 30 February, is refused and nothing is saved', async () => {
    const { communityId, officer } = await venturePeople(t, d, 0);
    const call = await publishedCall(t, d, officer);
    const a = await applicantOrganisation(t, d);

    const bad = await a.admin.post(`/api/v1/calls/${call.id}/applications`, {
      ...applicationContent(communityId), milestones: [{ name: '完成需求调研', dueOn: '2026-09-31' }],
    }).expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect(fields(bad.body)).toEqual(['milestones.0.dueOn']);
    const err = bad.body.errors[0];
    expect(err.code).toBe('isRealDay');
    expect(err.zh).toContain('真实存在的日期');
    expect(err.en).toContain('real calendar day');

    const period = await a.admin.post(`/api/v1/calls/${call.id}/applications`, {
      ...applicationContent(communityId), startsOn: '2026-07-01', endsOn: '2027-02-30',
    }).expect(400);
    expect(fields(period.body)).toEqual(['endsOn']);
    expect((await a.admin.get(`/api/v1/applications?callId=${call.id}`).expect(200)).body.total).toBe(0);

    // Editing a saved draft to an impossible day is refused too, and the draft keeps its milestone.
    const draft = (await a.admin.post(`/api/v1/calls/${call.id}/applications`, applicationContent(communityId)).expect(201)).body;
    const edit = await a.admin.patch(`/api/v1/applications/${draft.id}`, {
      version: draft.version, milestones: [{ name: '完成需求调研', dueOn: '2026-02-29' }],
    }).expect(400);
    expect(fields(edit.body)).toEqual(['milestones.0.dueOn']);
    const kept = (await a.admin.get(`/api/v1/applications/${draft.id}`).expect(200)).body;
    expect(kept.version).toBe(draft.version);
    expect(JSON.stringify(kept)).toContain('2026-08-31');
    expect(JSON.stringify(kept)).not.toContain('2026-02-29');
  });

  it('a call starting on 30 February is refused with 400 and not created', async () => {
    const officer = (await venturePeople(t, d, 0)).officer;
    const before = (await officer.get('/api/v1/calls').expect(200)).body.total;
    const res = await officer.post('/api/v1/calls', callBody(clockOf(t).now(), { projectStartsOn: '2026-02-30' })).expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(fields(res.body)).toEqual(['projectStartsOn']);
    const award = await officer.post('/api/v1/calls', callBody(clockOf(t).now(), { awardBy: '0000-01-01', noticeOn: '2026-07-01T00:00:00Z' })).expect(400);
    expect(fields(award.body).sort()).toEqual(['awardBy', 'noticeOn']);
    expect((await officer.get('/api/v1/calls').expect(200)).body.total).toBe(before);
  });

  it('the holiday calendar of year 0000 is a 400, and so is a holiday on 1 January of year 0', async () => {
    const year0 = await d.admin.get('/api/v1/district-holidays?year=0000').expect(400);
    expect(year0.body.code).toBe('VALIDATION_FAILED');
    expect(fields(year0.body)).toEqual(['year']);
    await d.admin.get('/api/v1/district-holidays?year=2101').expect(400);
    await d.admin.get('/api/v1/district-holidays?year=2026').expect(200);
    const day0 = await put(t, d.admin, '/api/v1/district-holidays/0000-01-01', { kind: 'holiday', name: '元旦' }).expect(400);
    expect(day0.body.code).toBe('HOLIDAY_DATE_INVALID');
  });

  it('a tampered cursor whose sort key is not a timestamp answers 400 on timestamp-sorted lists', async () => {
    const cursor = Buffer.from(JSON.stringify(['x', randomUUID()])).toString('base64url');
    for (const path of ['/api/v1/notifications', '/api/v1/members']) {
      const res = await d.admin.get(`${path}?cursor=${cursor}`);
      expect({ path, status: res.status, code: res.body.code }).toEqual({ path, status: 400, code: 'VALIDATION_FAILED' });
    }
    const impossible = Buffer.from(JSON.stringify(['2026-02-30T00:00:00.000Z', randomUUID()])).toString('base64url');
    expect((await d.admin.get(`/api/v1/notifications?cursor=${impossible}`).expect(400)).body.code).toBe('VALIDATION_FAILED');
  });
});

describe('a project extension names a day, not an instant', () => {
  let t: TestApp;
  let w: ProjectWorld;
  beforeAll(async () => {
    t = await startTestApp();
    w = await projectWorld(t);
  });
  afterAll(async () => {
    await t.close();
  });

  it('a timestamp or an impossible newEndsOn is refused with 400 and nothing is pending; a real day can be approved', async () => {
    const { id } = await fundedProject(t, w);
    for (const newEndsOn of ['2028-03-31T10:00:00Z', '2028-02-30', '0000-01-01']) {
      const res = await w.orgAdminA.post(`/api/v1/projects/${id}/changes`, { kind: 'extension', reason: '疫情影响延期', newEndsOn }).expect(400);
      expect({ newEndsOn, code: res.body.code, fields: res.body.errors.map((e: { field: string }) => e.field) })
        .toEqual({ newEndsOn, code: 'VALIDATION_FAILED', fields: ['newEndsOn'] });
    }
    const listed = (await w.officer.get(`/api/v1/projects/${id}/changes`).expect(200)).body;
    expect(Array.isArray(listed) ? listed : listed.items).toEqual([]);

    const ext = (await w.orgAdminA.post(`/api/v1/projects/${id}/changes`, { kind: 'extension', reason: '疫情影响延期', newEndsOn: '2028-03-31' }).expect(201)).body;
    await w.officer.post(`/api/v1/projects/${id}/changes/${ext.id}/approve`, { version: ext.version }).expect(200);
    expect((await w.officer.get(`/api/v1/projects/${id}`).expect(200)).body.endsOn).toBe('2028-03-31');
  });
});
