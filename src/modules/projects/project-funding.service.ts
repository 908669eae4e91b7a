import { Injectable, Logger } from '@nestjs/common';
import { AuditService } from '@sanshe/audit';
import { LedgerService } from '@sanshe/ledger';
import { DomainEvent, OnDomainEvent } from '@sanshe/queue';
import { TenantContext } from '@sanshe/tenancy';
import { PROGRAMME_APPROPRIATED, ProgrammeFundService } from '../funds/programme-fund.service';
import { ProjectAccess, ProjectRow } from './project-access.service';
import { ProjectNotices } from './project-notices';

/**
 * The award's money is committed on the programme fund as one ledger reservation per tranche (`tranche:<id>`), so
 * paying a tranche posts exactly its reservation and nothing else is touched. When the fund lacks the whole
 * amount, the project is created anyway as `unfunded` (the officer and finance are told) and funded — oldest
 * first — when an appropriation arrives; nothing can be paid meanwhile.
 */
@Injectable()
export class ProjectFundingService {
  private readonly logger = new Logger(ProjectFundingService.name);

  constructor(
    private readonly ctx: TenantContext,
    private readonly ledger: LedgerService,
    private readonly fund: ProgrammeFundService,
    private readonly access: ProjectAccess,
    private readonly notices: ProjectNotices,
    private readonly audit: AuditService,
  ) {}

  /** Reserves every tranche of an unfunded project if the fund has it all; returns whether it is funded now. */
  async tryFund(project: ProjectRow): Promise<boolean> {
    if (project.status !== 'unfunded') return project.status === 'active';
    const fund = await this.fund.fundAccount();
    // Locks the fund account for the rest of the transaction, so the check and the reservations see one balance.
    const [locked]: Array<{ available: string }> = await this.ctx.manager().query(
      `SELECT (balance_fen - reserved_fen)::text AS available FROM ledger_accounts WHERE id = $1 FOR NO KEY UPDATE`, [fund.id]);
    if (BigInt(locked.available) < project.amountFen) return false;
    const tranches: Array<{ id: string; seq: number; amount_fen: string }> = await this.ctx.manager().query(
      `SELECT id, seq, amount_fen FROM project_tranches WHERE project_id = $1 AND status IN ('pending','frozen') ORDER BY seq`, [project.id]);
    for (const t of tranches) {
      const key = `tranche:${t.id}`;
      await this.ledger.reserve({ reservationId: key, account: fund.id, amountFen: BigInt(t.amount_fen), cause: { type: 'project_tranche', id: t.id }, memo: `${project.referenceNo} 第${t.seq}期` });
      await this.ctx.manager().query(`UPDATE project_tranches SET reservation_key = $2 WHERE id = $1`, [t.id, key]);
    }
    await this.ctx.manager().query(`UPDATE projects SET status = 'active', version = version + 1, updated_at = now() WHERE id = $1`, [project.id]);
    await this.audit.record({ action: 'project.funded', entityType: 'project', entityId: project.id, after: { reservedFen: project.amountFen } });
    return true;
  }

  /** Money arrived: fund the waiting projects in the order they were awarded, while it lasts. */
  @OnDomainEvent(PROGRAMME_APPROPRIATED, 'projects.fund-waiting-projects')
  async onAppropriation(_event: DomainEvent): Promise<void> {
    const waiting: Array<{ id: string }> = await this.ctx.manager().query(`SELECT id FROM projects WHERE status = 'unfunded' ORDER BY created_at, id`);
    for (const { id } of waiting) {
      const p = await this.access.loadAsSystem(id, { lock: true });
      if (!p || p.status !== 'unfunded') continue;
      if (!(await this.tryFund(p))) break;
      this.logger.log(`Project ${p.referenceNo} funded after an appropriation`);
      await this.notices.send(p, ['officer', 'finance'], {
        kind: 'project.funded', titleZh: `项目资金已落实：${p.referenceNo}`, titleEn: `Project funded: ${p.referenceNo}`,
        bodyZh: `「${p.title}」的资助资金已从项目资金池预留，可以按条件拨付。`, bodyEn: `The grant for "${p.title}" is now reserved on the programme fund.`,
      });
    }
  }
}
