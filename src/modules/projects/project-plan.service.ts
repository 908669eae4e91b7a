import { Injectable } from '@nestjs/common';
import { TenantContext } from '@sanshe/tenancy';

/**
 * Every version of a project's plan — budget lines, indicator targets, milestones and dates — is kept as it stood
 * (append-only table), so anyone can see what was agreed at award and what each change made of it.
 */
@Injectable()
export class ProjectPlanService {
  constructor(private readonly ctx: TenantContext) {}

  async current(projectId: string) {
    const m = this.ctx.manager();
    const [dates] = await m.query(`SELECT starts_on::text, ends_on::text FROM projects WHERE id = $1`, [projectId]);
    const budgetLines = await m.query(`SELECT id, code, name, awarded_fen::text AS "awardedFen", amount_fen::text AS "amountFen" FROM project_budget_lines WHERE project_id = $1 ORDER BY code`, [projectId]);
    const indicators = await m.query(`SELECT id, code, name, unit, baseline::float8 AS baseline, target::float8 AS target FROM project_indicators WHERE project_id = $1 ORDER BY code`, [projectId]);
    const milestones = await m.query(`SELECT id, seq, name, due_on::text AS "dueOn", status FROM project_milestones WHERE project_id = $1 ORDER BY seq`, [projectId]);
    return { startsOn: dates.starts_on as string, endsOn: dates.ends_on as string, budgetLines, indicators, milestones };
  }

  async snapshot(projectId: string, versionNo: number, reason: string, changeId: string | null): Promise<void> {
    const plan = await this.current(projectId);
    await this.ctx.manager().query(
      `INSERT INTO project_plan_versions (tenant_id, project_id, version_no, plan, reason, change_id, created_by) VALUES ($1,$2,$3,$4,$5,$6,$7)`,
      [this.ctx.tenantId(), projectId, versionNo, JSON.stringify(plan), reason, changeId, this.ctx.actorOrUndefined()?.userId ?? null]);
  }

  /** Bumps the project's plan version and records the new plan. Call after applying a change. */
  async newVersion(projectId: string, reason: string, changeId: string): Promise<number> {
    const [[row]]: [Array<{ plan_version: number }>, number] = await this.ctx.manager().query(
      `UPDATE projects SET plan_version = plan_version + 1, version = version + 1, updated_at = now() WHERE id = $1 RETURNING plan_version`, [projectId]);
    await this.snapshot(projectId, row.plan_version, reason, changeId);
    return row.plan_version;
  }

  async versions(projectId: string) {
    const rows = await this.ctx.manager().query(
      `SELECT v.version_no AS "versionNo", v.reason, v.change_id AS "changeId", v.created_at AS "createdAt", u.name AS "createdByName", v.plan
         FROM project_plan_versions v LEFT JOIN users u ON u.id = v.created_by WHERE v.project_id = $1 ORDER BY v.version_no DESC`, [projectId]);
    return { items: rows, total: rows.length };
  }
}
