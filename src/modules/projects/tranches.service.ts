import { Injectable } from '@nestjs/common';
import { Actor, formatYuan } from '@sanshe/common';
import { Clock } from '@sanshe/common/clock';
import { AuditService } from '@sanshe/audit';
import { LedgerService } from '@sanshe/ledger';
import { keysetPage } from '@sanshe/database';
import { TenantContext, IdempotencyService } from '@sanshe/tenancy';
import { ListTranchesQuery } from './dto/project.dto';
import type { TrancheCondition } from '../calls/grant-awarded.event';
import { ProjectAccess, ProjectRow } from './project-access.service';
import { ProjectNotices } from './project-notices';
import { TRANCHE_TRANSITIONS, nextState } from './project.transitions';
import { ProjectsErrorCode, projectsError } from './projects.errors';
import { checkTranche } from './tranche-conditions';
import { WAITING_LIMIT, WaitingList } from '../workbench/waiting-item';

interface TrancheRow {
  id: string;
  project_id: string;
  seq: number;
  name: string;
  percent: string;
  amount_fen: string;
  conditions: TrancheCondition[];
  status: string;
  reservation_key: string | null;
  released_entry_id: string | null;
  released_at: Date | null;
  frozen_reason: string | null;
  frozen_at: Date | null;
  version: number;
}

interface ProjectFacts { id: string; evaluations: Array<{ stage: string; score: number; passed: boolean }>; kinds: string[]; released: string; spent: string }

type ListedTranche = TrancheRow & {
  reference_no: string; project_title: string; project_status: string; call_title: string; organisation_id: string;
  organisation_name: string; agreement_signed_on: string | null; earlier_unpaid: number[];
};

const yuan = (fen: bigint | string) => formatYuan(fen);

/**
 * Tranches (分期拨付): each paid at most once, by a finance officer, when its conditions hold. Paying posts the
 * tranche's own reservation on the programme fund into the organisation's grant account. Twice-safe three ways:
 * the tranche row is locked FOR UPDATE and must be `pending`; the ledger transfer id is derived from the tranche
 * (`tranche-release:<id>`), so even a second attempt that got through would get the first entry back; and the
 * request's Idempotency-Key replays the first answer to a retry.
 */
@Injectable()
export class TranchesService {
  constructor(
    private readonly clock: Clock,
    private readonly ctx: TenantContext,
    private readonly access: ProjectAccess,
    private readonly ledger: LedgerService,
    private readonly idempotency: IdempotencyService,
    private readonly notices: ProjectNotices,
    private readonly audit: AuditService,
  ) {}

  async list(projectId: string, actor: Actor) {
    const p = await this.access.load(projectId, actor);
    const rows: TrancheRow[] = await this.ctx.manager().query(`SELECT * FROM project_tranches WHERE project_id = $1 ORDER BY seq`, [projectId]);
    const facts = await this.facts(p);
    return {
      items: rows.map((t) => {
        const checks = checkTranche(t.conditions, { ...facts, trancheStatus: t.status, earlierUnpaid: this.earlierUnpaid(rows, t.seq) });
        return { ...this.view(t), checks, ready: t.status === 'pending' && checks.every((c) => c.met) };
      }),
    };
  }

