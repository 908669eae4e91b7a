import { shanghaiDay } from '@sanshe/common';
import { Session, TestApp, addMember, startTestApp } from '../support/test-app';
import { ProjectWorld, fundedProject, projectWorld } from '../support/projects';
import { residentId } from '../support/casework';

/** Service records must fall within the case, which the tests open today; read per call so a run over midnight still agrees. */
const today = () => shanghaiDay(new Date());

type Member = Session & { memberId: string; phone: string };

let people = 0;
async function person(worker: Member, communityId: string, purposes: string[]): Promise<string> {
  const res = await worker.post('/api/v1/casework/beneficiaries', { name: `服务对象${++people}`, idNumber: residentId(), communityId });
  if (res.status !== 201) throw new Error(`register failed ${res.status} ${JSON.stringify(res.body)}`);
  const id = res.body.beneficiary.id as string;
  for (const purpose of purposes) {
    await worker.post(`/api/v1/casework/beneficiaries/${id}/consents`, { purpose, formVersion: '2026版', givenOn: '2026-01-05', givenBy: 'self' }).expect(201);
  }
  return id;
}

/** An accepted case of the person (open for service records). */
async function openCase(worker: Member, beneficiaryId: string): Promise<string> {
  const c = await worker.post('/api/v1/casework/cases', { beneficiaryId, source: 'outreach', presentingProblem: '独居，需要定期探访' }).expect(201);
  await worker.post(`/api/v1/casework/cases/${c.body.id}/intake/accept`, { version: c.body.version }).expect(200);
  return c.body.id;
}

interface Linked { id: string; visits: string; elders: string }

async function project(t: TestApp, w: ProjectWorld): Promise<Linked> {
  const { id, detail } = await fundedProject(t, w);
  const indicator = (code: string) => detail.plan.indicators.find((i: { code: string }) => i.code === code).id as string;
  return { id, visits: indicator('visits'), elders: indicator('elders') };
}

