import { Injectable } from '@nestjs/common';
import { Actor, FieldError, addDays, shanghaiDay, sqlDay } from '@sanshe/common';
import { Clock } from '@sanshe/common/clock';
import { AuditService } from '@sanshe/audit';
import { assertVersion } from '@sanshe/database';
import { TenantContext } from '@sanshe/tenancy';
import { AttachmentsService } from '../attachments/attachments.service';
import { ORGANISATION_WRITERS, ProjectAccess, ProjectRow } from '../projects/project-access.service';
import { ProjectNotices } from '../projects/project-notices';
import { REPORT_TRANSITIONS, nextState } from '../projects/project.transitions';
import { ProjectsErrorCode, projectsError } from '../projects/projects.errors';
import { AddReportDto, ReviewReportDto, UpdateReportDto, VersionDto } from './report.dto';
import { REPORT_OWNER_TYPE } from './report-receipts.policy';
import { WAITING_ORDER, WaitingList, toWaitingList } from '../workbench/waiting-item';

const KIND = { monthly: { zh: '月报', en: 'monthly report' }, interim: { zh: '中期报告', en: 'interim report' }, final: { zh: '结项报告', en: 'final report' } } as const;
type Kind = keyof typeof KIND;

interface ReportRow {
  id: string;
  project_id: string;
  kind: Kind;
  period_start: string;
  period_end: string;
  due_on: string;
  status: string;
  narrative: string;
  indicator_values: Array<{ indicator_id: string; value: number }>;
  milestone_statuses: Array<{ milestone_id: string; status: string; completed_on?: string }>;
  review_comment: string | null;
  submitted_at: Date | null;
  reviewed_at: Date | null;
  overdue_since: string | null;
  overdue: boolean;
  version: number;
}

/** A report row with `overdue` judged on `today` (an SQL date from the Clock). */
const columns = (today: string) => `id, project_id, kind, period_start::text, period_end::text, due_on::text, status, narrative, indicator_values, milestone_statuses,
  review_comment, submitted_at, reviewed_at, overdue_since::text, (status IN ('due','returned') AND due_on < ${today}) AS overdue, version`;

/**
 * Periodic reports (月报 / 中期报告 / 结项报告): the organisation fills in the narrative, indicator values (cumulative to
 * the period's end), spending per budget line (new since its previous report, so reports add up) with receipts
 * attached, and milestone status; the officer approves or returns it with comments. Approval applies the milestone
 * statuses; approved spending is what counts as "reported spent" in the project's money and tranche conditions.
 */
@Injectable()
export class ProjectReportsService {
  constructor(
    private readonly clock: Clock,
    private readonly ctx: TenantContext,
    private readonly access: ProjectAccess,
    private readonly attachments: AttachmentsService,
    private readonly notices: ProjectNotices,
    private readonly audit: AuditService,
  ) {}

  async list(projectId: string, actor: Actor) {
    await this.access.load(projectId, actor);
    const rows: ReportRow[] = await this.ctx.manager().query(`SELECT ${columns(sqlDay(this.clock.today()))} FROM project_reports WHERE project_id = $1 ORDER BY due_on, kind`, [projectId]);
    return { items: rows.map((r) => this.summary(r)), total: rows.length };
  }

  async add(projectId: string, dto: AddReportDto, actor: Actor) {
    const p = await this.access.loadWritable(projectId, actor);
    if (dto.periodEnd < dto.periodStart) throw projectsError(ProjectsErrorCode.REPORT_INVALID, { field: 'periodEnd' });
    if (dto.periodStart < p.startsOn || dto.periodEnd > p.endsOn || dto.dueOn < dto.periodEnd) {
      throw projectsError(ProjectsErrorCode.REPORT_PERIOD_OUTSIDE_PROJECT, { periodStart: dto.periodStart, periodEnd: dto.periodEnd, dueOn: dto.dueOn, startsOn: p.startsOn, endsOn: p.endsOn });
    }
    const [row]: Array<{ id: string }> = await this.ctx.manager().query(
      `INSERT INTO project_reports (tenant_id, project_id, kind, period_start, period_end, due_on) VALUES ($1,$2,$3,$4,$5,$6)
       ON CONFLICT (tenant_id, project_id, kind, period_start) DO NOTHING RETURNING id`,
      [this.ctx.tenantId(), p.id, dto.kind, dto.periodStart, dto.periodEnd, dto.dueOn]);
    if (!row) throw projectsError(ProjectsErrorCode.REPORT_INVALID, { reason: 'duplicate period' }, { zh: '该期报告已存在', en: 'A report of this kind for this period already exists' });
    await this.audit.record({ action: 'project.report_scheduled', entityType: 'project_report', entityId: row.id, after: dto });
    return this.get(row.id, actor);
  }

