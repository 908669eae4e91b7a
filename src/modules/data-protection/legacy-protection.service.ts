import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { TenantTransactionRunner } from '@sanshe/tenancy';
import { DataSource } from 'typeorm';
import { CaseworkLegacyProtection } from '../casework/casework-legacy-protection.service';
import { OrganisationBankProtection } from '../organisations/organisation-bank-protection.service';

/** `protect-personal-data`: encrypts values left in clear by older versions, district by district (idempotent). */
@Injectable()
export class LegacyProtectionService {
  private readonly logger = new Logger('LegacyProtection');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly runner: TenantTransactionRunner,
    private readonly casework: CaseworkLegacyProtection,
    private readonly organisations: OrganisationBankProtection,
  ) {}

  async protectAll(): Promise<number> {
    const tenants: Array<{ id: string; code: string }> = await this.dataSource.query(`SELECT id, code FROM tenants ORDER BY code`);
    let total = 0;
    for (const t of tenants) {
      const n = await this.runner.run({ tenantId: t.id }, async () => (await this.organisations.protect()) + (await this.casework.protect()));
      if (n) this.logger.log(`Encrypted ${n} row(s) stored in clear in district ${t.code}`);
      total += n;
    }
    return total;
  }
}
