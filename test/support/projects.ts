import { randomInt, randomUUID } from 'node:crypto';
import { OutboxService } from '@sanshe/queue';
import { TenantTransactionRunner } from '@sanshe/tenancy';
import { GRANT_AWARDED, GrantAwardedPayload } from '../../src/modules/calls/grant-awarded.event';
import { District, Member, Session, TestApp, addMember, eventually, openDistrict } from './test-app';
import { createVerifiedOrganisation, organisationMember } from './organisations';

/** A district with the people a project involves: officer, finance, two evaluators, two organisations. */
export interface ProjectWorld {
  d: District;
  officer: Member;
  finance: Member;
  evaluator: Member;
  otherEvaluator: Member;
  orgA: string;
  orgAdminA: Member;
  orgB: string;
  orgAdminB: Member;
  communityId: string;
}

export async function projectWorld(t: TestApp): Promise<ProjectWorld> {
  const d = await openDistrict(t);
  const street = await d.admin.post('/api/v1/places', { parentId: d.rootPlaceId, kind: 'street', name: '玉林街道' }).expect(201);
  const community = await d.admin.post('/api/v1/places', { parentId: street.body.id, kind: 'community', name: '玉林北路社区' }).expect(201);
  const officer = await addMember(t, d, ['programme_officer'], { name: '李项目官员' });
  const finance = await addMember(t, d, ['finance_officer'], { name: '陈会计' });
  const evaluator = await addMember(t, d, ['evaluator'], { name: '评估中心' });
  const otherEvaluator = await addMember(t, d, ['evaluator'], { name: '另一评估机构' });
  const orgA = (await createVerifiedOrganisation(t, d)).id;
  const orgB = (await createVerifiedOrganisation(t, d)).id;
  const orgAdminA = await organisationMember(t, d, orgA, ['org_admin'], { name: '甲机构管理员' });
  const orgAdminB = await organisationMember(t, d, orgB, ['org_admin'], { name: '乙机构管理员' });
  return { d, officer, finance, evaluator, otherEvaluator, orgA, orgAdminA, orgB, orgAdminB, communityId: community.body.id };
}

let seq = 0;
/** A complete award as the venture-call module emits it: 50% on signing, 30% after a passed mid-term, 20% after the final. */
export function awardPayload(w: ProjectWorld, overrides: Partial<GrantAwardedPayload> = {}): GrantAwardedPayload {
  seq += 1;
  return {
    awardId: randomUUID(),
    callId: randomUUID(),
    callTitle: '2026年度社区公益创投',
    applicationId: randomUUID(),
    referenceNo: `GY-2026-${String(seq).padStart(2, '0')}${String(randomInt(0, 1e4)).padStart(4, '0')}`,
    organisationId: w.orgA,
    projectTitle: '独居老人关爱行动',
    summary: '为辖区独居老人提供探访、助餐和心理支持',
    amountFen: '10000000',
    coFundingFen: '1000000',
    communityIds: [w.communityId],
    serviceAreas: ['elderly'],
    budgetLines: [
      { code: 'staff', name: '人员费', amountFen: '5000000' },
      { code: 'activity', name: '活动费', amountFen: '4000000' },
      { code: 'admin', name: '管理费', amountFen: '1000000' },
    ],
    indicators: [
      { code: 'visits', name: '探访人次', unit: '人次', baseline: 0, target: 1200 },
      { code: 'elders', name: '服务老人数', unit: '人', baseline: 0, target: 80 },
    ],
    tranchePlan: [
      { seq: 1, name: '首期（协议签订后）', percent: 50, conditions: [{ type: 'agreement_signed' }] },
      { seq: 2, name: '中期（中期评估合格后）', percent: 30, conditions: [{ type: 'evaluation_passed', stage: 'midterm', minScore: 60 }, { type: 'report_approved', kind: 'interim' }] },
      { seq: 3, name: '尾款（结项评估合格后）', percent: 20, conditions: [{ type: 'evaluation_passed', stage: 'final', minScore: 60 }, { type: 'report_approved', kind: 'final' }] },
    ],
    milestones: [
      { name: '完成需求调研', dueOn: '2027-01-31' },
      { name: '完成中期服务', dueOn: '2027-06-30' },
    ],
    startsOn: '2027-01-01',
    endsOn: '2027-12-31',
    officerUserId: w.officer.userId,
    ...overrides,
  };
}

/** Publishes the award through the real outbox, as the venture-call module will, and waits for the project. */
export async function publishAward(t: TestApp, tenantId: string, payload: GrantAwardedPayload): Promise<string> {
  const runner = t.app.get(TenantTransactionRunner);
  const outbox = t.app.get(OutboxService);
  await runner.run({ tenantId }, () => outbox.publish(GRANT_AWARDED, payload));
  return eventually(() => runner.run({ tenantId }, async () => {
    const { currentContext } = await import('@sanshe/common');
    const rows: Array<{ id: string }> = await currentContext()!.manager!.query(`SELECT id FROM projects WHERE award_id = $1`, [payload.awardId]);
    return rows[0]?.id;
  }), 20_000);
}

/** 财政专项拨入 by the finance officer. */
export function appropriate(finance: Session, amountFen: string, key?: string) {
  const req = finance.post('/api/v1/funds/programme/appropriations', { amountFen, documentNo: key ? `武财社〔2026〕${key.slice(0, 8)}号` : `武财社〔2026〕${randomInt(1, 999)}号` });
  return key ? req.set('Idempotency-Key', key) : req;
}

/** A funded project of organisation A (the fund gets exactly what it needs unless told otherwise). */
export async function fundedProject(t: TestApp, w: ProjectWorld, overrides: Partial<GrantAwardedPayload> = {}) {
  const payload = awardPayload(w, overrides);
  await appropriate(w.finance, payload.amountFen).expect(201);
  const id = await publishAward(t, w.d.tenantId, payload);
  const detail = await w.officer.get(`/api/v1/projects/${id}`).expect(200);
  return { id, payload, detail: detail.body };
}
