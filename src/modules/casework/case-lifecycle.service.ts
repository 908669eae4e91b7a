import { Injectable } from '@nestjs/common';
import { Actor, CommonErrorCode, commonError, nextState, addDays } from '@sanshe/common';
import { Clock } from '@sanshe/common/clock';
import { AuditService } from '@sanshe/audit';
import { FieldCipher } from '@sanshe/crypto';
import { assertVersion } from '@sanshe/database';
import { OutboxService } from '@sanshe/queue';
import { TenantContext } from '@sanshe/tenancy';
import { CaseworkAccess, CaseworkScope } from './casework-access.service';
import { CaseworkSettings, CaseworkSettingsService } from './casework-settings.service';
import { CaseworkErrorCode, caseworkError } from './casework.errors';
import { F } from './casework-fields';
import { CASE_STATUS_LABELS, CASE_TRANSITIONS, CaseAction, CaseStatus, CaseTransition, REVIEWS } from './case.transitions';
import { CaseRow, CasesService } from './cases.service';
import { ConsentsService } from './consents.service';
import { ApprovalDecisionDto, AssessmentDto, ClosureDto, EvaluationDto, PlanDto } from './dto/case.dto';

export const CASE_STATUS_CHANGED = 'casework.case.status_changed';

const GATE_SETTING: Record<string, keyof CaseworkSettings> = {
  assessment: 'requireAssessmentApproval',
  plan: 'requirePlanApproval',
  closure: 'requireClosureApproval',
};

/**
 * Moves a case through its lifecycle (see case.transitions.ts): every move checks the version the worker read, the
 * transitions table, the consent it needs and the organisation's approval gates, then writes the case, the audit row
 * and a `casework.case.status_changed` event (ids and statuses only) in the request's one transaction.
 */
