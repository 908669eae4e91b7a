import { Injectable, Logger } from '@nestjs/common';
import { AuditService } from '@sanshe/audit';
import { formatYuan, isFen, isRealDay } from '@sanshe/common';
import { DomainEvent, OnDomainEvent } from '@sanshe/queue';
import { TenantContext } from '@sanshe/tenancy';
import { UnrecoverableError } from 'bullmq';
import { GRANT_AWARDED, GrantAwardedPayload, TrancheCondition } from '../calls/grant-awarded.event';
import { ProgrammeFundService } from '../funds/programme-fund.service';
import { ProjectAccess } from './project-access.service';
import { ProjectFundingService } from './project-funding.service';
import { ProjectNotices } from './project-notices';
import { ProjectPlanService } from './project-plan.service';
import { reportSchedule, splitByPercent } from './project-schedule';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What is wrong with an award payload (empty when it can become a project). */
export function payloadProblems(p: GrantAwardedPayload): string[] {
  const problems: string[] = [];
  if (!UUID.test(String(p.awardId)) || !UUID.test(String(p.organisationId)) || !UUID.test(String(p.officerUserId))) problems.push('ids');
  if (!isFen(p.amountFen, { min: 1n })) problems.push('amountFen');
  // Real days only: "2026-09-31" passes a pattern but fails the insert (22008) on every retry.
  if (!isRealDay(p.startsOn) || !isRealDay(p.endsOn) || p.endsOn < p.startsOn) problems.push('dates');
  if (!Array.isArray(p.tranchePlan) || !p.tranchePlan.length) problems.push('tranchePlan');
  else if (Math.abs(p.tranchePlan.reduce((a, t) => a + Number(t.percent), 0) - 100) > 0.001) problems.push('tranchePlan.percent');
  if (!Array.isArray(p.budgetLines) || !p.budgetLines.every((l) => isFen(l?.amountFen))) problems.push('budgetLines');
  if (!Array.isArray(p.indicators) || !Array.isArray(p.milestones)) problems.push('indicators/milestones');
  else if (!p.milestones.every((ms) => isRealDay(ms?.dueOn))) problems.push('milestones.dueOn');
  return problems;
}

/**
 * An awarded grant (立项) becomes a project: the handler runs in the worker in the award's district and is
 * idempotent — the project is unique on the award id, so a redelivered event finds it and stops.
 */
@Injectable()
export class ProjectCreationService {
  private readonly logger = new Logger(ProjectCreationService.name);

  constructor(
    private readonly ctx: TenantContext,
    private readonly fund: ProgrammeFundService,
    private readonly funding: ProjectFundingService,
    private readonly access: ProjectAccess,
    private readonly plan: ProjectPlanService,
    private readonly notices: ProjectNotices,
    private readonly audit: AuditService,
  ) {}

  @OnDomainEvent(GRANT_AWARDED, 'projects.create-from-award')
  async onGrantAwarded(event: DomainEvent<GrantAwardedPayload>): Promise<void> {
    await this.createFromAward(event.payload);
  }

