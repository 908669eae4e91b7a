import { Clock } from '@sanshe/common/clock';
import { OutboxService } from '@sanshe/queue';
import { TenantTransactionRunner } from '@sanshe/tenancy';
import { DemoSeeder } from '../../src/demo/demo-seeder';
import { DEMO_PASSWORD } from '../../src/demo/demo-accounts';
import { DEMO_CALL_TITLES } from '../../src/demo/demo-calls';
import { GRANT_AWARDED } from '../../src/modules/calls/grant-awarded.event';
import { put } from '../support/calls';
import { eventHandled } from '../support/events';
import { FreshDatabase, freshDatabase } from '../support/fresh-database';
import { Session, TestApp, login, startTestApp } from '../support/test-app';

const WUHOU = '510107';
const PHONE = {
  admin: '13800510101', officer: '13800510102', finance: '13800510103', reviewer: '13800510104', evaluator: '13800510105',
  orgAdmin: '13800510107', orgStaff: '13800510108', yulinAdmin: '13800510112',
};

interface Item { kind: string; id: string; title: string; path: string; detail: { zh: string; en: string } | null }
interface Workbench { items: Item[]; counts: Record<string, number> }

async function workbench(s: Session): Promise<Workbench> {
  const res = await s.get('/api/v1/workbench');
  if (res.status !== 200) throw new Error(`workbench: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
const of = (w: Workbench, kind: string) => w.items.filter((i) => i.kind === kind);

function body<T = any>(res: { status: number; body: unknown }, status = 200): T {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body as T;
}

/** Everything the demo's grant rounds leave in 武侯区, as the programme officer reads it over HTTP. */
async function grantState(officer: Session) {
  const calls = body(await officer.get('/api/v1/calls?limit=100')).items
    .map((c: Record<string, any>) => ({ id: c.id, title: c.title, status: c.status }))
    .sort((a: { title: string }, b: { title: string }) => a.title.localeCompare(b.title));
  const applications = body(await officer.get('/api/v1/applications?limit=100')).items
    .map((a: Record<string, any>) => ({ id: a.id, callId: a.callId, referenceNo: a.referenceNo, status: a.status }))
    .sort((a: { referenceNo: string }, b: { referenceNo: string }) => a.referenceNo.localeCompare(b.referenceNo));
  const awards = [];
  for (const c of calls) awards.push(...body(await officer.get(`/api/v1/calls/${c.id}/awards`)).items.map((a: Record<string, any>) => ({ id: a.id, status: a.status, project: a.project })));
  const projects = body(await officer.get('/api/v1/projects?limit=100')).items
    .map((p: Record<string, any>) => ({ id: p.id, referenceNo: p.referenceNo, title: p.title, status: p.status, startsOn: p.startsOn, endsOn: p.endsOn, money: p.money }));
  return { calls, applications, awards, projects };
}

const callOf = (state: Awaited<ReturnType<typeof grantState>>, kind: keyof typeof DEMO_CALL_TITLES) => {
  const found = state.calls.filter((c: { title: string }) => c.title.endsWith(DEMO_CALL_TITLES[kind]));
  expect(found).toHaveLength(1);
  return found[0] as { id: string; title: string; status: string };
};

/**
 * The demo as a newcomer meets it (README "Demo accounts"): after `npm start`'s seed, each demo role signs in and finds
 * grant-making work waiting, and can do it. The file has a database of its own, so the first seed below really is
 * the first: the rounds are driven through the services from nothing, then seeded again to prove nothing is doubled.
 */
describe('the demo: grant-making work waiting for every demo role', () => {
  let db: FreshDatabase;
  let t: TestApp;
  let state: Awaited<ReturnType<typeof grantState>>;
  beforeAll(async () => {
    db = await freshDatabase('demo');
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('seeding a fresh database twice leaves one of each demo call, its applications, one award and one funded project; the clock runs again', async () => {
    const seeder = t.app.get(DemoSeeder);
    await seeder.seed();
    // The seed moved the clock through the finished call's past; it must be the real time again afterwards.
    const clock = t.app.get(Clock);
    expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(5_000);

    const officer = await login(t, PHONE.officer, DEMO_PASSWORD, WUHOU);
    state = await grantState(officer);
    await seeder.seed();
    expect(await grantState(officer)).toEqual(state);

    expect(state.calls).toHaveLength(3);
    const open = callOf(state, 'open');
    const screening = callOf(state, 'screening');
    const finished = callOf(state, 'finished');
    expect([open.status, screening.status, finished.status]).toEqual(['published', 'closed', 'awarded']);
    const appsOf = (callId: string) => state.applications.filter((a: { callId: string }) => a.callId === callId).map((a: { status: string }) => a.status).sort();
    expect(appsOf(screening.id)).toEqual(['submitted', 'submitted']);
    expect(appsOf(finished.id)).toEqual(['awarded', 'declined']);
    expect(appsOf(open.id)).toEqual([]);

    expect(state.awards).toHaveLength(1);
    expect(state.projects).toHaveLength(1);
    const [project] = state.projects;
    expect(state.awards[0]).toMatchObject({ status: 'accepted', project: { id: project.id, status: 'active' } });
    expect(project).toMatchObject({ status: 'active', money: { awardedFen: '18000000', releasedFen: '0' } });
    // Running today: from the first day of last month (Asia/Shanghai) for a year.
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    expect(project.startsOn <= today && today <= project.endsOn).toBe(true);
    expect(project.startsOn.endsWith('-01')).toBe(true);

    // The award's event still goes through the worker; delivered again, its handler finds the project and adds none.
    const orgAdmin = await login(t, PHONE.orgAdmin, DEMO_PASSWORD, WUHOU);
    const award = body(await orgAdmin.get(`/api/v1/awards/${state.awards[0].id}`));
    expect(award).toMatchObject({ status: 'accepted', projectStatus: 'created', project: { id: project.id } });
    const me = body(await officer.get('/api/v1/me'));
    const eventId = await t.app.get(TenantTransactionRunner).run({ tenantId: me.district.tenantId }, () => t.app.get(OutboxService).publish(GRANT_AWARDED, award.record));
    expect(await eventHandled(t, eventId, GRANT_AWARDED)).toMatchObject({ 'projects.create-from-award': 'completed' });
    expect(body(await officer.get('/api/v1/projects?limit=100')).total).toBe(1);
  });

  it('each demo role signs in and finds its work on the workbench, and can do it', async () => {
    const [project] = state.projects;
    const screening = callOf(state, 'screening');
    const waitingApps = state.applications.filter((a: { callId: string }) => a.callId === screening.id).map((a: { id: string }) => a.id).sort();

    // Programme officer and district admin: the closed call's applications to screen.
    const officer = await login(t, PHONE.officer, DEMO_PASSWORD, WUHOU);
    const admin = await login(t, PHONE.admin, DEMO_PASSWORD, WUHOU);
    for (const s of [officer, admin]) {
      const w = await workbench(s);
      expect(of(w, 'application_to_screen').map((i) => i.id).sort()).toEqual(waitingApps);
      expect(w.counts.application_to_screen).toBe(2);
    }

    // Finance: the project's first tranche, ready (the agreement is signed) — and releasing it works.
    const finance = await login(t, PHONE.finance, DEMO_PASSWORD, WUHOU);
    const tranches = of(await workbench(finance), 'tranche_to_release');
    expect(tranches).toEqual([expect.objectContaining({ path: `/finance/tranches?ready=true&projectId=${project.id}`, detail: expect.objectContaining({ zh: expect.stringContaining('第1期') }) })]);
    const paid = body(await finance.post(`/api/v1/projects/${project.id}/tranches/${tranches[0].id}/release`).set('Idempotency-Key', 'demo-first-tranche'));
    expect(paid).toMatchObject({ amountFen: '9000000' });
    expect(of(await workbench(finance), 'tranche_to_release')).toEqual([]);

    // The organisation (admin and staff): last month's monthly report of its project.
    for (const phone of [PHONE.orgAdmin, PHONE.orgStaff]) {
      const reports = of(await workbench(await login(t, phone, DEMO_PASSWORD, WUHOU)), 'report_to_submit');
      expect(reports).toContainEqual(expect.objectContaining({
        title: project.title, path: expect.stringMatching(/^\/project-reports\//), detail: expect.objectContaining({ zh: expect.stringContaining('月报') }),
      }));
    }

    // The evaluator: the project's mid-term evaluation.
    const evaluator = await login(t, PHONE.evaluator, DEMO_PASSWORD, WUHOU);
    expect(of(await workbench(evaluator), 'evaluation_due')).toEqual([expect.objectContaining({ id: project.id, path: `/projects/${project.id}` })]);

    // The second applicant's admin works for 玉林 and sees its two applications.
    const yulin = await login(t, PHONE.yulinAdmin, DEMO_PASSWORD, WUHOU);
    expect(body(await yulin.get('/api/v1/organisations/mine'))).toMatchObject({ name: '成都市武侯区玉林青少年成长服务中心', status: 'verified' });
    expect(body(await yulin.get('/api/v1/applications')).items.map((a: { status: string }) => a.status).sort()).toEqual(['declined', 'submitted']);

    // The reviewer has nothing until the officer screens and assigns; then both applications, and scoring works.
    const reviewer = await login(t, PHONE.reviewer, DEMO_PASSWORD, WUHOU);
    expect(of(await workbench(reviewer), 'review_to_score')).toEqual([]);
    for (const id of waitingApps) {
      const app = body(await officer.get(`/api/v1/applications/${id}`));
      body(await officer.post(`/api/v1/applications/${id}/screening`, { version: app.version, decision: 'pass', reason: '材料齐全，符合条件' }));
    }
    expect(of(await workbench(officer), 'application_to_screen')).toEqual([]);
    const reviewers = body(await officer.get('/api/v1/members?role=reviewer')).items;
    body(await officer.post(`/api/v1/calls/${screening.id}/reviewers`, { membershipIds: reviewers.map((r: { id: string }) => r.id) }));
    body(await officer.post(`/api/v1/calls/${screening.id}/review-assignments`));
    const toScore = of(await workbench(reviewer), 'review_to_score');
    expect(toScore).toHaveLength(2);
    const detail = body(await reviewer.get(`/api/v1/reviews/assignments/${toScore[0].id}`));
    const saved = body(await put(t, reviewer, `/api/v1/reviews/assignments/${toScore[0].id}/scores`, {
      version: detail.version, scores: [{ code: 'need', score: 8 }, { code: 'design', score: 7.5 }, { code: 'budget', score: 8 }],
    }));
    body(await reviewer.post(`/api/v1/reviews/assignments/${toScore[0].id}/submit`, { version: saved.version }));
    expect(of(await workbench(reviewer), 'review_to_score')).toHaveLength(1);
  });
});
