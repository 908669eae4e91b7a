import { Injectable } from '@nestjs/common';
import { Actor, formatYuan } from '@sanshe/common';
import { Clock } from '@sanshe/common/clock';
import { AuditService } from '@sanshe/audit';
import { assertVersion } from '@sanshe/database';
import { LedgerService } from '@sanshe/ledger';
import { TenantContext, IdempotencyService } from '@sanshe/tenancy';
import { ProgrammeFundService } from '../funds/programme-fund.service';
import { CloseProjectDto, SignAgreementDto } from './dto/project.dto';
import { ProjectAccess } from './project-access.service';
import { ProjectNotices } from './project-notices';
import { PROJECT_TRANSITIONS, nextState } from './project.transitions';
import { ProjectsErrorCode, projectsError } from './projects.errors';
import { WAITING_ORDER, WaitingList, toWaitingList } from '../workbench/waiting-item';

const yuan = (fen: bigint) => formatYuan(fen);

/**
 * The agreement (协议签订) and closure (结项). Closing needs the final evaluation and an approved final report and no
 * change awaiting a decision; it gives back every unpaid tranche's reservation to the programme fund, records the
 * organisation's refund of unspent money (a transfer from its grant account back to the fund), and makes the
 * project read-only. A project closes only after its end date (on the Clock's Beijing day), or earlier as an early
 * termination (提前终止) with a stated reason, which is recorded on the project and in the audit trail; a terminated
 * project has no completed period to evaluate or report on, so only a pending change still blocks it.
 */
@Injectable()
export class ProjectLifecycleService {
  constructor(
    private readonly clock: Clock,
    private readonly ctx: TenantContext,
    private readonly access: ProjectAccess,
    private readonly ledger: LedgerService,
    private readonly fund: ProgrammeFundService,
    private readonly idempotency: IdempotencyService,
    private readonly notices: ProjectNotices,
    private readonly audit: AuditService,
  ) {}

  async signAgreement(projectId: string, dto: SignAgreementDto, actor: Actor) {
    const p = await this.access.loadWritable(projectId, actor);
    assertVersion(p, dto.version);
    if (p.agreementSignedOn) throw projectsError(ProjectsErrorCode.AGREEMENT_ALREADY_SIGNED, { signedOn: p.agreementSignedOn });
    const [[row]] = await this.ctx.manager().query(
      `UPDATE projects SET agreement_signed_on = $2, agreement_signed_by = $3, version = version + 1, updated_at = now() WHERE id = $1
       RETURNING agreement_signed_on::text AS "agreementSignedOn", version`, [p.id, dto.signedOn, actor.userId]);
    await this.audit.record({ action: 'project.agreement_signed', entityType: 'project', entityId: p.id, after: { signedOn: dto.signedOn } });
    await this.notices.send(p, ['organisation', 'finance'], {
      kind: 'project.agreement_signed', titleZh: `资助协议已签订：${p.referenceNo}`, titleEn: `Agreement signed: ${p.referenceNo}`,
      bodyZh: `「${p.title}」的资助协议已于 ${dto.signedOn} 签订。`, bodyEn: `The grant agreement for "${p.title}" was signed on ${dto.signedOn}.`,
    });
    return { id: p.id, ...row };
  }

  /** What still stands in the way of closing (empty when it may close); an early termination skips the final evaluation and report. */
  async closureBlockers(projectId: string, earlyTermination = false) {
    const [r] = await this.ctx.manager().query(
      `SELECT EXISTS (SELECT 1 FROM project_evaluations WHERE project_id = $1 AND stage = 'final') AS evaluated,
              EXISTS (SELECT 1 FROM project_reports WHERE project_id = $1 AND kind = 'final' AND status = 'approved') AS reported,
              EXISTS (SELECT 1 FROM project_changes WHERE project_id = $1 AND status = 'pending') AS changes`, [projectId]);
    const out: Array<{ code: string; zh: string; en: string }> = [];
    if (!r.evaluated && !earlyTermination) out.push({ code: 'final_evaluation', zh: '尚未完成结项评估', en: 'The final evaluation is not recorded' });
    if (!r.reported && !earlyTermination) out.push({ code: 'final_report', zh: '结项报告尚未审核通过', en: 'The final report is not approved' });
    if (r.changes) out.push({ code: 'pending_change', zh: '有变更申请待审批', en: 'A change request awaits a decision' });
    return out;
  }