  async createFromAward(p: GrantAwardedPayload): Promise<string> {
    const problems = payloadProblems(p);
    // A malformed award cannot become better by retrying: fail loudly and at once (no retries), so the job lands in
    // the failed set naming what is wrong.
    if (problems.length) throw new UnrecoverableError(`calls.grant_awarded ${p.awardId}: unusable payload (${problems.join(', ')})`);
    const m = this.ctx.manager();
    const existing: Array<{ id: string }> = await m.query(`SELECT id FROM projects WHERE award_id = $1`, [p.awardId]);
    if (existing[0]) return existing[0].id;

    const fund = await this.fund.fundAccount();
    const grant = await this.fund.grantAccount(p.organisationId);
    const [officer]: Array<{ id: string }> = await m.query(`SELECT id FROM memberships WHERE user_id = $1`, [p.officerUserId]);
    const [created]: Array<{ id: string }> = await m.query(
      `INSERT INTO projects (tenant_id, award_id, call_id, call_title, application_id, reference_no, organisation_id, title, summary, amount_fen,
                             co_funding_fen, community_ids, service_areas, starts_on, ends_on, officer_user_id, officer_membership_id, status,
                             fund_account_id, grant_account_id)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,'unfunded',$18,$19)
       ON CONFLICT (tenant_id, award_id) DO NOTHING RETURNING id`,
      [this.ctx.tenantId(), p.awardId, p.callId, p.callTitle ?? '', p.applicationId, p.referenceNo, p.organisationId, p.projectTitle, p.summary ?? '',
        p.amountFen, isFen(p.coFundingFen) ? p.coFundingFen : '0', p.communityIds ?? [], p.serviceAreas ?? [],
        p.startsOn, p.endsOn, p.officerUserId, officer?.id ?? null, fund.id, grant.id]);
    if (!created) return (await m.query(`SELECT id FROM projects WHERE award_id = $1`, [p.awardId]))[0].id;
    const projectId = created.id;

    for (const l of p.budgetLines) {
      await m.query(`INSERT INTO project_budget_lines (tenant_id, project_id, code, name, awarded_fen, amount_fen) VALUES ($1,$2,$3,$4,$5,$5)`,
        [this.ctx.tenantId(), projectId, l.code, l.name, l.amountFen]);
    }
    for (const i of p.indicators) {
      await m.query(`INSERT INTO project_indicators (tenant_id, project_id, code, name, unit, baseline, target) VALUES ($1,$2,$3,$4,$5,$6,$7)`,
        [this.ctx.tenantId(), projectId, i.code, i.name, i.unit, i.baseline, i.target]);
    }
    const plan = [...p.tranchePlan].sort((a, b) => a.seq - b.seq);
    const amounts = splitByPercent(BigInt(p.amountFen), plan.map((t) => Number(t.percent)));
    for (const [n, t] of plan.entries()) {
      await m.query(`INSERT INTO project_tranches (tenant_id, project_id, seq, name, percent, amount_fen, conditions, status) VALUES ($1,$2,$3,$4,$5,$6,$7,'pending')`,
        [this.ctx.tenantId(), projectId, n + 1, t.name, t.percent, amounts[n].toString(), JSON.stringify(t.conditions as TrancheCondition[])]);
    }
    for (const [n, ms] of [...p.milestones].sort((a, b) => a.dueOn.localeCompare(b.dueOn)).entries()) {
      await m.query(`INSERT INTO project_milestones (tenant_id, project_id, seq, name, due_on) VALUES ($1,$2,$3,$4,$5)`, [this.ctx.tenantId(), projectId, n + 1, ms.name, ms.dueOn]);
    }
    for (const r of reportSchedule(p.startsOn, p.endsOn)) {
      await m.query(`INSERT INTO project_reports (tenant_id, project_id, kind, period_start, period_end, due_on) VALUES ($1,$2,$3,$4,$5,$6)`,
        [this.ctx.tenantId(), projectId, r.kind, r.periodStart, r.periodEnd, r.dueOn]);
    }
    await this.plan.snapshot(projectId, 1, '立项 / awarded', null);
    await this.audit.record({ action: 'project.created', entityType: 'project', entityId: projectId, after: { awardId: p.awardId, referenceNo: p.referenceNo, amountFen: p.amountFen } });

    const project = (await this.access.loadAsSystem(projectId, { lock: true }))!;
    const funded = await this.funding.tryFund(project);
    await this.notices.send(project, ['organisation', 'officer'], {
      kind: 'project.created', titleZh: `项目已立项：${p.referenceNo} ${p.projectTitle}`, titleEn: `Project awarded: ${p.referenceNo} ${p.projectTitle}`,
      bodyZh: `资助金额 ${formatYuan(p.amountFen)} 元，执行期 ${p.startsOn} 至 ${p.endsOn}。请按计划签订协议、提交报告。`,
      bodyEn: `Grant of ${formatYuan(p.amountFen)} yuan, ${p.startsOn} to ${p.endsOn}. Sign the agreement and report as planned.`,
    });
    if (!funded) {
      this.logger.warn(`Project ${p.referenceNo} created unfunded: the programme fund lacks ${p.amountFen} fen`);
      await this.notices.send(project, ['officer', 'finance'], {
        kind: 'project.unfunded', titleZh: `项目资金池余额不足：${p.referenceNo}`, titleEn: `Programme fund short for ${p.referenceNo}`,
        bodyZh: `项目已立项，但资金池可用余额不足以预留 ${formatYuan(p.amountFen)} 元。财政专项拨入后将自动预留。`,
        bodyEn: `The project exists but the fund cannot reserve ${formatYuan(p.amountFen)} yuan yet; it will be reserved when an appropriation arrives.`,
      });
    }
    return projectId;
  }
}
