import { Injectable } from '@nestjs/common';
import { Actor, Role } from '@sanshe/common';
import { Clock } from '@sanshe/common/clock';
import { AuditService } from '@sanshe/audit';
import { TenantContext } from '@sanshe/tenancy';
import { ProjectAccess, ProjectRow } from '../projects/project-access.service';
import { reportSchedule } from '../projects/project-schedule';
import { ProjectNotices } from '../projects/project-notices';
import { ProjectsErrorCode, projectsError } from '../projects/projects.errors';
import { TranchesService } from '../projects/tranches.service';
import { AssignEvaluatorDto, GRADE_LABELS, RecordEvaluationDto } from './evaluation.dto';
import { WAITING_ORDER, WaitingList, toWaitingList } from '../workbench/waiting-item';

const STAGE = { midterm: { zh: '中期评估', en: 'mid-term evaluation' }, final: { zh: '结项评估', en: 'final evaluation' } } as const;

/**
 * Evaluations (中期评估 / 结项评估) by third-party evaluators the officer assigns to a project; an evaluator sees and
 * evaluates only assigned projects. A failed evaluation (不合格) freezes every unpaid tranche and tells the
 * organisation, the officer and finance; an officer may unfreeze with a reason after remediation.
 */
@Injectable()
export class EvaluationsService {
  constructor(
    private readonly clock: Clock,
    private readonly ctx: TenantContext,
    private readonly access: ProjectAccess,
    private readonly tranches: TranchesService,
    private readonly notices: ProjectNotices,
    private readonly audit: AuditService,
  ) {}

  async assign(projectId: string, dto: AssignEvaluatorDto, actor: Actor) {
    const p = await this.access.loadWritable(projectId, actor);
    const m = this.ctx.manager();
    const [member]: Array<{ user_id: string }> = await m.query(
      `SELECT user_id FROM memberships WHERE id = $1 AND status = 'active' AND 'evaluator' = ANY(roles)`, [dto.evaluatorMembershipId]);
    if (!member) throw projectsError(ProjectsErrorCode.EVALUATOR_INVALID, { evaluatorMembershipId: dto.evaluatorMembershipId });
    await m.query(
      `INSERT INTO evaluation_assignments (tenant_id, project_id, evaluator_membership_id, created_by) VALUES ($1,$2,$3,$4)
       ON CONFLICT (tenant_id, project_id, evaluator_membership_id) WHERE ended_at IS NULL DO NOTHING`,
      [this.ctx.tenantId(), p.id, dto.evaluatorMembershipId, actor.userId]);
    const [row] = await m.query(
      `SELECT id, evaluator_membership_id AS "evaluatorMembershipId", created_at AS "assignedAt" FROM evaluation_assignments
        WHERE project_id = $1 AND evaluator_membership_id = $2 AND ended_at IS NULL`, [p.id, dto.evaluatorMembershipId]);
    await this.audit.record({ action: 'project.evaluator_assigned', entityType: 'evaluation_assignment', entityId: row.id, after: { projectId: p.id, ...dto } });
    await this.notices.send({ ...p, officerUserId: member.user_id }, ['officer'], {
      kind: 'project.evaluator_assigned', titleZh: `新的评估任务：${p.referenceNo}`, titleEn: `New evaluation assignment: ${p.referenceNo}`,
      bodyZh: `您被指定评估项目「${p.title}」。`, bodyEn: `You are assigned to evaluate "${p.title}".`,
    });
    return { projectId: p.id, ...row, active: true };
  }

  async endAssignment(projectId: string, assignmentId: string, actor: Actor) {
    const p = await this.access.loadWritable(projectId, actor);
    const [rows]: [Array<{ id: string }>, number] = await this.ctx.manager().query(
      `UPDATE evaluation_assignments SET ended_at = $3 WHERE id = $1 AND project_id = $2 AND ended_at IS NULL RETURNING id`, [assignmentId, p.id, this.clock.now()]);
    if (!rows[0]) throw projectsError(ProjectsErrorCode.ASSIGNMENT_NOT_FOUND, { assignmentId });
    await this.audit.record({ action: 'project.evaluator_unassigned', entityType: 'evaluation_assignment', entityId: assignmentId });
    return { id: assignmentId, active: false };
  }

  async assignments(projectId: string, actor: Actor) {
    await this.access.load(projectId, actor);
    const items = await this.ctx.manager().query(
      `SELECT a.id, a.evaluator_membership_id AS "evaluatorMembershipId", u.name AS "evaluatorName", a.created_at AS "assignedAt", a.ended_at AS "endedAt"
         FROM evaluation_assignments a JOIN memberships ms ON ms.id = a.evaluator_membership_id JOIN users u ON u.id = ms.user_id
        WHERE a.project_id = $1 ORDER BY a.created_at`, [projectId]);
    return { items, total: items.length };
  }

