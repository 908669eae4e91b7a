import { Injectable } from '@nestjs/common';
import { Actor, FieldError, Page, PageQuery, Role, addDays } from '@sanshe/common';
import { Clock } from '@sanshe/common/clock';
import { AuditService } from '@sanshe/audit';
import { assertVersion, keysetPage } from '@sanshe/database';
import { TenantContext } from '@sanshe/tenancy';
import { DecideChangeDto, RequestChangeDto } from './dto/change.dto';
import { ProjectAccess, ProjectRow } from './project-access.service';
import { ProjectNotices } from './project-notices';
import { ProjectPlanService } from './project-plan.service';
import { ProjectSettingsService } from './project-settings.service';
import { CHANGE_TRANSITIONS, nextState } from './project.transitions';
import { ProjectsErrorCode, projectsError } from './projects.errors';
import { WAITING_ORDER, WaitingList, toWaitingList } from '../workbench/waiting-item';

interface ChangeRow {
  id: string;
  project_id: string;
  kind: RequestChangeDto['kind'];
  detail: Omit<RequestChangeDto, 'kind' | 'reason'>;
  reason: string;
  status: string;
  needs_approval: boolean;
  version: number;
}

const KIND = { reallocation: { zh: '预算调整', en: 'budget reallocation' }, extension: { zh: '项目延期', en: 'extension' }, indicator_target: { zh: '指标调整', en: 'indicator targets' } };

/** A change as read back, with who asked for it; `sortKey` is the exact created_at for the list's cursor. */
const CHANGE_SELECT = `SELECT c.id, c.kind, c.detail, c.reason, c.status, c.needs_approval AS "needsApproval", c.decision_comment AS "decisionComment",
    c.plan_version AS "planVersion", c.version, c.created_at AS "createdAt", c.decided_at AS "decidedAt", u.name AS "requestedByName",
    c.created_at::text AS "sortKey"
  FROM project_changes c JOIN users u ON u.id = c.requested_by`;

function toChange({ sortKey: _sortKey, ...c }: Record<string, any>) {
  return { ...c, kindLabel: KIND[c.kind as keyof typeof KIND] };
}

/**
 * Changes to the plan (变更). A reallocation keeping what has left each source line without approval within the
 * district's threshold (e.g. 10%) of its awarded amount is recorded and takes effect at once; a larger one, any
 * extension and any change of indicator targets waits for the officer's approval. Each change that takes effect makes a new plan version; the old ones stay readable.
 */
@Injectable()
export class ProjectChangesService {
  constructor(
    private readonly clock: Clock,
    private readonly ctx: TenantContext,
    private readonly access: ProjectAccess,
    private readonly plan: ProjectPlanService,
    private readonly settings: ProjectSettingsService,
    private readonly notices: ProjectNotices,
    private readonly audit: AuditService,
  ) {}

  async request(projectId: string, dto: RequestChangeDto, actor: Actor) {
    const p = await this.access.loadWritable(projectId, actor);
    if (!actor.roles.includes(Role.ProgrammeOfficer)) this.access.requireOrganisationWriter(p, actor);
    const detail = this.detailOf(dto);
    await this.validate(p, dto.kind, detail);
    const m = this.ctx.manager();
    const [pending] = await m.query(`SELECT id FROM project_changes WHERE project_id = $1 AND kind = $2 AND status = 'pending'`, [p.id, dto.kind]);
    if (pending) throw projectsError(ProjectsErrorCode.CHANGE_PENDING, { changeId: pending.id });
    const needsApproval = await this.needsApproval(p.id, dto.kind, detail);
    const [row]: Array<{ id: string }> = await m.query(
      `INSERT INTO project_changes (tenant_id, project_id, kind, detail, reason, status, needs_approval, requested_by) VALUES ($1,$2,$3,$4,$5,$6,$7,$8) RETURNING id`,
      [this.ctx.tenantId(), p.id, dto.kind, JSON.stringify(detail), dto.reason, needsApproval ? 'pending' : 'applied', needsApproval, actor.userId]);
    if (!needsApproval) {
      await this.apply(p, { id: row.id, kind: dto.kind, detail, reason: dto.reason });
    } else {
      await this.notices.send(p, ['officer'], {
        kind: 'project.change_requested', titleZh: `${KIND[dto.kind].zh}待审批：${p.referenceNo}`, titleEn: `${KIND[dto.kind].en} to approve: ${p.referenceNo}`,
        bodyZh: `「${p.title}」申请${KIND[dto.kind].zh}：${dto.reason}`, bodyEn: `"${p.title}" asks for a ${KIND[dto.kind].en}: ${dto.reason}`, data: { changeId: row.id },
      });
    }
    await this.audit.record({ action: 'project.change_requested', entityType: 'project_change', entityId: row.id, after: { ...dto, needsApproval } });
    return this.get(row.id);
  }