  async get(reportId: string, actor: Actor) {
    const r = await this.row(reportId);
    await this.loadProject(r, actor);
    const spending = await this.ctx.manager().query(
      `SELECT l.id AS "budgetLineId", l.code, l.name, COALESCE(s.amount_fen, 0)::text AS "amountFen"
         FROM project_budget_lines l LEFT JOIN project_report_spending s ON s.budget_line_id = l.id AND s.report_id = $1
        WHERE l.project_id = $2 ORDER BY l.code`, [r.id, r.project_id]);
    return {
      ...this.summary(r), narrative: r.narrative, reviewComment: r.review_comment,
      indicatorValues: r.indicator_values.map((v) => ({ indicatorId: v.indicator_id, value: v.value })),
      milestoneStatuses: r.milestone_statuses.map((v) => ({ milestoneId: v.milestone_id, status: v.status, completedOn: v.completed_on ?? null })),
      spending, receipts: await this.attachments.listFor(REPORT_OWNER_TYPE, r.id),
    };
  }

  async update(reportId: string, dto: UpdateReportDto, actor: Actor) {
    const r = await this.row(reportId, true);
    const p = await this.loadProject(r, actor, true);
    this.access.requireOrganisationWriter(p, actor);
    assertVersion(r, dto.version);
    nextState('report', REPORT_TRANSITIONS, 'edit', r.status);
    const m = this.ctx.manager();
    await this.checkIds(p, dto);
    await m.query(
      `UPDATE project_reports SET narrative = COALESCE($2, narrative), indicator_values = COALESCE($3, indicator_values),
              milestone_statuses = COALESCE($4, milestone_statuses), version = version + 1 WHERE id = $1`,
      [r.id, dto.narrative ?? null,
        dto.indicatorValues ? JSON.stringify(dto.indicatorValues.map((v) => ({ indicator_id: v.indicatorId, value: v.value }))) : null,
        dto.milestoneStatuses ? JSON.stringify(dto.milestoneStatuses.map((v) => ({ milestone_id: v.milestoneId, status: v.status, completed_on: v.completedOn }))) : null]);
    if (dto.spending) {
      await m.query(`DELETE FROM project_report_spending WHERE report_id = $1`, [r.id]);
      for (const s of dto.spending) {
        if (s.amountFen === '0') continue;
        await m.query(`INSERT INTO project_report_spending (tenant_id, report_id, budget_line_id, amount_fen) VALUES ($1,$2,$3,$4)`,
          [this.ctx.tenantId(), r.id, s.budgetLineId, s.amountFen]);
      }
    }
    await this.audit.record({ action: 'project.report_updated', entityType: 'project_report', entityId: r.id, after: dto });
    return this.get(r.id, actor);
  }

  async submit(reportId: string, dto: VersionDto, actor: Actor) {
    const r = await this.row(reportId, true);
    const p = await this.loadProject(r, actor, true);
    this.access.requireOrganisationWriter(p, actor);
    assertVersion(r, dto.version);
    nextState('report', REPORT_TRANSITIONS, 'submit', r.status);
    this.assertPeriodBegun(r);
    const missing: FieldError[] = [];
    if (!r.narrative.trim()) missing.push({ field: 'narrative', code: 'required', zh: '请填写工作进展', en: 'Write the narrative' });
    const [{ spent }] = await this.ctx.manager().query(`SELECT COALESCE(sum(amount_fen), 0)::text AS spent FROM project_report_spending WHERE report_id = $1`, [r.id]);
    if (BigInt(spent) > 0n && !(await this.attachments.kindsPresent(REPORT_OWNER_TYPE, r.id)).includes('receipt')) {
      missing.push({ field: 'receipts', code: 'required', zh: '报告了支出，请上传支出票据', en: 'Spending is reported: attach the receipts' });
    }
    if (missing.length) throw projectsError(ProjectsErrorCode.REPORT_INCOMPLETE, { missing: missing.map((x) => x.field) }, undefined, missing);
    await this.ctx.manager().query(
      `UPDATE project_reports SET status = 'submitted', submitted_at = $3, submitted_by = $2, version = version + 1 WHERE id = $1`, [r.id, actor.userId, this.clock.now()]);
    await this.audit.record({ action: 'project.report_submitted', entityType: 'project_report', entityId: r.id, before: { status: r.status }, after: { status: 'submitted' } });
    await this.notices.send(p, ['officer'], {
      kind: 'project.report_submitted', titleZh: `${KIND[r.kind].zh}待审核：${p.referenceNo}`, titleEn: `${KIND[r.kind].en} to review: ${p.referenceNo}`,
      bodyZh: `「${p.title}」提交了 ${r.period_start} 至 ${r.period_end} 的${KIND[r.kind].zh}。`, bodyEn: `"${p.title}" submitted its ${KIND[r.kind].en} for ${r.period_start} to ${r.period_end}.`,
      data: { reportId: r.id },
    });
    return this.get(r.id, actor);
  }

