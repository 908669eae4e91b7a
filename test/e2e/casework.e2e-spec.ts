import { randomInt, randomUUID } from 'node:crypto';
import { shanghaiDay } from '@sanshe/common';
import { District, Session, TestApp, addMember, eventually, openDistrict, ownerClient, startTestApp } from '../support/test-app';
import { createVerifiedOrganisation } from '../support/organisations';
import { fundedProject, projectWorld } from '../support/projects';
import type { Client } from 'pg';
import { residentId } from '../support/casework';
import { seedServiceRecords } from '../support/casework-aggregates';

/** Service records must fall within the case, which the tests open today; read per call so a run over midnight still agrees. */
const today = () => shanghaiDay(new Date());

/** The schema owner, inside one district: RLS is forced even for the owner, so dumps must name the district. */
async function ownerIn(tenantId: string): Promise<Client> {
  const owner = await ownerClient();
  await owner.query(`SELECT set_config('app.tenant_id', $1, false)`, [tenantId]);
  return owner;
}

type Member = Session & { memberId: string; phone: string };

/** A real project (created through the award event) and its two indicators' ids. */
interface LinkedProject {
  id: string;
  visits: string;
  elders: string;
}

async function linkedProject(t: TestApp, pw: Awaited<ReturnType<typeof projectWorld>>, organisationId: string): Promise<LinkedProject> {
  const { id, detail } = await fundedProject(t, pw, { organisationId });
  const indicator = (code: string) => detail.plan.indicators.find((i: { code: string }) => i.code === code).id as string;
  return { id, visits: indicator('visits'), elders: indicator('elders') };
}

interface World {
  d: District;
  communityId: string;
  orgA: string;
  orgB: string;
  workerA1: Member;
  workerA2: Member;
  supervisorA: Member;
  adminA: Member;
  adminB: Member;
  workerB: Member;
  /** Organisation A's project (the one its work counts towards), another of A's, and one of organisation B. */
  projectA: LinkedProject;
  otherProjectA: LinkedProject;
  projectB: LinkedProject;
}

/** The projects' world (district, officer, finance, organisations A and B, a community) plus A's casework team. */
async function world(t: TestApp): Promise<World> {
  const pw = await projectWorld(t);
  const { d, orgA, orgB } = pw;
  const workerA1 = await addMember(t, d, ['social_worker'], { organisationId: orgA, name: '吴社工' });
  const workerA2 = await addMember(t, d, ['social_worker'], { organisationId: orgA, name: '周社工' });
  const supervisorA = await addMember(t, d, ['supervisor'], { organisationId: orgA, name: '郑督导' });
  const adminA = await addMember(t, d, ['org_admin'], { organisationId: orgA, name: '刘理事长' });
  const adminB = await addMember(t, d, ['org_admin'], { organisationId: orgB, name: '乙机构管理员' });
  const workerB = await addMember(t, d, ['social_worker'], { organisationId: orgB, name: '乙社工' });
  await adminA.post('/api/v1/casework/supervision/assignments', { supervisorMembershipId: supervisorA.memberId, workerMembershipId: workerA1.memberId }).expect(201);
  const projectA = await linkedProject(t, pw, orgA);
  const otherProjectA = await linkedProject(t, pw, orgA);
  const projectB = await linkedProject(t, pw, orgB);
  return { d, communityId: pw.communityId, orgA, orgB, workerA1, workerA2, supervisorA, adminA, adminB, workerB, projectA, otherProjectA, projectB };
}