  async record(projectId: string, dto: RecordEvaluationDto, actor: Actor) {
    const p = await this.access.loadWritable(projectId, actor);
    if (!actor.roles.includes(Role.Evaluator) || !actor.membershipId || !(await this.access.isAssigned(p.id, actor.membershipId))) {
      throw projectsError(ProjectsErrorCode.NOT_ASSIGNED, { projectId });
    }
    this.checkEvaluatedOn(p, dto);
    const passed = dto.grade !== 'unqualified';
    const [row]: Array<{ id: string }> = await this.ctx.manager().query(
      `INSERT INTO project_evaluations (tenant_id, project_id, stage, evaluator_membership_id, score, grade, passed, findings, evaluated_on)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) ON CONFLICT (tenant_id, project_id, stage) DO NOTHING RETURNING id`,
      [this.ctx.tenantId(), p.id, dto.stage, actor.membershipId, dto.score, dto.grade, passed, dto.findings, dto.evaluatedOn]);
    if (!row) throw projectsError(ProjectsErrorCode.EVALUATION_EXISTS, { stage: dto.stage });
    const stage = STAGE[dto.stage];
    const grade = GRADE_LABELS[dto.grade];
    let frozen: number[] = [];
    if (!passed) {
      frozen = await this.tranches.freezeUnpaid(p, `${stage.zh}不合格（${dto.score} 分）`);
      await this.notices.send(p, ['organisation', 'officer', 'finance'], {
        kind: 'project.evaluation_failed', titleZh: `${stage.zh}不合格：${p.referenceNo}`, titleEn: `${stage.en} failed: ${p.referenceNo}`,
        bodyZh: `「${p.title}」${stage.zh}得分 ${dto.score}，等级「不合格」。尚未拨付的拨款（第${frozen.join('、') || '—'}期）已冻结，整改后由项目官员解冻。`,
        bodyEn: `"${p.title}" scored ${dto.score} (unqualified) in the ${stage.en}. Unpaid tranches (${frozen.join(', ') || 'none'}) are frozen until an officer unfreezes them.`,
        data: { evaluationId: row.id, frozenTranches: frozen },
      });
    } else {
      await this.notices.send(p, ['organisation', 'officer', 'finance'], {
        kind: 'project.evaluated', titleZh: `${stage.zh}结果：${grade.zh}（${p.referenceNo}）`, titleEn: `${stage.en}: ${grade.en} (${p.referenceNo})`,
        bodyZh: `「${p.title}」${stage.zh}得分 ${dto.score}，等级「${grade.zh}」。`, bodyEn: `"${p.title}" scored ${dto.score} (${grade.en}) in the ${stage.en}.`,
        data: { evaluationId: row.id },
      });
    }
    await this.audit.record({ action: 'project.evaluated', entityType: 'project_evaluation', entityId: row.id, after: { projectId: p.id, ...dto, passed, frozenTranches: frozen } });
    return { id: row.id, projectId: p.id, ...dto, gradeLabel: grade, passed, frozenTranches: frozen };
  }

  /**
   * An evaluation looks back on a period, so it is dated after that period — the mid-term one after the first half
   * (the interim report's period), the final one after the project's end — and not after today on the Clock.
   */
  private checkEvaluatedOn(p: ProjectRow, dto: RecordEvaluationDto): void {
    const today = this.clock.today();
    if (dto.evaluatedOn > today) throw projectsError(ProjectsErrorCode.EVALUATION_DATE_IN_FUTURE, { evaluatedOn: dto.evaluatedOn, today });
    const periodEnd = dto.stage === 'midterm' ? reportSchedule(p.startsOn, p.endsOn).find((r) => r.kind === 'interim')!.periodEnd : p.endsOn;
    if (dto.evaluatedOn <= periodEnd) {
      throw projectsError(ProjectsErrorCode.EVALUATION_BEFORE_PERIOD_END, { stage: dto.stage, evaluatedOn: dto.evaluatedOn, periodStart: p.startsOn, periodEnd });
    }
  }

  async list(projectId: string, actor: Actor) {
    await this.access.load(projectId, actor);
    const items = await this.ctx.manager().query(
      `SELECT e.id, e.stage, e.score::float8 AS score, e.grade, e.passed, e.findings, e.evaluated_on::text AS "evaluatedOn", u.name AS "evaluatorName", e.created_at AS "createdAt"
         FROM project_evaluations e JOIN memberships ms ON ms.id = e.evaluator_membership_id JOIN users u ON u.id = ms.user_id
        WHERE e.project_id = $1 ORDER BY e.created_at`, [projectId]);
    return { items: items.map((e: { grade: keyof typeof GRADE_LABELS }) => ({ ...e, gradeLabel: GRADE_LABELS[e.grade] })), total: items.length };
  }

  /**
   * Workbench: the evaluator's own active assignments on projects in progress, with the next evaluation still to
   * record — the mid-term one, due by the middle of the project's period, then the final one, due by its end.
   */
  async dueFor(actor: Actor): Promise<WaitingList> {
    if (!actor.roles.includes(Role.Evaluator) || !actor.membershipId) return { total: 0, items: [] };
    const rows = await this.ctx.manager().query(
      `SELECT p.id, p.title, p.reference_no, x.stage,
              CASE x.stage WHEN 'midterm' THEN ((p.starts_on + (p.ends_on - p.starts_on) / 2 + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')
                           ELSE ((p.ends_on + 1)::timestamp AT TIME ZONE 'Asia/Shanghai') END AS due_at,
              p.reference_no AS sort_key, count(*) OVER () AS total
         FROM evaluation_assignments a JOIN projects p ON p.id = a.project_id
         CROSS JOIN LATERAL (SELECT CASE WHEN EXISTS (SELECT 1 FROM project_evaluations e WHERE e.project_id = p.id AND e.stage = 'midterm')
                                         THEN 'final' ELSE 'midterm' END AS stage) x
        WHERE a.evaluator_membership_id = $1 AND a.ended_at IS NULL AND p.status = 'active'
          AND NOT EXISTS (SELECT 1 FROM project_evaluations e WHERE e.project_id = p.id AND e.stage = 'final') ${WAITING_ORDER}`, [actor.membershipId]);
    return toWaitingList(rows, (r: Record<string, any>) => ({
      id: r.id, title: r.title, reference: r.reference_no, dueAt: r.due_at, path: `/projects/${r.id}`, detail: STAGE[r.stage as keyof typeof STAGE],
    }));
  }
}
