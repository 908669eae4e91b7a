import { Injectable } from '@nestjs/common';
import { Actor, Page, Role, maskResidentId } from '@sanshe/common';
import { Clock } from '@sanshe/common/clock';
import { AuditService } from '@sanshe/audit';
import { FieldCipher } from '@sanshe/crypto';
import { assertVersion, cappedCountsBy, keysetPage } from '@sanshe/database';
import { TenantContext, ReferenceNumberService } from '@sanshe/tenancy';
import { QueryFailedError } from 'typeorm';
import { BeneficiariesService } from './beneficiaries.service';
import { CaseworkAccess, CaseworkScope } from './casework-access.service';
import { CaseworkErrorCode, caseworkError } from './casework.errors';
import { F } from './casework-fields';
import { ACTIVE_STATUSES, CASE_STATUS_LABELS, CaseStatus } from './case.transitions';
import { CaseAssignmentDto, ListCasesQuery, OpenCaseDto } from './dto/case.dto';
import { PiiAccessLogService } from './pii-access-log.service';

export interface CaseRow {
  id: string;
  organisation_id: string;
  beneficiary_id: string;
  case_no: string;
  worker_membership_id: string;
  status: CaseStatus;
  source: string;
  presenting_problem_enc: Buffer;
  decline_reason_enc: Buffer | null;
  assessment_enc: Buffer | null;
  risk_level: string | null;
  plan_enc: Buffer | null;
  plan_start_on: string | null;
  plan_end_on: string | null;
  evaluation_enc: Buffer | null;
  goals_achieved: string | null;
  satisfaction: number | null;
  closure_reason: string | null;
  closure_summary_enc: Buffer | null;
  accepted_at: Date | null;
  evaluated_at: Date | null;
  closed_at: Date | null;
  follow_up_due_on: string | null;
  status_changed_at: Date;
  version: number;
  created_at: Date;
}

const CASE_COLUMNS = `c.*, c.plan_start_on::text AS plan_start_on, c.plan_end_on::text AS plan_end_on, c.follow_up_due_on::text AS follow_up_due_on`;

/**
 * Cases (个案): opening one at intake for a person of the organisation, the case lists and the case file, who works
 * on it, and the supervisor's comments. The lifecycle moves live in CaseLifecycleService.
 */
@Injectable()
export class CasesService {
  constructor(
    private readonly clock: Clock,
    private readonly ctx: TenantContext,
    private readonly cipher: FieldCipher,
    private readonly access: CaseworkAccess,
    private readonly beneficiaries: BeneficiariesService,
    private readonly accessLog: PiiAccessLogService,
    private readonly audit: AuditService,
    private readonly referenceNumbers: ReferenceNumberService,
  ) {}

  async open(dto: OpenCaseDto, actor: Actor) {
    const scope = await this.access.scope(actor);
    // Any worker of the organisation may open a case for a person the organisation knows (found by ID number).
    const b = await this.beneficiaries.requireInOrganisation(scope, dto.beneficiaryId);
    const worker = dto.workerMembershipId ?? scope.membershipId;
    if (worker !== scope.membershipId) {
      if (!scope.isOrgAdmin && !(scope.workers ?? []).includes(worker)) throw caseworkError(CaseworkErrorCode.NOT_YOUR_SUPERVISEE, { workerMembershipId: worker });
      await this.access.requireOrgMember(scope, worker);
    } else if (!actor.roles.some((r) => r === Role.SocialWorker || r === Role.Supervisor)) {
      throw caseworkError(CaseworkErrorCode.ROLE_MISMATCH, { neededAnyOf: [Role.SocialWorker, Role.Supervisor] });
    }
    const m = this.ctx.manager();
    const [open] = await m.query(
      `SELECT id FROM cases WHERE beneficiary_id = $1 AND status = ANY($2::text[]) LIMIT 1`, [b.id, ACTIVE_STATUSES]);
    if (open) throw caseworkError(CaseworkErrorCode.CASE_ALREADY_OPEN, { caseId: open.id });
    const caseNo = await this.referenceNumbers.next('GA', Number(this.clock.today().slice(0, 4)));
    const presentingProblem = await this.cipher.encrypt(F.presentingProblem, dto.presentingProblem.trim());
    let row: { id: string };
    try {
      [row] = await m.query(
        `INSERT INTO cases (tenant_id, organisation_id, beneficiary_id, case_no, worker_membership_id, status, source, presenting_problem_enc, created_by_membership_id, status_changed_at, created_at)
         VALUES ($1,$2,$3,$4,$5,'intake',$6,$7,$8,$9,$9) RETURNING id`,
        [this.ctx.tenantId(), scope.organisationId, b.id, caseNo, worker, dto.source, presentingProblem, scope.membershipId, this.clock.now()]);
    } catch (err) {
      // Another request opened a case for the person between the check above and this insert; the database's
      // one-active-case index refused ours (the request's transaction is aborted and the request fails anyway).
      const pg = (err as { driverError?: { code?: string; constraint?: string } }).driverError;
      if (err instanceof QueryFailedError && pg?.code === '23505' && pg.constraint === 'cases_one_active_per_beneficiary') {
        throw caseworkError(CaseworkErrorCode.CASE_ALREADY_OPEN, { beneficiaryId: b.id });
      }
      throw err;
    }
    await this.audit.record({ action: 'case.opened', entityType: 'case', entityId: row.id, after: { caseNo, beneficiaryId: b.id, workerMembershipId: worker, source: dto.source } });
    return this.detail(row.id, actor, false);
  }