async function register(w: World, s: Session, extra: Record<string, unknown> = {}) {
  const idNumber = (extra.idNumber as string) ?? residentId();
  const phone = `138${String(randomInt(0, 1e8)).padStart(8, '0')}`;
  const res = await s.post('/api/v1/casework/beneficiaries', {
    name: '张大爷', idNumber, phone, address: '晋阳路88号3栋2单元501', communityId: w.communityId,
    household: '独居，子女在外地务工', vulnerabilityTags: ['elderly_living_alone', 'dibao'], vulnerabilityNotes: '高血压，行动不便', notes: '喜欢下象棋',
    ...extra,
  });
  if (![200, 201].includes(res.status)) throw new Error(`register failed ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.beneficiary.id as string, idNumber, phone, body: res.body };
}

async function consent(s: Session, beneficiaryId: string, purpose: string, extra: Record<string, unknown> = {}) {
  const res = await s.post(`/api/v1/casework/beneficiaries/${beneficiaryId}/consents`, { purpose, formVersion: '2026版', givenOn: '2026-01-05', givenBy: 'self', ...extra });
  if (res.status !== 201) throw new Error(`consent failed ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

async function openCase(s: Session, beneficiaryId: string, problem = '独居，近期摔倒后情绪低落，希望有人定期探访') {
  const res = await s.post('/api/v1/casework/cases', { beneficiaryId, source: 'outreach', presentingProblem: problem });
  if (res.status !== 201) throw new Error(`open case failed ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

const ASSESSMENT = { needs: ['情感陪伴', '居家安全'], risks: [{ description: '再次跌倒', level: 'high' }], strengths: ['与邻居关系好'] };
const PLAN = { goals: [{ goal: '三个月内建立邻里探访网络' }], tasks: [{ task: '每周家访一次' }], startOn: '2026-01-10', endOn: '2026-04-10' };

/** Opens a case and takes it through intake (with service consent) to the assessment step. */
async function caseInAssessment(w: World, worker: Member) {
  const b = await register(w, worker);
  await consent(worker, b.id, 'service');
  const c = await openCase(worker, b.id);
  const accepted = await worker.post(`/api/v1/casework/cases/${c.id}/intake/accept`, { version: c.version }).expect(200);
  return { b, c: accepted.body };
}

describe('casework with protected personal information', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await startTestApp();
    w = await world(t);
  }, 120_000);
  afterAll(async () => { await t.close(); });

  describe('registering people', () => {
    it('stores no clear ID number, phone, address or note anywhere in the tables', async () => {
      const b = await register(w, w.workerA1);
      expect(b.body.existing).toBe(false);
      expect(b.body.beneficiary.idNumber).toBe(`${b.idNumber.slice(0, 4)}**********${b.idNumber.slice(-4)}`);
      expect(b.body.beneficiary.phone).toBe(`${b.phone.slice(0, 3)}****${b.phone.slice(7)}`);
      await consent(w.workerA1, b.id, 'service');
      const c = await openCase(w.workerA1, b.id, '需要康复训练的秘密笔记ABC');
      await w.workerA1.post(`/api/v1/casework/cases/${c.id}/intake/accept`, { version: c.version }).expect(200);
      await w.workerA1.post(`/api/v1/casework/cases/${c.id}/service-records`, {
        serviceDate: today(), durationMinutes: 60, mode: 'home_visit', content: '家访记录里的敏感内容XYZ', place: '服务对象家中',
      }).expect(201);
      const owner = await ownerIn(w.d.tenantId);
      let rowsSeen = 0;
      try {
        const tables = await owner.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`);
        const secrets = [b.idNumber, b.phone, '晋阳路88号', '高血压', '喜欢下象棋', '独居，子女', '秘密笔记ABC', '敏感内容XYZ'];
        for (const { table_name } of tables.rows) {
          const dump = await owner.query(`SELECT t::text AS row FROM ${table_name} t`);
          rowsSeen += dump.rowCount ?? 0;
          const text = dump.rows.map((r: { row: string }) => r.row).join('\n');
          for (const s of secrets) expect({ table: table_name, leaked: text.includes(s) ? s : null }).toEqual({ table: table_name, leaked: null });
          // bytea columns are dumped as hex: look for the hex of the ID number too
          expect(text.includes(Buffer.from(b.idNumber).toString('hex'))).toBe(false);
        }
        const mine = await owner.query(`SELECT count(*)::int AS n FROM beneficiaries WHERE id = $1`, [b.id]);
        expect(mine.rows[0].n).toBe(1);
        expect(rowsSeen).toBeGreaterThan(20);
      } finally {
        await owner.end();
      }
    });

    it('registering a person the organisation already knows returns the existing record, found by the keyed hash', async () => {
      const first = await register(w, w.workerA1);
      const again = await w.workerA2.post('/api/v1/casework/beneficiaries', { name: '张大爷', idNumber: first.idNumber.toLowerCase() }).expect(200);
      expect(again.body.existing).toBe(true);
      expect(again.body.beneficiary.id).toBe(first.id);
      const found = await w.workerA2.post('/api/v1/casework/beneficiaries/lookup', { idNumber: first.idNumber }).expect(200);
      expect(found.body).toMatchObject({ found: true, beneficiary: { id: first.id } });
      // Another organisation knows nothing of this person and registers its own record.
      const other = await w.workerB.post('/api/v1/casework/beneficiaries', { name: '张大爷', idNumber: first.idNumber }).expect(201);
      expect(other.body.beneficiary.id).not.toBe(first.id);
    });

    it('a wrong check digit, a gender that does not match, and a minor without guardian are refused', async () => {
      const good = residentId();
      const bad = good.slice(0, 17) + (good[17] === '1' ? '2' : '1');
      const wrong = await w.workerA1.post('/api/v1/casework/beneficiaries', { name: '李四', idNumber: bad }).expect(400);
      expect(wrong.body.code).toBe('VALIDATION_FAILED');
      expect(wrong.body.errors[0]).toMatchObject({ field: 'idNumber', code: 'RESIDENT_ID_CHECK' });
      const mismatch = await w.workerA1.post('/api/v1/casework/beneficiaries', { name: '李四', idNumber: residentId({ birth: '19800101', male: true }), gender: 'female' }).expect(400);
      expect(mismatch.body.code).toBe('ID_NUMBER_MISMATCH');
      const child = await w.workerA1.post('/api/v1/casework/beneficiaries', { name: '小明', idNumber: residentId({ birth: '20160512' }) }).expect(400);
      expect(child.body.code).toBe('GUARDIAN_REQUIRED');
      expect(child.body.message['zh-CN']).toContain('监护人');
    });

    it('revealing a clear value needs a reason and is written to the access log the organisation admin reads', async () => {
      const b = await register(w, w.workerA1);
      const masked = await w.workerA1.get(`/api/v1/casework/beneficiaries/${b.id}`).expect(200);
      expect(JSON.stringify(masked.body)).not.toContain(b.idNumber);
      expect(JSON.stringify(masked.body)).not.toContain(b.phone);
      await w.workerA1.post(`/api/v1/casework/beneficiaries/${b.id}/reveal`, { field: 'phone' }).expect(400);
      const clear = await w.workerA1.post(`/api/v1/casework/beneficiaries/${b.id}/reveal`, { field: 'phone', reason: '电话预约家访时间' }).expect(200);
      expect(clear.body.value).toBe(b.phone);
      const log = await w.adminA.get(`/api/v1/casework/access-log?beneficiaryId=${b.id}&action=reveal`).expect(200);
      expect(log.body.items[0]).toMatchObject({ action: 'reveal', field: 'phone', reason: '电话预约家访时间', actor: { name: '吴社工' } });
      const refused = await w.workerA1.get('/api/v1/casework/access-log').expect(403);
      expect(refused.body.code).toBe('FORBIDDEN_ROLE');
    });
  });

  describe('who sees what', () => {
    it('a worker cannot see another worker\'s person or case; the supervisor and the organisation admin can', async () => {
      const { b, c } = await caseInAssessment(w, w.workerA1);
      for (const path of [`/api/v1/casework/cases/${c.id}`, `/api/v1/casework/beneficiaries/${b.id}`]) {
        const res = await w.workerA2.get(path).expect(404);
        expect(['CASE_NOT_FOUND', 'BENEFICIARY_NOT_FOUND']).toContain(res.body.code);
        await w.supervisorA.get(path).expect(200);
        await w.adminA.get(path).expect(200);
      }
      const reveal = await w.workerA2.post(`/api/v1/casework/beneficiaries/${b.id}/reveal`, { field: 'id_number', reason: '只是想看看' }).expect(404);
      expect(reveal.body.code).toBe('BENEFICIARY_NOT_FOUND');
      const list = await w.workerA2.get('/api/v1/casework/cases').expect(200);
      expect(list.body.items.map((i: { id: string }) => i.id)).not.toContain(c.id);
    });

    it('a supervisor does not see the cases of a worker they do not supervise', async () => {
      const { c } = await caseInAssessment(w, w.workerA2);
      const res = await w.supervisorA.get(`/api/v1/casework/cases/${c.id}`).expect(404);
      expect(res.body.code).toBe('CASE_NOT_FOUND');
    });

    it('another organisation sees nothing of the case, its person or its records', async () => {
      const { b, c } = await caseInAssessment(w, w.workerA1);
      for (const s of [w.workerB, w.adminB]) {
        await s.get(`/api/v1/casework/cases/${c.id}`).expect(404);
        await s.get(`/api/v1/casework/beneficiaries/${b.id}`).expect(404);
        await s.post(`/api/v1/casework/cases/${c.id}/service-records`, { serviceDate: today(), durationMinutes: 30, mode: 'phone', content: '试图写入' }).expect(404);
      }
    });

    it('a district official asking for a person or a case is refused; aggregates are all they get', async () => {
      const { b, c } = await caseInAssessment(w, w.workerA1);
      for (const path of [`/api/v1/casework/cases/${c.id}`, `/api/v1/casework/beneficiaries/${b.id}`, '/api/v1/casework/beneficiaries', '/api/v1/casework/cases']) {
        const res = await w.d.admin.get(path).expect(403);
        expect(res.body.code).toBe('FORBIDDEN_ROLE');
      }
      const agg = await w.d.admin.get('/api/v1/casework/aggregates').expect(200);
      expect(JSON.stringify(agg.body)).not.toContain('张大爷');
      expect(JSON.stringify(agg.body)).not.toContain(b.idNumber.slice(-4) + '"');
      const community = agg.body.communities.find((x: { community: { id: string } }) => x.community.id === w.communityId);
      expect(typeof community.beneficiaries === 'number' ? community.beneficiaries >= 5 : community.beneficiaries === '<5').toBe(true);
      expect(community.vulnerabilityTags.elderly_living_alone.label.zh).toBe('独居老人');
      // And a worker cannot read the district aggregates.
      await w.workerA1.get('/api/v1/casework/aggregates').expect(403);
    });

    it('another district sees nothing, even with the right ids', async () => {
      const { b, c } = await caseInAssessment(w, w.workerA1);
      const other = await openDistrict(t);
      const otherOrg = (await createVerifiedOrganisation(t, other)).id;
      const stranger = await addMember(t, other, ['org_admin', 'supervisor'], { organisationId: otherOrg });
      await stranger.get(`/api/v1/casework/cases/${c.id}`).expect(404);
      await stranger.get(`/api/v1/casework/beneficiaries/${b.id}`).expect(404);
      const lookup = await stranger.post('/api/v1/casework/beneficiaries/lookup', { idNumber: b.idNumber }).expect(200);
      expect(lookup.body.found).toBe(false);
    });
  });

  describe('consent', () => {
    it('a case cannot be accepted without the person\'s consent to services', async () => {
      const b = await register(w, w.workerA1);
      const c = await openCase(w.workerA1, b.id);
      const res = await w.workerA1.post(`/api/v1/casework/cases/${c.id}/intake/accept`, { version: c.version }).expect(409);
      expect(res.body).toMatchObject({ code: 'CONSENT_REQUIRED', detail: { purpose: 'service' } });
    });

    it('a child under 14 cannot consent alone; the guardian\'s consent is accepted', async () => {
      const child = await register(w, w.workerA1, { name: '小明', idNumber: residentId({ birth: '20160512' }), guardian: { name: '李芳', relation: '母亲', phone: '13800138000' }, vulnerabilityTags: ['left_behind_child'] });
      const alone = await w.workerA1.post(`/api/v1/casework/beneficiaries/${child.id}/consents`, { purpose: 'service', formVersion: '2026版', givenOn: '2026-01-05', givenBy: 'self' }).expect(400);
      expect(alone.body.code).toBe('GUARDIAN_CONSENT_REQUIRED');
      const byGuardian = await consent(w.workerA1, child.id, 'service', { givenBy: 'guardian', giverName: '李芳' });
      expect(byGuardian).toMatchObject({ purpose: 'service', givenBy: 'guardian', active: true });
    });

    it('referral shares only what was consented; withdrawing the consent cancels it and refuses new referrals and project links', async () => {
      const { b, c } = await caseInAssessment(w, w.workerA1);
      const rc = await consent(w.workerA1, b.id, 'referral', { scope: ['name', 'age', 'phone', 'presenting_problem'] });
      const tooMuch = await w.workerA1.post(`/api/v1/casework/cases/${c.id}/referrals`, { toOrganisationId: w.orgB, reason: '需要专业康复服务', sharedFields: ['name', 'id_number'] }).expect(409);
      expect(tooMuch.body).toMatchObject({ code: 'CONSENT_SCOPE', detail: { notConsented: ['id_number'] } });
      const ref = await w.workerA1.post(`/api/v1/casework/cases/${c.id}/referrals`, { toOrganisationId: w.orgB, reason: '需要专业康复服务', sharedFields: ['name', 'phone'] }).expect(201);
      const incoming = await w.adminB.get(`/api/v1/casework/referrals/${ref.body.id}`).expect(200);
      expect(incoming.body.shared).toEqual({ name: '张大爷', phone: b.phone });
      expect(JSON.stringify(incoming.body)).not.toContain(b.idNumber);
      await w.workerB.get(`/api/v1/casework/referrals/${ref.body.id}`).expect(404);

      const withdrawn = await w.workerA1.post(`/api/v1/casework/consents/${rc.id}/withdraw`, { reason: '服务对象不再同意转介' }).expect(200);
      expect(withdrawn.body.cancelledReferrals).toEqual([ref.body.id]);
      const after = await w.adminB.get(`/api/v1/casework/referrals/${ref.body.id}`).expect(200);
      expect(after.body).toMatchObject({ status: 'cancelled', shared: null });
      const decide = await w.adminB.post(`/api/v1/casework/referrals/${ref.body.id}/decision`, { decision: 'accept' }).expect(409);
      expect(decide.body.code).toBe('INVALID_STATE_TRANSITION');
      const again = await w.workerA1.post(`/api/v1/casework/cases/${c.id}/referrals`, { toOrganisationId: w.orgB, reason: '再试一次', sharedFields: ['name'] }).expect(409);
      expect(again.body).toMatchObject({ code: 'CONSENT_REQUIRED', detail: { purpose: 'referral' } });
      // Linking a record to a funded project is sharing with the funder: refused without that consent.
      const link = await w.workerA1.post(`/api/v1/casework/cases/${c.id}/service-records`, {
        serviceDate: today(), durationMinutes: 30, mode: 'phone', content: '电话回访', projectId: w.projectA.id, indicatorId: w.projectA.visits,
      }).expect(409);
      expect(link.body).toMatchObject({ code: 'CONSENT_REQUIRED', detail: { purpose: 'funder_aggregate' } });
    });

    it('the receiving organisation accepts a referral and the sender sees the outcome', async () => {
      const { b, c } = await caseInAssessment(w, w.workerA1);
      await consent(w.workerA1, b.id, 'referral', { scope: ['name', 'presenting_problem'] });
      const ref = await w.workerA1.post(`/api/v1/casework/cases/${c.id}/referrals`, { toOrganisationId: w.orgB, reason: '需要法律援助', sharedFields: ['name', 'presenting_problem'] }).expect(201);
      const wrongSide = await w.adminA.post(`/api/v1/casework/referrals/${ref.body.id}/decision`, { decision: 'accept' }).expect(403);
      expect(wrongSide.body.code).toBe('REFERRAL_NOT_YOURS');
      // The ID number was not shared: the receiver enters it from its own intake to take the person over.
      await w.adminB.post(`/api/v1/casework/referrals/${ref.body.id}/decision`, { decision: 'accept', note: '已安排社工跟进', idNumber: b.idNumber }).expect(200);
      const seen = await w.workerA1.get(`/api/v1/casework/referrals/${ref.body.id}`).expect(200);
      expect(seen.body).toMatchObject({ status: 'accepted', direction: 'outgoing', decisionNote: '已安排社工跟进' });
      expect(seen.body.shared).toBeUndefined();
      // Both sides are told in the app, by organisation name only: the person referred is not in the message.
      const notified = (s: Session, kind: string) => eventually(async () => {
        const res = await s.get('/api/v1/notifications?limit=200').expect(200);
        return res.body.items.find((n: { kind: string; data: { referralId?: string } }) => n.kind === kind && n.data.referralId === ref.body.id);
      }, 60_000);
      const received = await notified(w.adminB, 'casework.referral.created');
      expect(received.titleEn).toMatch(/^Case referral received from /);
      expect(JSON.stringify(received)).not.toContain('需要法律援助');
      const answered = await notified(w.workerA1, 'casework.referral.decided');
      expect(answered.titleEn).toMatch(/accepted a case referral$/);
    });
  });

  describe('the case lifecycle', () => {
    it('goes from intake to follow-up with the supervisor approving assessment, plan and closure', async () => {
      const { b, c } = await caseInAssessment(w, w.workerA1);
      let cur = (await w.workerA1.post(`/api/v1/casework/cases/${c.id}/assessment`, { ...ASSESSMENT, version: c.version }).expect(200)).body;
      expect(cur.status).toBe('assessment_review');
      expect(cur.riskLevel).toBe('high');
      // Not the worker's own approval, and not a supervisor of someone else.
      const self = await w.workerA1.post(`/api/v1/casework/cases/${c.id}/approval`, { decision: 'approve', version: cur.version }).expect(403);
      expect(self.body.code).toBe('FORBIDDEN_ROLE');
      cur = (await w.supervisorA.post(`/api/v1/casework/cases/${c.id}/approval`, { decision: 'return', comment: '请补充家庭支持情况', version: cur.version }).expect(200)).body;
      expect(cur.status).toBe('assessment');
      cur = (await w.workerA1.post(`/api/v1/casework/cases/${c.id}/assessment`, { ...ASSESSMENT, strengths: ['与邻居关系好', '女儿每周来电'], version: cur.version }).expect(200)).body;
      cur = (await w.supervisorA.post(`/api/v1/casework/cases/${c.id}/approval`, { decision: 'approve', version: cur.version }).expect(200)).body;
      expect(cur.status).toBe('planning');
      cur = (await w.workerA1.post(`/api/v1/casework/cases/${c.id}/plan`, { ...PLAN, version: cur.version }).expect(200)).body;
      expect(cur.status).toBe('plan_review');
      const team = await w.supervisorA.get('/api/v1/casework/caseload/team').expect(200);
      expect(team.body.pendingApprovals.map((p: { caseId: string }) => p.caseId)).toContain(c.id);
      cur = (await w.supervisorA.post(`/api/v1/casework/cases/${c.id}/approval`, { decision: 'approve', version: cur.version }).expect(200)).body;
      expect(cur.status).toBe('intervention');
      await w.workerA1.post(`/api/v1/casework/cases/${c.id}/service-records`, { serviceDate: today(), startTime: '09:30', durationMinutes: 90, mode: 'face_to_face', content: '面谈' }).expect(201);
      cur = (await w.workerA1.get(`/api/v1/casework/cases/${c.id}`).expect(200)).body;
      cur = (await w.workerA1.post(`/api/v1/casework/cases/${c.id}/evaluation`, { goalsAchieved: 'most', satisfaction: 5, summary: '目标基本达成', version: cur.version }).expect(200)).body;
      cur = (await w.workerA1.post(`/api/v1/casework/cases/${c.id}/closure`, { reason: 'goals_achieved', summary: '服务对象状况稳定', version: cur.version }).expect(200)).body;
      expect(cur.status).toBe('closure_review');
      cur = (await w.supervisorA.post(`/api/v1/casework/cases/${c.id}/approval`, { decision: 'approve', version: cur.version }).expect(200)).body;
      expect(cur.status).toBe('closed');
      expect(cur.followUpDueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(cur.approvals.map((a: { step: string; decision: string }) => `${a.step}:${a.decision}`)).toEqual(
        ['assessment:returned', 'assessment:approved', 'plan:approved', 'closure:approved']);
      expect(cur.approvals[0].comment).toBe('请补充家庭支持情况');
      const late = await w.workerA1.post(`/api/v1/casework/cases/${c.id}/service-records`, { serviceDate: today(), durationMinutes: 30, mode: 'phone', content: '结案后' }).expect(409);
      expect(late.body.code).toBe('CASE_NOT_OPEN');
      cur = (await w.workerA1.post(`/api/v1/casework/cases/${c.id}/follow-ups`, { serviceDate: today(), durationMinutes: 20, mode: 'phone', content: '回访：状况良好', version: cur.version }).expect(201)).body;
      const done = await w.workerA1.get(`/api/v1/casework/cases/${c.id}`).expect(200);
      expect(done.body.status).toBe('followed_up');
      expect(b.id).toBe(done.body.beneficiary.id);
      // The audit trail records the moves but none of the narrative.
      const owner = await ownerIn(w.d.tenantId);
      try {
        const audit = await owner.query(`SELECT action, before::text || after::text AS body FROM audit_log WHERE entity_id = $1 ORDER BY occurred_at`, [c.id]);
        expect(audit.rows.map((r: { action: string }) => r.action)).toContain('case.approve_closure');
        const text = audit.rows.map((r: { body: string }) => r.body).join();
        for (const s of ['目标基本达成', '服务对象状况稳定', '再次跌倒', '摔倒后情绪低落']) expect(text).not.toContain(s);
      } finally {
        await owner.end();
      }
    });

    it('illegal moves are 409 and change nothing', async () => {
      const b = await register(w, w.workerA1);
      await consent(w.workerA1, b.id, 'service');
      const c = await openCase(w.workerA1, b.id);
      for (const [path, body] of [
        ['plan', PLAN], ['evaluation', { goalsAchieved: 'all', satisfaction: 4, summary: '跳过' }], ['closure', { reason: 'other', summary: '跳过' }], ['assessment', ASSESSMENT],
      ] as const) {
        const res = await w.workerA1.post(`/api/v1/casework/cases/${c.id}/${path}`, { ...body, version: c.version }).expect(409);
        expect(res.body).toMatchObject({ code: 'INVALID_STATE_TRANSITION', detail: { entity: 'case', from: 'intake' } });
      }
      const approve = await w.supervisorA.post(`/api/v1/casework/cases/${c.id}/approval`, { decision: 'approve', version: c.version }).expect(409);
      expect(approve.body.code).toBe('NO_PENDING_APPROVAL');
      const declined = await w.workerA1.post(`/api/v1/casework/cases/${c.id}/intake/decline`, { reason: '不在服务范围', version: c.version }).expect(200);
      const twice = await w.workerA1.post(`/api/v1/casework/cases/${c.id}/intake/accept`, { version: declined.body.version }).expect(409);
      expect(twice.body.code).toBe('INVALID_STATE_TRANSITION');
      const stale = await w.workerA1.post(`/api/v1/casework/cases/${c.id}/intake/accept`, { version: c.version }).expect(409);
      expect(stale.body.code).toBe('STALE_VERSION');
      const now = await w.workerA1.get(`/api/v1/casework/cases/${c.id}`).expect(200);
      expect(now.body).toMatchObject({ status: 'declined', declineReason: '不在服务范围' });
    });

    it('with approval required and no supervisor assigned, the worker is told so; without the gate the step moves on', async () => {
      const { c } = await caseInAssessment(w, w.workerA2);
      const res = await w.workerA2.post(`/api/v1/casework/cases/${c.id}/assessment`, { ...ASSESSMENT, version: c.version }).expect(409);
      expect(res.body.code).toBe('NO_SUPERVISOR');
      expect(res.body.message['zh-CN']).toContain('督导');
      const settings = await w.adminA.get('/api/v1/casework/settings').expect(200);
      expect(settings.body).toMatchObject({ requireAssessmentApproval: true, requirePlanApproval: true, requireClosureApproval: true, recordLockDays: 7 });
      const changed = await w.adminA.patch('/api/v1/casework/settings', { requireAssessmentApproval: false, version: settings.body.version }).expect(200);
      try {
        const moved = await w.workerA2.post(`/api/v1/casework/cases/${c.id}/assessment`, { ...ASSESSMENT, version: c.version }).expect(200);
        expect(moved.body.status).toBe('planning');
        await w.workerA2.patch('/api/v1/casework/settings', { requireAssessmentApproval: true, version: changed.body.version }).expect(403);
      } finally {
        await w.adminA.patch('/api/v1/casework/settings', { requireAssessmentApproval: true, version: changed.body.version }).expect(200);
      }
    });
  });

  describe('service records', () => {
    it('are editable by their author within the window, then only by an audited correction', async () => {
      const { c } = await caseInAssessment(w, w.workerA1);
      const rec = await w.workerA1.post(`/api/v1/casework/cases/${c.id}/service-records`, { serviceDate: today(), durationMinutes: 120, mode: 'home_visit', content: '第一次家访' }).expect(201);
      expect(rec.body.locked).toBe(false);
      const notAuthor = await w.supervisorA.patch(`/api/v1/casework/service-records/${rec.body.id}`, { durationMinutes: 60, version: rec.body.version }).expect(403);
      expect(notAuthor.body.code).toBe('NOT_RECORD_AUTHOR');
      const edited = await w.workerA1.patch(`/api/v1/casework/service-records/${rec.body.id}`, { durationMinutes: 90, version: rec.body.version }).expect(200);
      expect(edited.body.durationMinutes).toBe(90);
      const early = await w.workerA1.post(`/api/v1/casework/service-records/${rec.body.id}/corrections`, { durationMinutes: 60, reason: '工时填错了', version: edited.body.version }).expect(409);
      expect(early.body.code).toBe('SERVICE_RECORD_NOT_LOCKED');

      const s = await w.adminA.get('/api/v1/casework/settings').expect(200);
      const locked = await w.adminA.patch('/api/v1/casework/settings', { recordLockDays: 0, version: s.body.version }).expect(200);
      try {
        const refused = await w.workerA1.patch(`/api/v1/casework/service-records/${rec.body.id}`, { durationMinutes: 60, version: edited.body.version }).expect(409);
        expect(refused.body.code).toBe('SERVICE_RECORD_LOCKED');
        const noReason = await w.workerA1.post(`/api/v1/casework/service-records/${rec.body.id}/corrections`, { durationMinutes: 60, version: edited.body.version }).expect(400);
        expect(noReason.body.code).toBe('VALIDATION_FAILED');
        const corrected = await w.supervisorA.post(`/api/v1/casework/service-records/${rec.body.id}/corrections`, {
          durationMinutes: 60, content: '第一次家访（更正）', reason: '工时误填为90分钟，实际为60分钟', version: edited.body.version,
        }).expect(201);
        expect(corrected.body).toMatchObject({ durationMinutes: 60, content: '第一次家访（更正）', correctionCount: 1, locked: true });
        const owner = await ownerIn(w.d.tenantId);
        try {
          const audit = await owner.query(`SELECT after FROM audit_log WHERE entity_id = $1 AND action = 'service_record.corrected'`, [rec.body.id]);
          expect(audit.rows[0].after).toMatchObject({ reason: '工时误填为90分钟，实际为60分钟', changedFields: ['durationMinutes', 'content'] });
          expect(JSON.stringify(audit.rows[0].after)).not.toContain('第一次家访');
          const kept = await owner.query(`SELECT changed_fields FROM service_record_corrections WHERE service_record_id = $1`, [rec.body.id]);
          expect(kept.rows[0].changed_fields).toEqual(['durationMinutes', 'content']);
        } finally {
          await owner.end();
        }
      } finally {
        await w.adminA.patch('/api/v1/casework/settings', { recordLockDays: 7, version: locked.body.version }).expect(200);
      }
    });
  });

  describe('group work, community work and project totals', () => {
    it('service hours and people linked to a project indicator show up in that project\'s indicator totals', async () => {
      // A real project of the worker's organisation (created through the award event) and its indicators.
      const projectId = w.projectA.id;
      const indicatorId = w.projectA.visits;
      const { b, c } = await caseInAssessment(w, w.workerA1);
      await consent(w.workerA1, b.id, 'funder_aggregate');
      await w.workerA1.post(`/api/v1/casework/cases/${c.id}/service-records`, { serviceDate: today(), durationMinutes: 90, mode: 'home_visit', content: '家访', projectId, indicatorId }).expect(201);
      await w.workerA1.post(`/api/v1/casework/cases/${c.id}/service-records`, { serviceDate: today(), durationMinutes: 30, mode: 'phone', content: '电话', projectId, indicatorId }).expect(201);
      const badLink = await w.workerA1.post(`/api/v1/casework/cases/${c.id}/service-records`, { serviceDate: today(), durationMinutes: 30, mode: 'phone', content: '电话', indicatorId }).expect(400);
      expect(badLink.body.code).toBe('PROJECT_LINK_INVALID');

      const group = await w.workerA1.post('/api/v1/casework/groups', { name: '独居老人互助小组', kind: 'support', projectId, indicatorId, communityId: w.communityId, plannedSessions: 6 }).expect(201);
      const other = await register(w, w.workerA1);
      await consent(w.workerA1, other.id, 'service');
      const noConsent = await register(w, w.workerA1);
      const refused = await w.workerA1.post(`/api/v1/casework/groups/${group.body.id}/sessions`, { sessionNo: 1, heldOn: '2026-01-14', durationMinutes: 60, theme: '相识', attendeeIds: [noConsent.id] }).expect(409);
      expect(refused.body.code).toBe('CONSENT_REQUIRED');
      const session = await w.workerA1.post(`/api/v1/casework/groups/${group.body.id}/sessions`, {
        sessionNo: 1, heldOn: '2026-01-14', durationMinutes: 120, theme: '相识与破冰', record: '组员彼此介绍', attendeeIds: [b.id, other.id],
      }).expect(201);
      expect(session.body.sessions[0].attendees).toHaveLength(2);
      await w.workerA1.post(`/api/v1/casework/groups/${group.body.id}/sessions`, { sessionNo: 1, heldOn: '2026-01-15', durationMinutes: 60, theme: '重复', attendeeIds: [] }).expect(409);
      await w.workerA1.post('/api/v1/casework/community-events', {
        communityId: w.communityId, title: '邻里节', heldOn: '2026-01-16', durationMinutes: 180, headcount: 120, volunteerCount: 10, projectId, indicatorId: w.projectA.elders,
      }).expect(201);

      const totals = await w.d.admin.get(`/api/v1/casework/project-totals/${projectId}`).expect(200);
      const mine = totals.body.indicators.find((i: { indicatorId: string }) => i.indicatorId === indicatorId);
      // 90 + 30 minutes of casework and 120 of group work; b is counted once; `other` has no funder consent.
      expect(mine).toEqual({ indicatorId, hours: 4, distinctPeople: '<5', personTimes: 3 });
      // The community event: 180 minutes and a headcount of 120 on the project's other indicator, no named people.
      expect(totals.body.indicators.find((i: { indicatorId: string }) => i.indicatorId === w.projectA.elders))
        .toEqual({ indicatorId: w.projectA.elders, hours: 3, distinctPeople: 0, personTimes: 120 });
      expect(totals.body.indicators).toHaveLength(2);
      expect(totals.body.total).toEqual({ hours: 7, distinctPeople: '<5', personTimes: 123 });
      const service = await t.app.get((await import('../../src/modules/casework/casework-totals.service')).CaseworkTotalsService);
      expect(service).toBeDefined();
      await w.workerA1.get(`/api/v1/casework/project-totals/${projectId}`).expect(403);
      // A made-up project id is not "a project with no casework yet".
      const none = await w.d.admin.get(`/api/v1/casework/project-totals/${randomUUID()}`).expect(404);
      expect(none.body.code).toBe('PROJECT_NOT_FOUND');
    });

    it('a link to a project that does not exist, to another organisation\'s project, or to another project\'s indicator is refused and writes nothing', async () => {
      const { b, c } = await caseInAssessment(w, w.workerA1);
      await consent(w.workerA1, b.id, 'funder_aggregate');
      const missing = randomUUID();
      const badLinks = [
        { why: 'no such project', link: { projectId: missing }, field: 'projectId' },
        { why: 'no such project, with an indicator', link: { projectId: missing, indicatorId: w.projectA.visits }, field: 'projectId' },
        { why: 'organisation B\'s project', link: { projectId: w.projectB.id }, field: 'projectId' },
        { why: 'organisation B\'s project with its own indicator', link: { projectId: w.projectB.id, indicatorId: w.projectB.visits }, field: 'projectId' },
        { why: 'an indicator of another project of A', link: { projectId: w.projectA.id, indicatorId: w.otherProjectA.visits }, field: 'indicatorId' },
        { why: 'an indicator id that is no indicator', link: { projectId: w.projectA.id, indicatorId: randomUUID() }, field: 'indicatorId' },
      ];
      const writes = {
        record: (link: object) => w.workerA1.post(`/api/v1/casework/cases/${c.id}/service-records`, { serviceDate: today(), durationMinutes: 60, mode: 'home_visit', content: '错挂项目的家访', ...link }),
        group: (link: object) => w.workerA1.post('/api/v1/casework/groups', { name: '错挂项目的小组', kind: 'support', communityId: w.communityId, ...link }),
        event: (link: object) => w.workerA1.post('/api/v1/casework/community-events', {
          communityId: w.communityId, title: '错挂项目的活动', heldOn: '2026-01-16', durationMinutes: 60, headcount: 30, ...link,
        }),
      };
      for (const bad of badLinks) {
        for (const [kind, write] of Object.entries(writes)) {
          const res = await write(bad.link);
          expect({ why: bad.why, kind, status: res.status, code: res.body.code, field: res.body.detail?.field })
            .toEqual({ why: bad.why, kind, status: 400, code: 'PROJECT_LINK_INVALID', field: bad.field });
          expect(res.body.message).toEqual({
            'zh-CN': '所选项目不存在或不属于本机构，或指标不属于该项目',
            en: 'The selected project does not exist or is not your organisation\'s, or the indicator is not one of that project\'s',
          });
        }
      }
      // An indicator without its project is refused before anything is tried, with the same code.
      const noProject = await writes.record({ indicatorId: w.projectA.visits }).expect(400);
      expect(noProject.body).toMatchObject({ code: 'PROJECT_LINK_INVALID', detail: { field: 'projectId' }, message: { 'zh-CN': '关联指标时须同时关联项目' } });

      // Nothing of any refused request was kept: no record, group or event, and no audit row claiming one.
      const owner = await ownerIn(w.d.tenantId);
      try {
        const counts = await owner.query(
          `SELECT (SELECT count(*) FROM service_records WHERE case_id = $1)::int AS records,
                  (SELECT count(*) FROM casework_groups WHERE name = '错挂项目的小组')::int AS groups,
                  (SELECT count(*) FROM community_events WHERE title = '错挂项目的活动')::int AS events,
                  (SELECT count(*) FROM audit_log WHERE (action = 'service_record.created' AND after->>'caseId' = $1::text)
                     OR (action = 'group.created' AND after->>'name' = '错挂项目的小组')
                     OR (action = 'community_event.recorded' AND after->>'title' = '错挂项目的活动'))::int AS audits`, [c.id]);
        expect(counts.rows[0]).toEqual({ records: 0, groups: 0, events: 0, audits: 0 });
      } finally {
        await owner.end();
      }
      const records = await w.workerA1.get(`/api/v1/casework/cases/${c.id}/service-records`).expect(200);
      expect(records.body.total).toBe(0);

      // The same writes with one of the organisation's own projects and that project's indicator go through.
      for (const write of Object.values(writes)) await write({ projectId: w.otherProjectA.id, indicatorId: w.otherProjectA.visits }).expect(201);
      // And organisation B may link its own project, which A may not.
      const bCase = await caseInAssessment(w, w.workerB);
      await consent(w.workerB, bCase.b.id, 'funder_aggregate');
      const bRecord = await w.workerB.post(`/api/v1/casework/cases/${bCase.c.id}/service-records`, {
        serviceDate: today(), durationMinutes: 45, mode: 'phone', content: '乙机构电话回访', projectId: w.projectB.id, indicatorId: w.projectB.elders,
      }).expect(201);
      expect(bRecord.body).toMatchObject({ projectId: w.projectB.id, indicatorId: w.projectB.elders });
    });
  });

  describe('supervision and caseloads', () => {
    it('supervisors comment and log sessions with their workers; certificates are kept on profiles', async () => {
      const { c } = await caseInAssessment(w, w.workerA1);
      await w.supervisorA.post(`/api/v1/casework/cases/${c.id}/comments`, { body: '注意评估跌倒风险' }).expect(201);
      const file = await w.workerA1.get(`/api/v1/casework/cases/${c.id}`).expect(200);
      expect(file.body.comments[0]).toMatchObject({ body: '注意评估跌倒风险', author: { name: '郑督导' } });
      await w.supervisorA.post('/api/v1/casework/supervision/sessions', { workerMembershipId: w.workerA1.memberId, heldOn: '2026-01-20', durationMinutes: 60, mode: 'individual', caseIds: [c.id], notes: '讨论个案进展' }).expect(201);
      const notMine = await w.supervisorA.post('/api/v1/casework/supervision/sessions', { workerMembershipId: w.workerA2.memberId, heldOn: '2026-01-20', durationMinutes: 60, mode: 'individual', notes: '不该记录' }).expect(403);
      expect(notMine.body.code).toBe('NOT_YOUR_SUPERVISEE');
      const sessions = await w.workerA1.get('/api/v1/casework/supervision/sessions').expect(200);
      expect(sessions.body.items[0].notes).toBe('讨论个案进展');
      const crossOrg = await w.adminB.post('/api/v1/casework/supervision/assignments', { supervisorMembershipId: w.supervisorA.memberId, workerMembershipId: w.workerB.memberId }).expect(400);
      expect(crossOrg.body.code).toBe('MEMBER_NOT_IN_ORGANISATION');
      const cert = await w.workerA1.post('/api/v1/casework/certificates', { level: 'intermediate', certificateNo: `SW${randomInt(1e6, 1e7)}`, issuedOn: '2022-06-30' }).expect(201);
      expect(cert.body.label.zh).toBe('社会工作师');
      await w.workerA2.post('/api/v1/casework/certificates', { level: 'assistant', certificateNo: cert.body.certificateNo, issuedOn: '2022-06-30' }).expect(409);
      const certs = await w.adminA.get(`/api/v1/casework/certificates?membershipId=${w.workerA1.memberId}`).expect(200);
      expect(certs.body.items).toHaveLength(1);
    });

    it('my caseload shows open cases with what is due; the supervisor sees the team with hours this month', async () => {
      const { c } = await caseInAssessment(w, w.workerA1);
      const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
      await w.workerA1.post(`/api/v1/casework/cases/${c.id}/service-records`, { serviceDate: today, durationMinutes: 45, mode: 'online', content: '线上沟通' }).expect(201);
      const mine = await w.workerA1.get('/api/v1/casework/caseload/mine').expect(200);
      const item = mine.body.items.find((i: { id: string }) => i.id === c.id);
      expect(item.due).toMatchObject({ kind: 'assessment', overdue: false });
      expect(mine.body.hoursThisMonth).toBeGreaterThanOrEqual(0.75);
      const team = await w.supervisorA.get('/api/v1/casework/caseload/team').expect(200);
      const worker = team.body.workers.find((x: { membershipId: string }) => x.membershipId === w.workerA1.memberId);
      expect(worker.openCases).toBeGreaterThan(0);
      expect(worker.hoursThisMonth).toBeGreaterThanOrEqual(0.75);
      await w.workerA1.get('/api/v1/casework/caseload/team').expect(403);
    });
  });

  describe('district aggregates of service records', () => {
    it('by community, method and month: hours, records and people, counts under 5 as "<5", bounded by the range; never a name', async () => {
      const d = await openDistrict(t);
      const s = await seedServiceRecords(t, d, 'E');
      const officer = await addMember(t, d, ['programme_officer'], { name: '汇总项目官员' });
      const range = (from?: string, to?: string) => `/api/v1/casework/aggregates?${new URLSearchParams({ ...(from && { from }), ...(to && { to }) })}`;
      const all = (await officer.get(range(s.lastMonthDay, s.today)).expect(200)).body;
      expect(all.suppression).toEqual({ below: 5, shownAs: '<5' });
      const { services } = all;
      expect(services.total).toEqual(s.expected.total);
      expect(services.byCommunity).toEqual([
        { community: s.small, ...s.expected.small },
        { community: s.big, ...s.expected.big },
      ].sort((a, b) => a.community.name.localeCompare(b.community.name, 'zh-CN')));
      expect(services.byMode).toEqual(Object.entries(s.expected.modes).map(([mode, f]) => ({ mode, ...f }))
        .sort((a, b) => ['face_to_face', 'home_visit', 'phone', 'online'].indexOf(a.mode) - ['face_to_face', 'home_visit', 'phone', 'online'].indexOf(b.mode)));
      expect(services.byMonth).toEqual([{ month: s.lastMonth, ...s.expected.months[s.lastMonth] }, { month: s.thisMonth, ...s.expected.months[s.thisMonth] }]);
      // Tags: people now on the register with each tag (encrypted per person, counted per community).
      expect(all.district.vulnerabilityTags.elderly_living_alone.people).toBe(7);
      expect(all.communities.find((c: { community: { id: string } }) => c.community.id === s.small.id).vulnerabilityTags.elderly_living_alone.people).toBe('<5');
      // Never a name, an id of a person or of a case.
      const text = JSON.stringify(all);
      for (const name of s.names) expect(text).not.toContain(name);
      expect(text).not.toMatch(/beneficiar(y|ies)Id|caseId/);

      // This month only: last month's talk drops out of every breakdown.
      const month = (await officer.get(range(`${s.thisMonth}-01`, s.today)).expect(200)).body.services;
      expect(month.total).toEqual({ hours: 6, records: 7, people: 6 });
      expect(month.byMonth.map((r: { month: string }) => r.month)).toEqual([s.thisMonth]);
      expect(month.byMode.find((r: { mode: string }) => r.mode === 'face_to_face')).toEqual({ mode: 'face_to_face', hours: 0, records: 0, people: 0 });
      expect(month.byCommunity.find((r: { community: { id: string } }) => r.community.id === s.big.id)).toEqual({ community: s.big, hours: 5, records: 5, people: 5 });
      // Last month only: every count is small; an open range (no dates) counts everything.
      const before = (await officer.get(range(s.lastMonthDay, s.lastMonthDay)).expect(200)).body.services;
      expect(before.total).toEqual({ hours: 0.75, records: '<5', people: '<5' });
      expect(before.byCommunity).toEqual([{ community: s.big, hours: 0.75, records: '<5', people: '<5' }]);
      expect((await officer.get(range()).expect(200)).body.services.total).toEqual(s.expected.total);
      expect((await officer.get(range(undefined, s.lastMonthDay)).expect(200)).body.services.total.hours).toBe(0.75);
    });

    it('an organisation\'s people are refused (403) and bad dates or a range ending before it starts are refused (400)', async () => {
      const d = await openDistrict(t);
      const s = await seedServiceRecords(t, d, 'R');
      for (const who of [s.worker, s.orgAdmin]) {
        const res = await who.get('/api/v1/casework/aggregates').expect(403);
        expect(res.body.code).toBe('FORBIDDEN_ROLE');
      }
      for (const q of ['from=2026-02-30', 'to=2026-13-01', 'from=2026-05-01T00:00:00Z']) {
        const res = await d.admin.get(`/api/v1/casework/aggregates?${q}`).expect(400);
        expect(res.body.code).toBe('VALIDATION_FAILED');
      }
      const backwards = await d.admin.get('/api/v1/casework/aggregates?from=2026-06-01&to=2026-05-31').expect(400);
      expect(backwards.body.errors).toEqual([expect.objectContaining({ field: 'to', code: 'notBeforeFrom' })]);
      expect(backwards.body.errors[0].zh).toContain('结束日期不能早于开始日期');
      await d.admin.get('/api/v1/casework/aggregates?from=2026-06-01&to=2026-06-01').expect(200);
    });
  });
});