  close(projectId: string, dto: CloseProjectDto, key: string | undefined, actor: Actor) {
    return this.idempotency.run('project.close', key, { projectId, ...dto }, async () => {
      const p = await this.access.loadWritable(projectId, actor);
      assertVersion(p, dto.version);
      nextState('project', PROJECT_TRANSITIONS, 'close', p.status);
      const today = this.clock.today();
      const early = today <= p.endsOn;
      if (early && !dto.earlyTerminationReason) throw projectsError(ProjectsErrorCode.CLOSURE_BEFORE_END, { endsOn: p.endsOn, today });
      // A reason is only a termination's: a project closed after its end was not terminated, whatever the request says.
      const terminationReason = early ? dto.earlyTerminationReason! : null;
      const blockers = await this.closureBlockers(p.id, early);
      if (blockers.length) {
        throw projectsError(ProjectsErrorCode.CLOSURE_NOT_READY, { unmet: blockers }, {
          zh: `尚不能结项：${blockers.map((b) => b.zh).join('；')}`, en: `Cannot close yet: ${blockers.map((b) => b.en).join('; ')}`,
        });
      }
      const m = this.ctx.manager();
      const [money] = await m.query(
        `SELECT (SELECT COALESCE(sum(amount_fen), 0) FROM project_tranches WHERE project_id = $1 AND status = 'released')::text AS released,
                (SELECT COALESCE(sum(s.amount_fen), 0) FROM project_report_spending s JOIN project_reports r ON r.id = s.report_id
                  WHERE r.project_id = $1 AND r.status = 'approved')::text AS spent`, [p.id]);
      const released = BigInt(money.released);
      const unspent = released - BigInt(money.spent) - p.refundedFen;
      const refund = dto.refundFen !== undefined ? BigInt(dto.refundFen) : unspent > 0n ? unspent : 0n;
      if (refund < 0n || refund > released - p.refundedFen) {
        throw projectsError(ProjectsErrorCode.REFUND_TOO_LARGE, { refundFen: String(dto.refundFen), refundableFen: (released - p.refundedFen).toString() });
      }

      // Unpaid tranches give their reservations back to the fund.
      const open: Array<{ id: string; seq: number; reservation_key: string | null; amount_fen: string }> = await m.query(
        `SELECT id, seq, reservation_key, amount_fen FROM project_tranches WHERE project_id = $1 AND status IN ('pending','frozen') ORDER BY seq FOR UPDATE`, [p.id]);
      for (const t of open) {
        if (t.reservation_key) await this.ledger.releaseReservation(t.reservation_key);
        await m.query(`UPDATE project_tranches SET status = 'cancelled', version = version + 1 WHERE id = $1`, [t.id]);
      }
      let refundEntryId: string | null = null;
      if (refund > 0n) {
        const fund = await this.fund.fundAccount();
        const entry = await this.ledger.transfer({
          transferId: `project-refund:${p.id}`, from: p.grantAccountId, to: fund.id, amountFen: refund,
          reason: `${p.referenceNo} 结项退回结余资金`, cause: { type: 'project_refund', id: p.id }, memo: dto.note,
        });
        refundEntryId = entry.id;
      }
      await m.query(
        `UPDATE projects SET status = 'closed', closed_at = $5, closed_by = $2, refunded_fen = refunded_fen + $3, refund_entry_id = $4,
                termination_reason = $6, version = version + 1, updated_at = now() WHERE id = $1`,
        [p.id, actor.userId, refund.toString(), refundEntryId, this.clock.now(), terminationReason]);
      const releasedReservationsFen = open.reduce((a, t) => a + (t.reservation_key ? BigInt(t.amount_fen) : 0n), 0n);
      const result = {
        id: p.id, status: 'closed', releasedFen: released.toString(), reportedSpentFen: String(money.spent), refundFen: refund.toString(), refundEntryId,
        cancelledTranches: open.map((t) => t.seq), returnedReservationsFen: releasedReservationsFen.toString(), fund: await this.fund.summary(),
        terminationReason, version: p.version + 1,
      };
      await this.audit.record({ action: 'project.closed', entityType: 'project', entityId: p.id, before: { status: p.status }, after: result });
      await this.notices.send(p, ['organisation', 'officer', 'finance'], {
        kind: 'project.closed',
        titleZh: `${terminationReason ? '项目已提前终止' : '项目已结项'}：${p.referenceNo}`, titleEn: `${terminationReason ? 'Project terminated early' : 'Project closed'}: ${p.referenceNo}`,
        bodyZh: `「${p.title}」已${terminationReason ? `提前终止（原因：${terminationReason}）` : '结项'}。已拨付 ${yuan(released)} 元，退回结余 ${yuan(refund)} 元。`,
        bodyEn: `"${p.title}" is ${terminationReason ? `terminated early (reason: ${terminationReason})` : 'closed'}. Paid ${yuan(released)} yuan; ${yuan(refund)} yuan returned.`,
      });
      return result;
    });
  }

  /**
   * Workbench: projects nothing stands in the way of closing — the same three conditions as `closureBlockers`, for
   * the whole district in one query.
   */
  async readyToClose(): Promise<WaitingList> {
    const rows = await this.ctx.manager().query(
      `SELECT p.id, p.title, p.reference_no, ((p.ends_on + 1)::timestamp AT TIME ZONE 'Asia/Shanghai') AS due_at, p.reference_no AS sort_key,
              count(*) OVER () AS total
         FROM projects p
        WHERE p.status <> 'closed'
          AND EXISTS (SELECT 1 FROM project_evaluations e WHERE e.project_id = p.id AND e.stage = 'final')
          AND EXISTS (SELECT 1 FROM project_reports r WHERE r.project_id = p.id AND r.kind = 'final' AND r.status = 'approved')
          AND NOT EXISTS (SELECT 1 FROM project_changes c WHERE c.project_id = p.id AND c.status = 'pending') ${WAITING_ORDER}`);
    return toWaitingList(rows, (r: Record<string, any>) => ({ id: r.id, title: r.title, reference: r.reference_no, dueAt: r.due_at, path: `/projects/${r.id}` }));
  }
}