  /**
   * The receiving side of an accepted referral: the person's case already open in this organisation (linked), or a
   * new one at intake (source `referral`) with the accepting person as the responsible worker until reassigned.
   */
  async openForReferral(scope: CaseworkScope, beneficiaryId: string, presentingProblem: string): Promise<{ id: string; linked: boolean }> {
    const m = this.ctx.manager();
    const [open] = await m.query(`SELECT id FROM cases WHERE beneficiary_id = $1 AND status = ANY($2::text[]) LIMIT 1`, [beneficiaryId, ACTIVE_STATUSES]);
    if (open) return { id: open.id, linked: true };
    const caseNo = await this.referenceNumbers.next('GA', Number(this.clock.today().slice(0, 4)));
    const [row] = await m.query(
      `INSERT INTO cases (tenant_id, organisation_id, beneficiary_id, case_no, worker_membership_id, status, source, presenting_problem_enc, created_by_membership_id, status_changed_at, created_at)
       VALUES ($1,$2,$3,$4,$5,'intake','referral',$6,$5,$7,$7) RETURNING id`,
      [this.ctx.tenantId(), scope.organisationId, beneficiaryId, caseNo, scope.membershipId, await this.cipher.encrypt(F.presentingProblem, presentingProblem), this.clock.now()]);
    await this.audit.record({ action: 'case.opened', entityType: 'case', entityId: row.id, after: { caseNo, beneficiaryId, workerMembershipId: scope.membershipId, source: 'referral' } });
    return { id: row.id, linked: false };
  }

  async list(query: ListCasesQuery, actor: Actor): Promise<Page<unknown> & { counts: Record<string, number> }> {
    const scope = await this.access.scope(actor);
    const params: unknown[] = [];
    const where = [this.access.caseFilter(scope, 'c', params)];
    if (query.workerMembershipId) { params.push(query.workerMembershipId); where.push(`c.worker_membership_id = $${params.length}`); }
    if (query.beneficiaryId) { params.push(query.beneficiaryId); where.push(`c.beneficiary_id = $${params.length}`); }
    const m = this.ctx.manager();
    // Tabs per status under the same filters except status itself.
    const tabs = await cappedCountsBy(m, 'c.status', Object.keys(CASE_STATUS_LABELS), `FROM cases c WHERE ${where.join(' AND ')}`, params);
    if (query.status) { params.push(query.status); where.push(`c.status = $${params.length}`); }
    const page = await keysetPage<Record<string, any> & { id: string }>(m, {
      select: `SELECT c.id, c.case_no, c.status, c.source, c.risk_level, c.status_changed_at, c.created_at, c.worker_membership_id, u.name AS worker_name,
              b.id AS beneficiary_id, b.name_enc AS beneficiary_name_enc, b.id_number_enc
         FROM cases c JOIN beneficiaries b ON b.id = c.beneficiary_id
         JOIN memberships wm ON wm.id = c.worker_membership_id JOIN users u ON u.id = wm.user_id`,
      countFrom: 'FROM cases c', where, params, total: query.status ? tabs.totalOf(query.status) : tabs.all,
      order: { key: 'c.created_at', type: 'timestamptz', id: 'c.id', direction: 'desc' }, limit: query.limit, cursor: query.cursor,
    });
    return {
      ...page,
      items: await Promise.all(page.items.map(async (r) => ({
        id: r.id, caseNo: r.case_no, status: r.status, statusLabel: CASE_STATUS_LABELS[r.status as CaseStatus], source: r.source, riskLevel: r.risk_level,
        beneficiary: {
          id: r.beneficiary_id, name: await this.cipher.decrypt(F.name, r.beneficiary_name_enc),
          idNumber: maskResidentId(await this.cipher.decrypt(F.idNumber, r.id_number_enc)),
        },
        worker: { membershipId: r.worker_membership_id, name: r.worker_name }, statusChangedAt: r.status_changed_at, createdAt: r.created_at,
      }))),
      counts: tabs.counts,
    };
  }