@Injectable()
export class CaseLifecycleService {
  constructor(
    private readonly clock: Clock,
    private readonly ctx: TenantContext,
    private readonly cipher: FieldCipher,
    private readonly access: CaseworkAccess,
    private readonly cases: CasesService,
    private readonly consents: ConsentsService,
    private readonly settings: CaseworkSettingsService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  /** 接案: accepting needs the person's consent to receive services. */
  async acceptIntake(id: string, version: number, actor: Actor) {
    const { scope, c } = await this.load(id, actor);
    this.check(c, 'accept_intake', version);
    await this.consents.requireActive(c.beneficiary_id, 'service');
    await this.move(scope, c, 'accept_intake', { accepted_at: this.clock.now() });
    return this.cases.detail(id, actor, false);
  }

  async declineIntake(id: string, reason: string, version: number, actor: Actor) {
    const { scope, c } = await this.load(id, actor);
    this.check(c, 'decline_intake', version);
    await this.move(scope, c, 'decline_intake', { decline_reason_enc: await this.cipher.encrypt(F.declineReason, reason.trim()) });
    return this.cases.detail(id, actor, false);
  }

  async submitAssessment(id: string, dto: AssessmentDto, actor: Actor) {
    const { scope, c } = await this.load(id, actor);
    this.check(c, 'submit_assessment', dto.version);
    const levels = ['low', 'medium', 'high', 'critical'];
    const riskLevel = dto.risks.reduce<string | null>((top, r) => (top === null || levels.indexOf(r.level) > levels.indexOf(top) ? r.level : top), null);
    await this.move(scope, c, 'submit_assessment', {
      assessment_enc: await this.cipher.encryptJson(F.assessment, { needs: dto.needs, risks: dto.risks, strengths: dto.strengths, summary: dto.summary ?? null }),
      risk_level: riskLevel ?? 'low',
    });
    return this.cases.detail(id, actor, false);
  }

  async submitPlan(id: string, dto: PlanDto, actor: Actor) {
    const { scope, c } = await this.load(id, actor);
    this.check(c, 'submit_plan', dto.version);
    if (dto.endOn < dto.startOn) {
      throw commonError(CommonErrorCode.VALIDATION_FAILED, undefined, undefined, [
        { field: 'endOn', code: 'endOn', zh: 'endOn：计划结束日期不能早于开始日期', en: 'endOn: the plan cannot end before it starts' }]);
    }
    await this.move(scope, c, 'submit_plan', {
      plan_enc: await this.cipher.encryptJson(F.plan, { goals: dto.goals, tasks: dto.tasks }),
      plan_start_on: dto.startOn,
      plan_end_on: dto.endOn,
    });
    return this.cases.detail(id, actor, false);
  }

  async evaluate(id: string, dto: EvaluationDto, actor: Actor) {
    const { scope, c } = await this.load(id, actor);
    this.check(c, 'evaluate', dto.version);
    await this.move(scope, c, 'evaluate', {
      evaluation_enc: await this.cipher.encrypt(F.evaluation, dto.summary.trim()),
      goals_achieved: dto.goalsAchieved,
      satisfaction: dto.satisfaction,
      evaluated_at: this.clock.now(),
    });
    return this.cases.detail(id, actor, false);
  }

  async close(id: string, dto: ClosureDto, actor: Actor) {
    const { scope, c } = await this.load(id, actor);
    this.check(c, 'close', dto.version);
    const patch: Record<string, unknown> = {
      closure_reason: dto.reason,
      closure_summary_enc: await this.cipher.encrypt(F.closureSummary, dto.summary.trim()),
    };
    await this.move(scope, c, 'close', patch);
    return this.cases.detail(id, actor, false);
  }

  /** The supervisor's decision on a gated step: approve moves on, return sends it back for rework. */
  async decide(id: string, dto: ApprovalDecisionDto, actor: Actor) {
    const scope = await this.access.scope(actor);
    const c = await this.cases.requireVisible(scope, id, true);
    assertVersion(c, dto.version);
    const review = REVIEWS[c.status];
    if (!review) throw caseworkError(CaseworkErrorCode.NO_PENDING_APPROVAL, { status: c.status });
    if (c.worker_membership_id === scope.membershipId) throw caseworkError(CaseworkErrorCode.SELF_APPROVAL);
    const supervisors = await this.access.supervisorsOf(c.worker_membership_id);
    if (!supervisors.includes(scope.membershipId)) throw caseworkError(CaseworkErrorCode.NOT_YOUR_SUPERVISEE);
    const decision = dto.decision === 'approve' ? 'approved' : 'returned';
    await this.ctx.manager().query(
      `UPDATE case_approvals SET decision = $2, decided_by_membership_id = $3, decided_at = $5, comment_enc = $4
        WHERE case_id = $1 AND decision IS NULL`,
      [id, decision, scope.membershipId, await this.cipher.encryptOptional(F.approvalComment, dto.comment?.trim()), this.clock.now()]);
    const action = dto.decision === 'approve' ? review.approve : review.return;
    await this.move(scope, c, action, action === 'approve_closure' ? this.closedPatch(await this.settings.forOrganisation(c.organisation_id)) : {});
    return this.cases.detail(id, actor, false);
  }

  /** Follow-up (回访) moves a closed case to followed_up; called by the service-records service with the record. */
  async markFollowedUp(scope: CaseworkScope, c: CaseRow): Promise<void> {
    await this.move(scope, c, 'follow_up', {});
  }

  private async load(id: string, actor: Actor) {
    const scope = await this.access.scope(actor);
    const c = await this.cases.requireVisible(scope, id, true);
    await this.cases.requireWorker(scope, c);
    return { scope, c };
  }

  /** The version and the transitions table, before any other check or write. */
  check(c: CaseRow, action: CaseAction, version?: number): void {
    if (version !== undefined) assertVersion(c, version);
    nextState('case', CASE_TRANSITIONS, action, c.status, { entity: { zh: '个案', en: 'the case' }, states: CASE_STATUS_LABELS });
  }

  private closedPatch(settings: CaseworkSettings): Record<string, unknown> {
    return { closed_at: this.clock.now(), follow_up_due_on: addDays(this.clock.today(), settings.followUpDueDays) };
  }

  private async move(scope: CaseworkScope, c: CaseRow, action: CaseAction, patch: Record<string, unknown>): Promise<CaseStatus> {
    this.check(c, action);
    const rule: CaseTransition = CASE_TRANSITIONS[action];
    let to = rule.to;
    const m = this.ctx.manager();
    if (rule.gate) {
      const settings = await this.settings.forOrganisation(c.organisation_id);
      if (settings[GATE_SETTING[rule.gate.step]]) {
        const supervisors = await this.access.supervisorsOf(c.worker_membership_id);
        if (!supervisors.length) throw caseworkError(CaseworkErrorCode.NO_SUPERVISOR, { step: rule.gate.step });
        to = rule.gate.review;
        await m.query(
          `INSERT INTO case_approvals (tenant_id, case_id, step, submitted_by_membership_id, submitted_at) VALUES ($1, $2, $3, $4, $5)`,
          [this.ctx.tenantId(), c.id, rule.gate.step, scope.membershipId, this.clock.now()]);
      } else if (to === 'closed') {
        Object.assign(patch, this.closedPatch(settings));
      }
    }
    const params: unknown[] = [c.id, to, this.clock.now()];
    const sets = ['status = $2', 'status_changed_at = $3', 'version = version + 1', 'updated_at = now()'];
    for (const [col, value] of Object.entries(patch)) {
      params.push(value);
      sets.push(`${col} = $${params.length}`);
    }
    await m.query(`UPDATE cases SET ${sets.join(', ')} WHERE id = $1`, params);
    await this.audit.record({
      action: `case.${action}`, entityType: 'case', entityId: c.id,
      // Statuses and the names of what changed; the narrative itself is personal data and stays out of the audit trail.
      before: { status: c.status, version: c.version }, after: { status: to, changedFields: Object.keys(patch) },
    });
    await this.outbox.publish(CASE_STATUS_CHANGED, {
      caseId: c.id, organisationId: c.organisation_id, workerMembershipId: c.worker_membership_id, action, from: c.status, to,
    });
    return to;
  }
}