  async review(reportId: string, action: 'approve' | 'return', dto: ReviewReportDto, actor: Actor) {
    const r = await this.row(reportId, true);
    const p = await this.loadProject(r, actor, true);
    assertVersion(r, dto.version);
    const to = nextState('report', REPORT_TRANSITIONS, action, r.status);
    if (action === 'approve') this.assertPeriodBegun(r);
    if (action === 'return' && !dto.comment) {
      throw projectsError(ProjectsErrorCode.REPORT_INVALID, { field: 'comment' }, { zh: '退回报告请填写审核意见', en: 'Give a comment when returning a report' });
    }
    const m = this.ctx.manager();
    await m.query(`UPDATE project_reports SET status = $2, review_comment = $3, reviewed_at = $5, reviewed_by = $4, version = version + 1 WHERE id = $1`,
      [r.id, to, dto.comment ?? null, actor.userId, this.clock.now()]);
    if (action === 'approve') {
      for (const s of r.milestone_statuses) {
        await m.query(`UPDATE project_milestones SET status = $3, completed_on = CASE WHEN $3 = 'done' THEN COALESCE($4::date, completed_on, $5::date) ELSE NULL END
                        WHERE id = $1 AND project_id = $2`, [s.milestone_id, p.id, s.status, s.completed_on ?? null, r.period_end]);
      }
    }
    await this.audit.record({ action: `project.report_${action === 'approve' ? 'approved' : 'returned'}`, entityType: 'project_report', entityId: r.id, before: { status: r.status }, after: { status: to, comment: dto.comment } });
    const verb = action === 'approve' ? { zh: '已审核通过', en: 'approved' } : { zh: '被退回修改', en: 'returned for changes' };
    await this.notices.send(p, action === 'approve' ? ['organisation', 'finance'] : ['organisation'], {
      kind: `project.report_${action === 'approve' ? 'approved' : 'returned'}`,
      titleZh: `${KIND[r.kind].zh}${verb.zh}：${p.referenceNo}`, titleEn: `${KIND[r.kind].en} ${verb.en}: ${p.referenceNo}`,
      bodyZh: dto.comment ? `审核意见：${dto.comment}` : `「${p.title}」${r.period_start} 至 ${r.period_end} 的${KIND[r.kind].zh}${verb.zh}。`,
      bodyEn: dto.comment ? `Comment: ${dto.comment}` : `The ${KIND[r.kind].en} of "${p.title}" for ${r.period_start} to ${r.period_end} is ${verb.en}.`,
      data: { reportId: r.id },
    });
    return this.get(r.id, actor);
  }

  /** A report speaks about a period that has at least begun (on the Clock's Beijing day): no 2027 report approved in 2026. */
  private assertPeriodBegun(r: ReportRow): void {
    const today = this.clock.today();
    if (today < r.period_start) throw projectsError(ProjectsErrorCode.REPORT_PERIOD_NOT_STARTED, { periodStart: r.period_start, today });
  }