describe('casework hours and people count towards the project they are linked to', () => {
  let t: TestApp;
  let w: ProjectWorld;
  beforeAll(async () => {
    t = await startTestApp();
    w = await projectWorld(t);
  }, 120_000);
  afterAll(async () => { await t.close(); });

  it('the programme officer reads each indicator\'s hours, distinct people and person-times on the project, exactly', async () => {
    const p = await project(t, w);
    const other = await project(t, w);
    const worker = await addMember(t, w.d, ['social_worker'], { organisationId: w.orgA, name: '吴社工' });

    // Before any casework, every indicator shows zeros.
    const empty = await w.officer.get(`/api/v1/projects/${p.id}`).expect(200);
    expect(empty.body.plan.indicators.map((i: { code: string; casework: object }) => [i.code, i.casework]))
      .toEqual([['elders', { hours: 0, distinctPeople: 0, personTimes: 0 }], ['visits', { hours: 0, distinctPeople: 0, personTimes: 0 }]]);
    expect(empty.body.caseworkTotal).toEqual({ hours: 0, distinctPeople: 0, personTimes: 0 });

    const b1 = await person(worker, w.communityId, ['service', 'funder_aggregate']);
    const b2 = await person(worker, w.communityId, ['service', 'funder_aggregate']);
    const b3 = await person(worker, w.communityId, ['service']); // never agreed to be reported to the funder
    const c1 = await openCase(worker, b1);
    const c2 = await openCase(worker, b2);
    const record = (caseId: string, durationMinutes: number, link: object) => worker.post(`/api/v1/casework/cases/${caseId}/service-records`, {
      serviceDate: today(), durationMinutes, mode: 'home_visit', content: '家访', ...link,
    }).expect(201);

    // Case work: b1 90 + 30 minutes on 探访人次 (visits), b2 60 minutes on 服务老人数 (elders), b1 45 minutes on the project only.
    await record(c1, 90, { projectId: p.id, indicatorId: p.visits });
    await record(c1, 30, { projectId: p.id, indicatorId: p.visits });
    await record(c2, 60, { projectId: p.id, indicatorId: p.elders });
    await record(c1, 45, { projectId: p.id });
    // Not this project's: a record on the organisation's other project, and one linked to no project.
    await record(c2, 30, { projectId: other.id, indicatorId: other.visits });
    await record(c2, 240, {});

    // Group work on visits: 120 minutes with b1 and b3 (b3 not shared), then 60 minutes with b1 and b2.
    const group = await worker.post('/api/v1/casework/groups', { name: '独居老人互助小组', kind: 'support', projectId: p.id, indicatorId: p.visits, communityId: w.communityId }).expect(201);
    await worker.post(`/api/v1/casework/groups/${group.body.id}/sessions`, { sessionNo: 1, heldOn: '2026-01-14', durationMinutes: 120, theme: '相识', attendeeIds: [b1, b3] }).expect(201);
    await worker.post(`/api/v1/casework/groups/${group.body.id}/sessions`, { sessionNo: 2, heldOn: '2026-01-21', durationMinutes: 60, theme: '互助', attendeeIds: [b1, b2] }).expect(201);
    // Community work on elders: 180 minutes, 120 people counted at the door.
    await worker.post('/api/v1/casework/community-events', {
      communityId: w.communityId, title: '重阳敬老活动', heldOn: '2026-01-16', durationMinutes: 180, headcount: 120, projectId: p.id, indicatorId: p.elders,
    }).expect(201);

    // The organisation's own people read exact counts on their project.
    const own = await w.orgAdminA.get(`/api/v1/projects/${p.id}`).expect(200);
    const byCode = (body: { plan: { indicators: Array<{ code: string; id: string; casework: object }> } }) =>
      Object.fromEntries(body.plan.indicators.map((i) => [i.code, { id: i.id, casework: i.casework }]));
    expect(byCode(own.body)).toEqual({
      // 90 + 30 + 120 + 60 = 300 minutes; b1 and b2 (b3's attendance is not shared); 2 records + b1 + b1 + b2 attendances.
      visits: { id: p.visits, casework: { hours: 5, distinctPeople: 2, personTimes: 5 } },
      // 60 + 180 = 240 minutes; b2; 1 record + a headcount of 120.
      elders: { id: p.elders, casework: { hours: 4, distinctPeople: 1, personTimes: 121 } },
    });
    // The project as a whole adds the 45 minutes linked to no indicator: 585 minutes, b1 and b2, 127 person-times.
    expect(own.body.caseworkTotal).toEqual({ hours: 9.75, distinctPeople: 2, personTimes: 127 });

    // The programme officer does not act for the organisation: the same hours and person-times, people of 1-4 shown as "<5".
    const detail = await w.officer.get(`/api/v1/projects/${p.id}`).expect(200);
    expect(byCode(detail.body)).toEqual({
      visits: { id: p.visits, casework: { hours: 5, distinctPeople: '<5', personTimes: 5 } },
      elders: { id: p.elders, casework: { hours: 4, distinctPeople: '<5', personTimes: 121 } },
    });
    expect(detail.body.caseworkTotal).toEqual({ hours: 9.75, distinctPeople: '<5', personTimes: 127 });
    // So does an assigned evaluator.
    await w.officer.post(`/api/v1/projects/${p.id}/evaluation-assignments`, { evaluatorMembershipId: w.evaluator.memberId }).expect(201);
    const evaluated = await w.evaluator.get(`/api/v1/projects/${p.id}`).expect(200);
    expect(byCode(evaluated.body)).toEqual(byCode(detail.body));
    expect(evaluated.body.caseworkTotal).toEqual({ hours: 9.75, distinctPeople: '<5', personTimes: 127 });

    // The organisation's other project sees only its own 30 minutes (b2, exact for the organisation, "<5" for the officer).
    const otherOwn = await w.orgAdminA.get(`/api/v1/projects/${other.id}`).expect(200);
    expect(otherOwn.body.plan.indicators.map((i: { code: string; casework: object }) => [i.code, i.casework]))
      .toEqual([['elders', { hours: 0, distinctPeople: 0, personTimes: 0 }], ['visits', { hours: 0.5, distinctPeople: 1, personTimes: 1 }]]);
    expect(otherOwn.body.caseworkTotal).toEqual({ hours: 0.5, distinctPeople: 1, personTimes: 1 });
    const otherDetail = await w.officer.get(`/api/v1/projects/${other.id}`).expect(200);
    expect(otherDetail.body.plan.indicators.map((i: { code: string; casework: object }) => [i.code, i.casework]))
      .toEqual([['elders', { hours: 0, distinctPeople: 0, personTimes: 0 }], ['visits', { hours: 0.5, distinctPeople: '<5', personTimes: 1 }]]);
    expect(otherDetail.body.caseworkTotal).toEqual({ hours: 0.5, distinctPeople: '<5', personTimes: 1 });

    // The casework view for officials agrees with the officer's project view.
    const official = await w.officer.get(`/api/v1/casework/project-totals/${p.id}`).expect(200);
    expect(official.body.total).toEqual({ hours: 9.75, distinctPeople: '<5', personTimes: 127 });
    expect(official.body.indicators).toEqual(expect.arrayContaining([
      { indicatorId: p.visits, hours: 5, distinctPeople: '<5', personTimes: 5 },
      { indicatorId: p.elders, hours: 4, distinctPeople: '<5', personTimes: 121 },
      { indicatorId: null, hours: 0.75, distinctPeople: '<5', personTimes: 1 },
    ]));
    expect(official.body.indicators).toHaveLength(3);
  });

  it('organisation B cannot put its hours on organisation A\'s project, and A\'s project totals do not move', async () => {
    const p = await project(t, w);
    const workerB = await addMember(t, w.d, ['social_worker'], { organisationId: w.orgB, name: '乙社工' });
    const b = await person(workerB, w.communityId, ['service', 'funder_aggregate']);
    const c = await openCase(workerB, b);
    const refused = await workerB.post(`/api/v1/casework/cases/${c}/service-records`, {
      serviceDate: today(), durationMinutes: 600, mode: 'home_visit', content: '挂到别人的项目', projectId: p.id, indicatorId: p.visits,
    }).expect(400);
    expect(refused.body).toMatchObject({ code: 'PROJECT_LINK_INVALID', detail: { field: 'projectId' } });
    await workerB.post('/api/v1/casework/community-events', {
      communityId: w.communityId, title: '挂到别人的项目', heldOn: '2026-01-16', durationMinutes: 600, headcount: 500, projectId: p.id, indicatorId: p.elders,
    }).expect(400);
    const detail = await w.officer.get(`/api/v1/projects/${p.id}`).expect(200);
    expect(detail.body.caseworkTotal).toEqual({ hours: 0, distinctPeople: 0, personTimes: 0 });
  });
});
