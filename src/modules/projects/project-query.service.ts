import { Injectable } from '@nestjs/common';
import { Actor, sqlDay } from '@sanshe/common';
import { Clock } from '@sanshe/common/clock';
import { keysetPage } from '@sanshe/database';
import { TenantContext } from '@sanshe/tenancy';
import { suppress } from '../casework/casework-fields';
import { CaseworkTotalsService } from '../casework/casework-totals.service';
import { ListProjectsQuery } from './dto/project.dto';
import { ProjectAccess } from './project-access.service';
import { ProjectPlanService } from './project-plan.service';
import { TranchesService } from './tranches.service';

/**
 * Per project: the money (fen as text) and what is overdue or due next, as of `today` (an SQL date from the Clock, never
 * the database's `now()`, so a test that moves the clock moves what is overdue). `p` is the projects row.
 */
const moneyAndDue = (today: string) => `
  (SELECT COALESCE(sum(amount_fen), 0) FROM project_tranches t WHERE t.project_id = p.id AND t.status = 'released')::text AS released_fen,
  (SELECT COALESCE(sum(s.amount_fen), 0) FROM project_report_spending s JOIN project_reports r ON r.id = s.report_id
     WHERE r.project_id = p.id AND r.status = 'approved')::text AS spent_fen,
  (SELECT count(*) FROM project_reports r WHERE r.project_id = p.id AND r.status IN ('due','returned') AND r.due_on < ${today})::int AS overdue_reports,
  (SELECT count(*) FROM project_milestones ms WHERE ms.project_id = p.id AND ms.status <> 'done' AND ms.due_on < ${today})::int AS overdue_milestones,
  (SELECT count(*) FROM project_tranches t WHERE t.project_id = p.id AND t.status = 'frozen')::int AS frozen_tranches,
  (SELECT count(*) FROM project_changes c WHERE c.project_id = p.id AND c.status = 'pending')::int AS pending_changes,
  (SELECT json_build_object('type', x.type, 'id', x.id, 'name', x.name, 'dueOn', x.due_on) FROM (
      SELECT 'report' AS type, r.id, r.kind AS name, r.due_on FROM project_reports r WHERE r.project_id = p.id AND r.status IN ('due','returned')
      UNION ALL SELECT 'milestone', ms.id, ms.name, ms.due_on FROM project_milestones ms WHERE ms.project_id = p.id AND ms.status <> 'done'
      ORDER BY due_on LIMIT 1) x) AS next_due`;

function money(r: Record<string, any>) {
  const awarded = BigInt(r.amount_fen);
  const released = BigInt(r.released_fen);
  return {
    awardedFen: awarded.toString(), releasedFen: released.toString(), reportedSpentFen: String(r.spent_fen),
    remainingFen: (awarded - released).toString(), refundedFen: String(r.refunded_fen),
  };
}

function summary(r: Record<string, any>) {
  return {
    id: r.id, referenceNo: r.reference_no, title: r.title, status: r.status, callTitle: r.call_title,
    organisation: { id: r.organisation_id, name: r.organisation_name }, officer: { userId: r.officer_user_id, name: r.officer_name },
    startsOn: r.starts_on, endsOn: r.ends_on, agreementSignedOn: r.agreement_signed_on, planVersion: r.plan_version, version: r.version,
    money: money(r),
    overdue: { reports: r.overdue_reports, milestones: r.overdue_milestones, any: r.overdue_reports + r.overdue_milestones > 0 },
    frozenTranches: r.frozen_tranches, pendingChanges: r.pending_changes, nextDue: r.next_due,
  };
}

const select = (today: string) => `SELECT p.id, p.award_id, p.reference_no, p.title, p.status, p.call_title, p.organisation_id, o.name AS organisation_name, p.officer_user_id,
    u.name AS officer_name, p.starts_on::text, p.ends_on::text, p.agreement_signed_on::text, p.plan_version, p.version, p.amount_fen,
    p.refunded_fen, p.created_at, p.summary, p.community_ids, p.service_areas, p.co_funding_fen::text, p.closed_at, p.termination_reason, ${moneyAndDue(today)}
  FROM projects p JOIN organisations o ON o.id = p.organisation_id JOIN users u ON u.id = p.officer_user_id`;

/**
 * What people read: the officer's list of every project with status, money and overdue items (with filters), an
 * organisation's own projects with what is due next, an evaluator's assigned ones; a project's full picture; and
 * budget against actual per line.
 */
@Injectable()
export class ProjectQueryService {
  constructor(
    private readonly clock: Clock,
    private readonly ctx: TenantContext,
    private readonly access: ProjectAccess,
    private readonly plan: ProjectPlanService,
    private readonly tranches: TranchesService,
    private readonly casework: CaseworkTotalsService,
  ) {}