  private async checkIds(p: ProjectRow, dto: UpdateReportDto): Promise<void> {
    const m = this.ctx.manager();
    const ids = async (table: string) => new Set<string>((await m.query(`SELECT id FROM ${table} WHERE project_id = $1`, [p.id])).map((x: { id: string }) => x.id));
    const errors: FieldError[] = [];
    const check = (list: Array<Record<string, string | number | undefined>> | undefined, key: string, valid: Set<string>, field: string) => {
      const seen = new Set<string>();
      list?.forEach((x, i) => {
        const id = String(x[key]);
        if (!valid.has(id)) errors.push({ field: `${field}[${i}].${key}`, code: 'unknown', zh: `${field}[${i}]：不属于本项目`, en: `${field}[${i}] is not part of this project` });
        if (seen.has(id)) errors.push({ field: `${field}[${i}].${key}`, code: 'duplicate', zh: `${field}[${i}]：重复`, en: `${field}[${i}] is listed twice` });
        seen.add(id);
      });
    };
    check(dto.indicatorValues as never, 'indicatorId', await ids('project_indicators'), 'indicatorValues');
    check(dto.spending as never, 'budgetLineId', await ids('project_budget_lines'), 'spending');
    check(dto.milestoneStatuses as never, 'milestoneId', await ids('project_milestones'), 'milestoneStatuses');
    if (errors.length) throw projectsError(ProjectsErrorCode.REPORT_INVALID, undefined, undefined, errors);
  }

  private async row(reportId: string, lock = false): Promise<ReportRow> {
    const [r]: ReportRow[] = await this.ctx.manager().query(`SELECT ${columns(sqlDay(this.clock.today()))} FROM project_reports WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`, [reportId]);
    if (!r) throw projectsError(ProjectsErrorCode.REPORT_NOT_FOUND, { reportId });
    return r;
  }

  /** The report's project if the actor may see it (a hidden project hides its reports: 404 REPORT_NOT_FOUND). */
  private async loadProject(r: ReportRow, actor: Actor, writable = false): Promise<ProjectRow> {
    try {
      return writable ? await this.access.loadWritable(r.project_id, actor) : await this.access.load(r.project_id, actor);
    } catch (e) {
      if ((e as { code?: string }).code === ProjectsErrorCode.PROJECT_NOT_FOUND) throw projectsError(ProjectsErrorCode.REPORT_NOT_FOUND, { reportId: r.id });
      throw e;
    }
  }

  private summary(r: ReportRow) {
    return {
      id: r.id, projectId: r.project_id, kind: r.kind, kindLabel: KIND[r.kind], periodStart: r.period_start, periodEnd: r.period_end, dueOn: r.due_on,
      status: r.status, overdue: r.overdue, overdueSince: r.overdue_since, submittedAt: r.submitted_at, reviewedAt: r.reviewed_at, version: r.version,
    };
  }

  /** Workbench: submitted reports waiting for the officer's review, oldest submission first. */
  async waitingForApproval(): Promise<WaitingList> {
    return this.waiting(`r.status = 'submitted' AND p.status <> 'closed'`, [], 'NULL::timestamptz', 'r.submitted_at');
  }

  /**
   * Workbench: the organisation's reports to write — returned ones, and open ones due within `horizonDays` or
   * already late. A report is late from the end of its due day in Beijing, judged on the caller's clock.
   */
  async waitingForSubmission(actor: Actor, now: Date, horizonDays: number): Promise<WaitingList> {
    if (!actor.organisationId || !actor.roles.some((r) => ORGANISATION_WRITERS.includes(r))) return { total: 0, items: [] };
    const today = shanghaiDay(now);
    return this.waiting(
      `p.organisation_id = $1 AND p.status <> 'closed' AND (r.status = 'returned' OR (r.status = 'due' AND r.due_on <= $2::date))`,
      [actor.organisationId, addDays(today, horizonDays)]);
  }

  /** Workbench: reports past their due day and still not in, across the district (the officer chases them). */
  async overdue(now: Date): Promise<WaitingList> {
    return this.waiting(`p.status <> 'closed' AND r.status IN ('due', 'returned') AND r.due_on < $1::date`, [shanghaiDay(now)]);
  }

  private async waiting(where: string, params: unknown[], dueAt = `((r.due_on + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')`, sortKey = 'r.due_on'): Promise<WaitingList> {
    const rows = await this.ctx.manager().query(
      `SELECT r.id, r.kind, r.period_start::text, r.period_end::text, p.title, p.reference_no, ${dueAt} AS due_at, ${sortKey} AS sort_key,
              count(*) OVER () AS total
         FROM project_reports r JOIN projects p ON p.id = r.project_id WHERE ${where} ${WAITING_ORDER}`, params);
    return toWaitingList(rows, (r: Record<string, any>) => ({
      id: r.id, title: r.title, reference: r.reference_no, dueAt: r.due_at, path: `/project-reports/${r.id}`,
      detail: { zh: `${KIND[r.kind as Kind].zh}（${r.period_start} 至 ${r.period_end}）`, en: `${KIND[r.kind as Kind].en} (${r.period_start} to ${r.period_end})` },
    }));
  }
}