  async release(projectId: string, trancheId: string, key: string | undefined, actor: Actor) {
    return this.idempotency.run('tranche.release', key, { projectId, trancheId }, async () => {
      const p = await this.access.load(projectId, actor);
      const t = await this.lockTranche(projectId, trancheId);
      if (p.status === 'closed') throw projectsError(ProjectsErrorCode.PROJECT_CLOSED, { projectId });
      if (t.status === 'released') {
        throw projectsError(ProjectsErrorCode.TRANCHE_ALREADY_RELEASED, { trancheId, entryId: t.released_entry_id, releasedAt: t.released_at });
      }
      nextState('tranche', { ...TRANCHE_TRANSITIONS, release: { from: ['pending', 'frozen'], to: 'released' } }, 'release', t.status);
      const all: TrancheRow[] = await this.ctx.manager().query(`SELECT * FROM project_tranches WHERE project_id = $1 ORDER BY seq`, [projectId]);
      const checks = checkTranche(t.conditions, { ...(await this.facts(p)), trancheStatus: t.status, earlierUnpaid: this.earlierUnpaid(all, t.seq) });
      const unmet = checks.filter((c) => !c.met);
      if (unmet.length) {
        throw projectsError(ProjectsErrorCode.TRANCHE_CONDITIONS_UNMET, { trancheId, unmet }, {
          zh: `拨付条件尚未满足：${unmet.map((c) => c.zh).join('；')}`,
          en: `Conditions not met: ${unmet.map((c) => c.en).join('; ')}`,
        });
      }
      const entry = await this.ledger.postReservation(t.reservation_key!, {
        transferId: `tranche-release:${t.id}`, to: p.grantAccountId,
        reason: `${p.referenceNo} 第${t.seq}期拨款 ${t.name}`.slice(0, 200),
      });
      const [[done]]: [TrancheRow[], number] = await this.ctx.manager().query(
        `UPDATE project_tranches SET status = 'released', released_entry_id = $2, released_at = $4, released_by = $3, version = version + 1
          WHERE id = $1 AND status IN ('pending') RETURNING *`, [t.id, entry.id, actor.userId, this.clock.now()]);
      await this.audit.record({ action: 'project.tranche_released', entityType: 'project_tranche', entityId: t.id, before: { status: t.status }, after: { status: 'released', entryId: entry.id, amountFen: t.amount_fen } });
      await this.notices.send(p, ['organisation', 'officer'], {
        kind: 'project.tranche_released', titleZh: `拨款已到账：${p.referenceNo} 第${t.seq}期`, titleEn: `Tranche ${t.seq} paid: ${p.referenceNo}`,
        bodyZh: `「${p.title}」第${t.seq}期（${t.name}）${yuan(t.amount_fen)} 元已拨付。`, bodyEn: `Tranche ${t.seq} (${t.name}) of ${yuan(t.amount_fen)} yuan for "${p.title}" is paid.`,
        data: { trancheId: t.id },
      });
      const grant = await this.ledger.balance(p.grantAccountId);
      return { tranche: this.view(done), entryId: entry.id, amountFen: t.amount_fen, grantAccountBalanceFen: grant.balanceFen.toString() };
    });
  }

  /** After a failed evaluation: every tranche not paid yet waits until an officer unfreezes it. */
  async freezeUnpaid(p: ProjectRow, reason: string): Promise<number[]> {
    const [rows]: [Array<{ seq: number }>, number] = await this.ctx.manager().query(
      `UPDATE project_tranches SET status = 'frozen', frozen_reason = $2, frozen_at = $3, version = version + 1 WHERE project_id = $1 AND status = 'pending' RETURNING seq`,
      [p.id, reason, this.clock.now()]);
    return rows.map((r) => r.seq).sort((a, b) => a - b);
  }

  async unfreeze(projectId: string, trancheId: string, reason: string, actor: Actor) {
    const p = await this.access.loadWritable(projectId, actor);
    const t = await this.lockTranche(projectId, trancheId);
    nextState('tranche', TRANCHE_TRANSITIONS, 'unfreeze', t.status);
    const [[done]]: [TrancheRow[], number] = await this.ctx.manager().query(
      `UPDATE project_tranches SET status = 'pending', frozen_reason = NULL, frozen_at = NULL, version = version + 1 WHERE id = $1 RETURNING *`, [t.id]);
    await this.audit.record({ action: 'project.tranche_unfrozen', entityType: 'project_tranche', entityId: t.id, before: { status: t.status, reason: t.frozen_reason }, after: { status: 'pending', reason } });
    await this.notices.send(p, ['organisation', 'finance'], {
      kind: 'project.tranche_unfrozen', titleZh: `拨款已解冻：${p.referenceNo} 第${t.seq}期`, titleEn: `Tranche ${t.seq} unfrozen: ${p.referenceNo}`,
      bodyZh: `解冻原因：${reason}`, bodyEn: `Reason: ${reason}`,
    });
    return this.view(done);
  }

  /** What the conditions are judged on, read in this transaction. */
  async facts(p: ProjectRow) {
    const m = this.ctx.manager();
    const evaluations: Array<{ stage: string; score: number; passed: boolean }> = await m.query(
      `SELECT stage, score::float8 AS score, passed FROM project_evaluations WHERE project_id = $1`, [p.id]);
    const kinds: Array<{ kind: string }> = await m.query(`SELECT DISTINCT kind FROM project_reports WHERE project_id = $1 AND status = 'approved'`, [p.id]);
    // Each report states the spending new since the previous one, so approved reports add up without overlap.
    const [money] = await m.query(
      `SELECT (SELECT COALESCE(sum(amount_fen), 0) FROM project_tranches WHERE project_id = $1 AND status = 'released')::text AS released,
              (SELECT COALESCE(sum(s.amount_fen), 0) FROM project_report_spending s JOIN project_reports r ON r.id = s.report_id
                WHERE r.project_id = $1 AND r.status = 'approved')::text AS spent`, [p.id]);
    return {
      projectStatus: p.status, agreementSignedOn: p.agreementSignedOn, evaluations, approvedReportKinds: kinds.map((k) => k.kind),
      releasedFen: BigInt(money.released), reportedSpentFen: BigInt(money.spent),
    };
  }