  async list(q: ListProjectsQuery, actor: Actor) {
    const TODAY = sqlDay(this.clock.today());
    const params: unknown[] = [];
    const where = [this.access.visibility(actor, params)];
    const add = (sql: string, v: unknown) => { params.push(v); where.push(sql.replace('?', `$${params.length}`)); };
    if (q.status) add('p.status = ?', q.status);
    if (q.organisationId) add('p.organisation_id = ?', q.organisationId);
    if (q.mine) add('p.officer_user_id = ?', actor.userId);
    if (q.q) add(`(p.title ILIKE ? OR p.reference_no ILIKE $${params.length + 1})`, `%${q.q.replace(/[%_\\]/g, '\\$&')}%`);
    if (q.overdue) {
      where.push(`(EXISTS (SELECT 1 FROM project_reports r WHERE r.project_id = p.id AND r.status IN ('due','returned') AND r.due_on < ${TODAY})
               OR EXISTS (SELECT 1 FROM project_milestones ms WHERE ms.project_id = p.id AND ms.status <> 'done' AND ms.due_on < ${TODAY}))`);
    }
    const page = await keysetPage<Record<string, any> & { id: string }>(this.ctx.manager(), {
      select: select(TODAY), countFrom: 'FROM projects p', where, params,
      order: { key: 'p.created_at', type: 'timestamptz', id: 'p.id', direction: 'desc' }, limit: q.limit, cursor: q.cursor,
    });
    return { ...page, items: page.items.map(summary) };
  }

  async detail(projectId: string, actor: Actor) {
    await this.access.load(projectId, actor);
    const m = this.ctx.manager();
    const TODAY = sqlDay(this.clock.today());
    const [row] = await m.query(`${select(TODAY)} WHERE p.id = $1`, [projectId]);
    const plan = await this.plan.current(projectId);
    const totals = await this.casework.totalsForProject(projectId);
    // People counts of 1-4 are shown as "<5" to everyone but the organisation's own people, as casework's aggregates do.
    const people = this.access.actsForOrganisation(row.organisation_id, actor) ? (n: number) => n : suppress;
    // Indicator values in reports are cumulative to date: the latest approved report's value is the achievement.
    const reported: Array<{ indicator_id: string; value: number; period_end: string }> = await m.query(
      `SELECT DISTINCT ON (v.indicator_id) v.indicator_id, v.value, r.period_end::text
         FROM project_reports r, jsonb_to_recordset(r.indicator_values) AS v(indicator_id uuid, value float8)
        WHERE r.project_id = $1 AND r.status = 'approved' ORDER BY v.indicator_id, r.period_end DESC, r.reviewed_at DESC`, [projectId]);
    const indicators = plan.indicators.map((i: Record<string, any>) => {
      const cw = totals.indicators.find((x) => x.indicatorId === i.id);
      const rep = reported.find((x) => x.indicator_id === i.id);
      return { ...i, reportedValue: rep?.value ?? null, reportedAsOf: rep?.period_end ?? null,
        casework: { hours: cw?.hours ?? 0, distinctPeople: people(cw?.distinctPeople ?? 0), personTimes: cw?.personTimes ?? 0 } };
    });
    const reports = await m.query(
      `SELECT id, kind, period_start::text AS "periodStart", period_end::text AS "periodEnd", due_on::text AS "dueOn", status,
              (status IN ('due','returned') AND due_on < ${TODAY}) AS overdue
         FROM project_reports WHERE project_id = $1 ORDER BY due_on, kind`, [projectId]);
    const evaluations = await m.query(
      `SELECT id, stage, score::float8 AS score, grade, passed, findings, evaluated_on::text AS "evaluatedOn" FROM project_evaluations WHERE project_id = $1 ORDER BY created_at`, [projectId]);
    return {
      // The project carries its award's reference number, so the award is named without asking the calls module.
      ...summary(row), award: { id: row.award_id, referenceNo: row.reference_no }, summary: row.summary, communityIds: row.community_ids, serviceAreas: row.service_areas, coFundingFen: row.co_funding_fen, closedAt: row.closed_at, terminationReason: row.termination_reason,
      plan: { ...plan, indicators }, caseworkTotal: { ...totals.total, distinctPeople: people(totals.total.distinctPeople) },
      tranches: (await this.tranches.list(projectId, actor)).items, reports, evaluations,
    };
  }

  /** Budget against actual per line: the plan now, what was awarded, approved spending and spending awaiting review. */
  async budget(projectId: string, actor: Actor) {
    await this.access.load(projectId, actor);
    const rows = await this.ctx.manager().query(
      `SELECT l.id, l.code, l.name, l.awarded_fen::text, l.amount_fen::text,
              COALESCE(sum(s.amount_fen) FILTER (WHERE r.status = 'approved'), 0)::text AS spent,
              COALESCE(sum(s.amount_fen) FILTER (WHERE r.status = 'submitted'), 0)::text AS pending
         FROM project_budget_lines l LEFT JOIN project_report_spending s ON s.budget_line_id = l.id LEFT JOIN project_reports r ON r.id = s.report_id
        WHERE l.project_id = $1 GROUP BY l.id ORDER BY l.code`, [projectId]);
    const lines = rows.map((r: Record<string, any>) => {
      const planned = BigInt(r.amount_fen);
      const spent = BigInt(r.spent);
      return {
        budgetLineId: r.id, code: r.code, name: r.name, awardedFen: r.awarded_fen, plannedFen: r.amount_fen, spentFen: r.spent, awaitingReviewFen: r.pending,
        remainingFen: (planned - spent).toString(), usedPercent: planned > 0n ? Number((spent * 10000n) / planned) / 100 : 0, overspent: spent > planned,
      };
    });
    const sum = (k: 'plannedFen' | 'spentFen' | 'awaitingReviewFen') => lines.reduce((a: bigint, l: Record<string, string>) => a + BigInt(l[k]), 0n).toString();
    return { projectId, lines, total: { plannedFen: sum('plannedFen'), spentFen: sum('spentFen'), awaitingReviewFen: sum('awaitingReviewFen') } };
  }

  async planVersions(projectId: string, actor: Actor) {
    await this.access.load(projectId, actor);
    return this.plan.versions(projectId);
  }
}