  async decide(projectId: string, changeId: string, action: 'approve' | 'reject', dto: DecideChangeDto, actor: Actor) {
    const p = await this.access.loadWritable(projectId, actor);
    const [c]: ChangeRow[] = await this.ctx.manager().query(`SELECT * FROM project_changes WHERE id = $1 AND project_id = $2 FOR UPDATE`, [changeId, p.id]);
    if (!c) throw projectsError(ProjectsErrorCode.CHANGE_NOT_FOUND, { changeId });
    assertVersion(c, dto.version);
    const to = nextState('change', CHANGE_TRANSITIONS, action, c.status);
    if (action === 'reject' && !dto.comment) throw projectsError(ProjectsErrorCode.CHANGE_INVALID, { field: 'comment' }, { zh: '不予批准时请填写审批意见', en: 'Give a comment when rejecting' });
    if (action === 'approve') {
      // The plan may have moved since the request (e.g. a small reallocation): check again against today's plan.
      await this.validate(p, c.kind, c.detail);
    }
    await this.ctx.manager().query(
      `UPDATE project_changes SET status = $2, decided_by = $3, decided_at = $5, decision_comment = $4, version = version + 1 WHERE id = $1`,
      [c.id, to, actor.userId, dto.comment ?? null, this.clock.now()]);
    if (action === 'approve') await this.apply(p, c);
    await this.audit.record({ action: `project.change_${to}`, entityType: 'project_change', entityId: c.id, before: { status: c.status }, after: { status: to, comment: dto.comment } });
    const verb = action === 'approve' ? { zh: '已批准', en: 'approved' } : { zh: '未获批准', en: 'rejected' };
    await this.notices.send(p, ['organisation'], {
      kind: `project.change_${to}`, titleZh: `${KIND[c.kind].zh}${verb.zh}：${p.referenceNo}`, titleEn: `${KIND[c.kind].en} ${verb.en}: ${p.referenceNo}`,
      bodyZh: dto.comment ? `审批意见：${dto.comment}` : `「${p.title}」的${KIND[c.kind].zh}${verb.zh}。`, bodyEn: dto.comment ? `Comment: ${dto.comment}` : `The ${KIND[c.kind].en} of "${p.title}" is ${verb.en}.`,
      data: { changeId: c.id },
    });
    return this.get(c.id);
  }

  /** Newest first, a page at a time (keyset on created_at, id), each change with the name of who asked for it. */
  async list(projectId: string, q: PageQuery, actor: Actor): Promise<Page<ReturnType<typeof toChange>>> {
    await this.access.load(projectId, actor);
    const page = await keysetPage<Record<string, any> & { id: string }>(this.ctx.manager(), {
      select: CHANGE_SELECT, countFrom: 'FROM project_changes c', where: ['c.project_id = $1'], params: [projectId],
      order: { key: 'c.created_at', type: 'timestamptz', id: 'c.id', direction: 'desc' }, limit: q.limit, cursor: q.cursor,
    });
    return { ...page, items: page.items.map(toChange) };
  }

  private async get(id: string) {
    const [c] = await this.ctx.manager().query(`${CHANGE_SELECT} WHERE c.id = $1`, [id]);
    return toChange(c);
  }

  private detailOf(dto: RequestChangeDto): ChangeRow['detail'] {
    const fail = (field: string) => { throw projectsError(ProjectsErrorCode.CHANGE_INVALID, { field }, { zh: `变更内容有误：缺少 ${field}`, en: `The change needs ${field}` }); };
    if (dto.kind === 'reallocation') return dto.reallocations ? { reallocations: dto.reallocations } : fail('reallocations');
    if (dto.kind === 'extension') return dto.newEndsOn ? { newEndsOn: dto.newEndsOn } : fail('newEndsOn');
    return dto.indicatorTargets ? { indicatorTargets: dto.indicatorTargets } : fail('indicatorTargets');
  }

  private async validate(p: ProjectRow, kind: ChangeRow['kind'], d: ChangeRow['detail']): Promise<void> {
    const m = this.ctx.manager();
    const errors: FieldError[] = [];
    if (kind === 'reallocation') {
      const lines: Array<{ id: string; amount_fen: string }> = await m.query(`SELECT id, amount_fen FROM project_budget_lines WHERE project_id = $1`, [p.id]);
      const after = new Map(lines.map((l) => [l.id, BigInt(l.amount_fen)]));
      d.reallocations!.forEach((r, i) => {
        if (!after.has(r.fromBudgetLineId) || !after.has(r.toBudgetLineId) || r.fromBudgetLineId === r.toBudgetLineId) {
          errors.push({ field: `reallocations[${i}]`, code: 'line', zh: `reallocations[${i}]：科目不属于本项目或调出调入相同`, en: `reallocations[${i}]: lines must be two different lines of this project` });
          return;
        }
        after.set(r.fromBudgetLineId, after.get(r.fromBudgetLineId)! - BigInt(r.amountFen));
        after.set(r.toBudgetLineId, after.get(r.toBudgetLineId)! + BigInt(r.amountFen));
      });
      for (const [id, v] of after) if (v < 0n) errors.push({ field: 'reallocations', code: 'amount', zh: `调出金额超过科目现有预算（${id}）`, en: `More is moved out of line ${id} than it holds` });
    } else if (kind === 'extension') {
      if (d.newEndsOn! <= p.endsOn) errors.push({ field: 'newEndsOn', code: 'date', zh: `newEndsOn：须晚于现结束日期 ${p.endsOn}`, en: `newEndsOn must be after the current end ${p.endsOn}` });
    } else {
      const ids = new Set((await m.query(`SELECT id FROM project_indicators WHERE project_id = $1`, [p.id])).map((x: { id: string }) => x.id));
      d.indicatorTargets!.forEach((x, i) => {
        if (!ids.has(x.indicatorId)) errors.push({ field: `indicatorTargets[${i}].indicatorId`, code: 'unknown', zh: `indicatorTargets[${i}]：不属于本项目`, en: `indicatorTargets[${i}] is not an indicator of this project` });
      });
    }
    if (errors.length) throw projectsError(ProjectsErrorCode.CHANGE_INVALID, undefined, undefined, errors);
  }