  private earlierUnpaid(all: TrancheRow[], seq: number): number[] {
    return all.filter((x) => x.seq < seq && x.status !== 'released').map((x) => x.seq);
  }

  private async lockTranche(projectId: string, trancheId: string): Promise<TrancheRow> {
    const [t]: TrancheRow[] = await this.ctx.manager().query(`SELECT * FROM project_tranches WHERE id = $1 AND project_id = $2 FOR UPDATE`, [trancheId, projectId]);
    if (!t) throw projectsError(ProjectsErrorCode.TRANCHE_NOT_FOUND, { trancheId });
    return t;
  }

  view(t: TrancheRow) {
    return {
      id: t.id, seq: t.seq, name: t.name, percent: Number(t.percent), amountFen: String(t.amount_fen), conditions: t.conditions, status: t.status,
      releasedEntryId: t.released_entry_id, releasedAt: t.released_at, frozenReason: t.frozen_reason, frozenAt: t.frozen_at, version: t.version,
    };
  }

  /**
   * The district's tranches across projects, for finance and programme officers: keyset pages, ready-to-pay first.
   * Conditions are judged (by `checkTranche`, the release's own engine) only for the page's tranches still to pay
   * (pending, frozen), with the facts of their projects read in one query; paid and cancelled rows carry no checks.
   * Ordering by readiness needs the district's ready set first (`readyTranches`, at most one tranche per active
   * project), which rides in the sort key: `0|1` ready, status rank, project start, reference, seq. Tranches have no
   * due date of their own, so after readiness the project that started first (and has waited longest) comes first.
   * The ready set is judged per request, so a tranche that became ready between two pages may move up a page.
   */
  async listAll(q: ListTranchesQuery, actor: Actor) {
    const ready = (await this.readyTranches()).map((t) => t.id);
    const params: unknown[] = [ready];
    // $1 (the ready set) is read by the page's sort key; the capped count shares the parameters but not the key, and
    // PostgreSQL refuses a parameter no part of a statement mentions, so the filters name it too.
    const where = ['$1::uuid[] IS NOT NULL', this.access.visibility(actor, params)];
    const add = (sql: string, v: unknown) => { params.push(v); where.push(sql.replaceAll('?', `$${params.length}`)); };
    if (q.status === 'open') where.push(`t.status IN ('pending','frozen')`);
    else if (q.status) add('t.status = ?', q.status);
    if (q.ready === true) where.push('t.id = ANY($1::uuid[])');
    if (q.ready === false) where.push('NOT (t.id = ANY($1::uuid[]))');
    if (q.callId) add('p.call_id = ?', q.callId);
    if (q.organisationId) add('p.organisation_id = ?', q.organisationId);
    if (q.projectId) add('t.project_id = ?', q.projectId);
    if (q.q) add('(p.title ILIKE ? OR p.reference_no ILIKE ?)', `%${q.q.replace(/[%_\\]/g, '\\$&')}%`);
    const key = `((CASE WHEN t.id = ANY($1::uuid[]) THEN '0' ELSE '1' END)
      || (CASE t.status WHEN 'pending' THEN '1' WHEN 'frozen' THEN '2' WHEN 'released' THEN '3' ELSE '4' END)
      || p.starts_on::text || p.reference_no || lpad(t.seq::text, 2, '0')) COLLATE "C"`;
    const page = await keysetPage<ListedTranche>(this.ctx.manager(), {
      select: `SELECT t.*, p.reference_no, p.title AS project_title, p.status AS project_status, p.call_title, p.organisation_id,
          o.name AS organisation_name, p.agreement_signed_on::text,
          ARRAY(SELECT e.seq FROM project_tranches e WHERE e.project_id = t.project_id AND e.seq < t.seq AND e.status <> 'released' ORDER BY e.seq) AS earlier_unpaid
        FROM project_tranches t JOIN projects p ON p.id = t.project_id JOIN organisations o ON o.id = p.organisation_id`,
      countFrom: 'FROM project_tranches t JOIN projects p ON p.id = t.project_id', where, params,
      order: { key, type: 'text', id: 't.id', direction: 'asc' }, limit: q.limit, cursor: q.cursor,
    });
    const open = (t: ListedTranche) => t.status === 'pending' || t.status === 'frozen';
    const facts = await this.factsFor([...new Set(page.items.filter(open).map((t) => t.project_id))]);
    return {
      ...page,
      items: page.items.map((t) => {
        const f = facts.get(t.project_id);
        const checks = open(t) && f ? checkTranche(t.conditions, {
          projectStatus: t.project_status, agreementSignedOn: t.agreement_signed_on, evaluations: f.evaluations, approvedReportKinds: f.kinds,
          releasedFen: BigInt(f.released), reportedSpentFen: BigInt(f.spent), trancheStatus: t.status, earlierUnpaid: t.earlier_unpaid,
        }) : [];
        return {
          ...this.view(t), checks, ready: t.status === 'pending' && checks.length > 0 && checks.every((c) => c.met),
          project: { id: t.project_id, referenceNo: t.reference_no, title: t.project_title, status: t.project_status, callTitle: t.call_title },
          organisation: { id: t.organisation_id, name: t.organisation_name },
        };
      }),
    };
  }