  /** The case file: narrative decrypted for the people allowed to see it, and the read written to the access log. */
  async detail(id: string, actor: Actor, logView = true) {
    const scope = await this.access.scope(actor);
    const c = await this.requireVisible(scope, id);
    const m = this.ctx.manager();
    const b = await this.beneficiaries.requireInOrganisation(scope, c.beneficiary_id);
    const [worker] = await m.query(`SELECT u.name FROM memberships wm JOIN users u ON u.id = wm.user_id WHERE wm.id = $1`, [c.worker_membership_id]);
    const assistants: Array<{ membership_id: string; name: string }> = await m.query(
      `SELECT a.membership_id, u.name FROM case_assistants a JOIN memberships am ON am.id = a.membership_id JOIN users u ON u.id = am.user_id
        WHERE a.case_id = $1 ORDER BY a.created_at`, [id]);
    const approvals: Array<Record<string, any>> = await m.query(
      `SELECT a.*, su.name AS submitted_by_name, du.name AS decided_by_name FROM case_approvals a
         JOIN memberships sm ON sm.id = a.submitted_by_membership_id JOIN users su ON su.id = sm.user_id
         LEFT JOIN memberships dm ON dm.id = a.decided_by_membership_id LEFT JOIN users du ON du.id = dm.user_id
        WHERE a.case_id = $1 ORDER BY a.submitted_at`, [id]);
    const comments: Array<Record<string, any>> = await m.query(
      `SELECT cc.id, cc.body_enc, cc.created_at, cc.author_membership_id, u.name FROM case_comments cc
         JOIN memberships am ON am.id = cc.author_membership_id JOIN users u ON u.id = am.user_id WHERE cc.case_id = $1 ORDER BY cc.created_at`, [id]);
    const [hours] = await m.query(
      `SELECT count(*)::int AS records, coalesce(sum(duration_minutes), 0)::int AS minutes FROM service_records WHERE case_id = $1`, [id]);
    if (logView) await this.accessLog.record(scope, { action: 'view', subjectType: 'case', subjectId: id, beneficiaryId: c.beneficiary_id });
    return {
      id: c.id, caseNo: c.case_no, status: c.status, statusLabel: CASE_STATUS_LABELS[c.status], source: c.source,
      beneficiary: await this.beneficiaries.summary(b),
      worker: { membershipId: c.worker_membership_id, name: worker?.name ?? null },
      assistants: assistants.map((a) => ({ membershipId: a.membership_id, name: a.name })),
      presentingProblem: await this.cipher.decrypt(F.presentingProblem, c.presenting_problem_enc),
      declineReason: await this.cipher.decryptOptional(F.declineReason, c.decline_reason_enc),
      assessment: await this.cipher.decryptJson(F.assessment, c.assessment_enc),
      riskLevel: c.risk_level,
      plan: c.plan_enc ? { ...(await this.cipher.decryptJson<object>(F.plan, c.plan_enc)), startOn: c.plan_start_on, endOn: c.plan_end_on } : null,
      evaluation: c.evaluation_enc
        ? { goalsAchieved: c.goals_achieved, satisfaction: c.satisfaction, summary: await this.cipher.decrypt(F.evaluation, c.evaluation_enc), evaluatedAt: c.evaluated_at }
        : null,
      closure: c.closure_reason ? { reason: c.closure_reason, summary: await this.cipher.decryptOptional(F.closureSummary, c.closure_summary_enc), closedAt: c.closed_at } : null,
      followUpDueOn: c.follow_up_due_on,
      approvals: await Promise.all(approvals.map(async (a) => ({
        id: a.id, step: a.step, submittedBy: a.submitted_by_name, submittedAt: a.submitted_at, decision: a.decision,
        decidedBy: a.decided_by_name, decidedAt: a.decided_at, comment: await this.cipher.decryptOptional(F.approvalComment, a.comment_enc),
      }))),
      comments: await Promise.all(comments.map(async (cm) => ({
        id: cm.id, author: { membershipId: cm.author_membership_id, name: cm.name }, body: await this.cipher.decrypt(F.comment, cm.body_enc), createdAt: cm.created_at,
      }))),
      serviceRecords: { count: hours.records, hours: Math.round((hours.minutes / 60) * 100) / 100 },
      statusChangedAt: c.status_changed_at,
      version: c.version,
      createdAt: c.created_at,
    };
  }