  /**
   * Above the threshold share of any source line → approval; extensions and indicator targets always need it. The
   * share is of the line's awarded amount and counts everything already moved out of the line by reallocations that
   * took effect without approval, so a large move split into small ones still needs approval once the sum passes it.
   * (The project row is locked by `loadWritable`, so two requests cannot both count the same headroom.)
   */
  private async needsApproval(projectId: string, kind: ChangeRow['kind'], d: ChangeRow['detail']): Promise<boolean> {
    if (kind !== 'reallocation') return true;
    const { reallocationThresholdPercent } = await this.settings.get();
    const out = new Map<string, bigint>();
    for (const r of d.reallocations!) out.set(r.fromBudgetLineId, (out.get(r.fromBudgetLineId) ?? 0n) + BigInt(r.amountFen));
    const lines: Array<{ id: string; awarded_fen: string; moved_fen: string }> = await this.ctx.manager().query(
      `SELECT l.id, l.awarded_fen::text,
              (SELECT COALESCE(sum((x->>'amountFen')::bigint), 0) FROM project_changes c, jsonb_array_elements(c.detail->'reallocations') x
                WHERE c.project_id = l.project_id AND c.kind = 'reallocation' AND c.status = 'applied' AND NOT c.needs_approval
                  AND x->>'fromBudgetLineId' = l.id::text)::text AS moved_fen
         FROM project_budget_lines l WHERE l.project_id = $1 AND l.id = ANY($2::uuid[])`, [projectId, [...out.keys()]]);
    for (const l of lines) {
      const moved = BigInt(l.moved_fen) + out.get(l.id)!;
      if (moved * 100n > BigInt(reallocationThresholdPercent) * BigInt(l.awarded_fen)) return true;
    }
    return false;
  }

  private async apply(p: ProjectRow, c: Pick<ChangeRow, 'id' | 'kind' | 'detail' | 'reason'>): Promise<void> {
    const m = this.ctx.manager();
    if (c.kind === 'reallocation') {
      for (const r of c.detail.reallocations!) {
        await m.query(`UPDATE project_budget_lines SET amount_fen = amount_fen - $2 WHERE id = $1`, [r.fromBudgetLineId, r.amountFen]);
        await m.query(`UPDATE project_budget_lines SET amount_fen = amount_fen + $2 WHERE id = $1`, [r.toBudgetLineId, r.amountFen]);
      }
    } else if (c.kind === 'extension') {
      await m.query(`UPDATE projects SET ends_on = $2 WHERE id = $1`, [p.id, c.detail.newEndsOn]);
      await m.query(`UPDATE project_reports SET period_end = $2, due_on = $3 WHERE project_id = $1 AND kind = 'final' AND status IN ('due','returned')`,
        [p.id, c.detail.newEndsOn, addDays(c.detail.newEndsOn!, 30)]);
    } else {
      for (const x of c.detail.indicatorTargets!) await m.query(`UPDATE project_indicators SET target = $2 WHERE id = $1`, [x.indicatorId, x.target]);
    }
    const version = await this.plan.newVersion(p.id, `${KIND[c.kind].zh}：${c.reason}`.slice(0, 500), c.id);
    await m.query(`UPDATE project_changes SET plan_version = $2 WHERE id = $1`, [c.id, version]);
  }

  /** Workbench: changes waiting for the officer's decision, oldest request first (no deadline dates them). */
  async awaitingDecision(): Promise<WaitingList> {
    const rows = await this.ctx.manager().query(
      `SELECT c.id, c.kind, p.id AS project_id, p.title, p.reference_no, NULL::timestamptz AS due_at, c.created_at AS sort_key, count(*) OVER () AS total
         FROM project_changes c JOIN projects p ON p.id = c.project_id
        WHERE c.status = 'pending' AND p.status <> 'closed' ${WAITING_ORDER}`);
    return toWaitingList(rows, (r: Record<string, any>) => ({
      id: r.id, title: r.title, reference: r.reference_no, dueAt: null, path: `/projects/${r.project_id}`, detail: KIND[r.kind as keyof typeof KIND],
    }));
  }
}