  /**
   * Workbench: tranches a finance officer can pay now, each a link to the tranche list filtered to its project.
   */
  async readyToRelease(): Promise<WaitingList> {
    const ready = (await this.readyTranches()).sort((a, b) => a.reference_no.localeCompare(b.reference_no) || a.seq - b.seq);
    return {
      total: ready.length,
      items: ready.slice(0, WAITING_LIMIT).map((t) => ({
        id: t.id, title: t.title, reference: t.reference_no, dueAt: null, path: `/finance/tranches?ready=true&projectId=${t.project_id}`,
        detail: { zh: `第${t.seq}期 ${t.name}（${yuan(t.amount_fen)} 元）`, en: `Tranche ${t.seq}: ${t.name} (${yuan(t.amount_fen)} yuan)` },
      })),
    };
  }

  /**
   * Tranches a finance officer can pay now — pending, on an active project, every condition met, judged by the same
   * `checkTranche` the release uses. Two queries for the whole district (the tranches, then the facts of their
   * projects), so it costs the same with 5 projects or 500.
   */
  private async readyTranches() {
    const pending: Array<TrancheRow & { reference_no: string; title: string; agreement_signed_on: string | null }> = await this.ctx.manager().query(
      // Only the first unpaid tranche of a project can be ready: a later one waits for it (earlier_tranches_paid).
      `SELECT t.*, p.reference_no, p.title, p.agreement_signed_on::text
         FROM project_tranches t JOIN projects p ON p.id = t.project_id
        WHERE t.status = 'pending' AND p.status = 'active'
          AND NOT EXISTS (SELECT 1 FROM project_tranches e WHERE e.project_id = t.project_id AND e.seq < t.seq AND e.status <> 'released')`);
    if (!pending.length) return [];
    const facts = await this.factsFor([...new Set(pending.map((t) => t.project_id))]);
    return pending.filter((t) => {
      const f = facts.get(t.project_id)!;
      return checkTranche(t.conditions, {
        projectStatus: 'active', agreementSignedOn: t.agreement_signed_on, evaluations: f.evaluations, approvedReportKinds: f.kinds,
        releasedFen: BigInt(f.released), reportedSpentFen: BigInt(f.spent), trancheStatus: t.status, earlierUnpaid: [],
      }).every((c) => c.met);
    });
  }

  /** `facts()` for many projects in one query (the same sums, read the same way). */
  private async factsFor(projectIds: string[]): Promise<Map<string, ProjectFacts>> {
    if (!projectIds.length) return new Map();
    const rows: ProjectFacts[] = await this.ctx.manager().query(
      `SELECT p.id,
              COALESCE((SELECT jsonb_agg(jsonb_build_object('stage', e.stage, 'score', e.score::float8, 'passed', e.passed)) FROM project_evaluations e WHERE e.project_id = p.id), '[]') AS evaluations,
              ARRAY(SELECT DISTINCT r.kind FROM project_reports r WHERE r.project_id = p.id AND r.status = 'approved') AS kinds,
              (SELECT COALESCE(sum(amount_fen), 0) FROM project_tranches x WHERE x.project_id = p.id AND x.status = 'released')::text AS released,
              (SELECT COALESCE(sum(s.amount_fen), 0) FROM project_report_spending s JOIN project_reports r ON r.id = s.report_id
                WHERE r.project_id = p.id AND r.status = 'approved')::text AS spent
         FROM projects p WHERE p.id = ANY($1::uuid[])`, [projectIds]);
    return new Map(rows.map((f) => [f.id, f]));
  }
}