  /** Reassign the responsible worker or the assisting workers (organisation admin, or the worker's supervisor). */
  async assign(id: string, dto: CaseAssignmentDto, actor: Actor) {
    const scope = await this.access.scope(actor);
    const c = await this.requireVisible(scope, id, true);
    assertVersion(c, dto.version);
    const supervises = scope.isSupervisor && (scope.workers ?? []).includes(c.worker_membership_id) && c.worker_membership_id !== scope.membershipId;
    if (!scope.isOrgAdmin && !supervises) throw caseworkError(CaseworkErrorCode.NOT_YOUR_SUPERVISEE);
    const m = this.ctx.manager();
    if (dto.workerMembershipId && dto.workerMembershipId !== c.worker_membership_id) {
      await this.access.requireOrgMember(scope, dto.workerMembershipId);
      await m.query(`UPDATE cases SET worker_membership_id = $2 WHERE id = $1`, [id, dto.workerMembershipId]);
    }
    if (dto.assistantMembershipIds) {
      for (const mid of dto.assistantMembershipIds) await this.access.requireOrgMember(scope, mid);
      await m.query(`DELETE FROM case_assistants WHERE case_id = $1`, [id]);
      for (const mid of dto.assistantMembershipIds) {
        await m.query(`INSERT INTO case_assistants (tenant_id, case_id, membership_id) VALUES ($1, $2, $3)`, [this.ctx.tenantId(), id, mid]);
      }
    }
    await m.query(`UPDATE cases SET version = version + 1, updated_at = now() WHERE id = $1`, [id]);
    await this.audit.record({
      action: 'case.assigned', entityType: 'case', entityId: id,
      before: { workerMembershipId: c.worker_membership_id }, after: { workerMembershipId: dto.workerMembershipId ?? c.worker_membership_id, assistants: dto.assistantMembershipIds },
    });
    return this.detail(id, actor, false);
  }

  /** A supervisor's comment on a case (督导意见), or the worker's reply. Append-only. */
  async comment(id: string, body: string, actor: Actor) {
    const scope = await this.access.scope(actor);
    const c = await this.requireVisible(scope, id);
    const [row] = await this.ctx.manager().query(
      `INSERT INTO case_comments (tenant_id, case_id, author_membership_id, body_enc) VALUES ($1,$2,$3,$4) RETURNING id, created_at`,
      [this.ctx.tenantId(), c.id, scope.membershipId, await this.cipher.encrypt(F.comment, body.trim())]);
    await this.audit.record({ action: 'case.commented', entityType: 'case', entityId: id, after: { commentId: row.id } });
    return { id: row.id, caseId: id, body: body.trim(), createdAt: row.created_at };
  }

  // ---- for the other casework services ----

  async requireVisible(scope: CaseworkScope, id: string, lock = false): Promise<CaseRow> {
    const params: unknown[] = [id];
    const filter = this.access.caseFilter(scope, 'c', params);
    const [row]: CaseRow[] = await this.ctx.manager().query(
      `SELECT ${CASE_COLUMNS} FROM cases c WHERE c.id = $1 AND ${filter}${lock ? ' FOR UPDATE OF c' : ''}`, params);
    if (!row) throw caseworkError(CaseworkErrorCode.CASE_NOT_FOUND, { id });
    return row;
  }

  /** Doing the work of a case: its responsible worker, an assisting worker, or the organisation admin. */
  async requireWorker(scope: CaseworkScope, c: CaseRow): Promise<void> {
    if (scope.isOrgAdmin || c.worker_membership_id === scope.membershipId) return;
    const [assists] = await this.ctx.manager().query(`SELECT 1 FROM case_assistants WHERE case_id = $1 AND membership_id = $2`, [c.id, scope.membershipId]);
    if (!assists) throw caseworkError(CaseworkErrorCode.NOT_CASE_WORKER);
  }
}
