import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Actor, toFen } from '@sanshe/common';
import { AuditService } from '@sanshe/audit';
import { LedgerAccount, LedgerService } from '@sanshe/ledger';
import { OutboxService } from '@sanshe/queue';
import { TenantContext, IdempotencyService } from '@sanshe/tenancy';
import { AppropriationDto } from './funds.dto';

export const PROGRAMME_APPROPRIATED = 'funds.programme_appropriated';
const OWNER = 'district_programme';

/** Renders a ledger amount for JSON: fen as a decimal string. */
export const fenText = (v: bigint | null) => (v === null ? null : toFen(v));

/**
 * The district's programme fund (项目资金池) on the ledger: `programme_fund` (floor 0) holds the money awarded
 * grants are reserved from and paid out of; `fiscal_source` (no floor) is where fiscal appropriations (财政专项拨入)
 * come from, so it runs negative by everything the treasury has put in. Both are opened on first use.
 */
@Injectable()
export class ProgrammeFundService {
  constructor(
    private readonly ctx: TenantContext,
    private readonly ledger: LedgerService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly idempotency: IdempotencyService,
  ) {}

  fundAccount(): Promise<LedgerAccount> {
    return this.ledger.openAccount({ ownerType: OWNER, ownerId: this.ctx.tenantId(), kind: 'programme_fund', name: '项目资金池 programme fund', floorFen: 0n });
  }

  sourceAccount(): Promise<LedgerAccount> {
    return this.ledger.openAccount({ ownerType: OWNER, ownerId: this.ctx.tenantId(), kind: 'fiscal_source', name: '财政专项 fiscal appropriations', floorFen: null });
  }

  /** The organisation's account that receives grant tranches (one per organisation, shared by its projects). */
  grantAccount(organisationId: string): Promise<LedgerAccount> {
    return this.ledger.openAccount({ ownerType: 'organisation', ownerId: organisationId, kind: 'grant_receipts', name: '项目拨款 grant receipts', floorFen: 0n });
  }

  /** 财政专项拨入: the treasury puts money into the programme fund. Audited; idempotent by Idempotency-Key. */
  appropriate(dto: AppropriationDto, key: string | undefined, actor: Actor) {
    return this.idempotency.run('funds.appropriation', key, dto, async () => {
      const fund = await this.fundAccount();
      const source = await this.sourceAccount();
      const id = randomUUID();
      const entry = await this.ledger.transfer({
        transferId: `appropriation:${id}`, from: source.id, to: fund.id, amountFen: BigInt(dto.amountFen),
        reason: `财政专项拨入 ${dto.documentNo}`.slice(0, 200), cause: { type: 'appropriation', id }, memo: dto.memo,
      });
      await this.audit.record({ action: 'funds.appropriated', entityType: 'ledger_entry', entityId: entry.id, after: { ...dto, by: actor.userId } });
      await this.outbox.publish(PROGRAMME_APPROPRIATED, { entryId: entry.id, amountFen: dto.amountFen });
      return { appropriationId: id, entryId: entry.id, amountFen: dto.amountFen, documentNo: dto.documentNo, fund: await this.summary() };
    });
  }

  async summary() {
    const fund = await this.fundAccount();
    const source = await this.sourceAccount();
    return {
      accountId: fund.id,
      balanceFen: fenText(fund.balanceFen),
      reservedFen: fenText(fund.reservedFen),
      availableFen: fenText(fund.availableFen),
      appropriatedFen: fenText(-source.balanceFen),
    };
  }

  async statement(paging: { limit?: number; cursor?: string }) {
    const fund = await this.fundAccount();
    const page = await this.ledger.statement(fund.id, paging);
    return {
      ...page,
      items: page.items.map((l) => ({ ...l, amountFen: fenText(l.amountFen), balanceAfterFen: fenText(l.balanceAfterFen) })),
    };
  }
}
