import { Injectable, Logger } from '@nestjs/common';
import { PasswordService } from '@sanshe/auth';
import { AuditService } from '@sanshe/audit';
import { TenantContext, TenantTransactionRunner } from '@sanshe/tenancy';
import { DEMO_ACCOUNTS, DEMO_OPERATOR, DEMO_PASSWORD } from './demo-accounts';
import { DEMO_DISTRICTS, DemoDistrict } from './demo-districts.data';

/**
 * Loads the demo districts, their places and one account per role. Idempotent: a district that already exists is
 * left as it is, so running the start command again keeps whatever was changed since.
 */
@Injectable()
export class DemoSeeder {
  private readonly logger = new Logger(DemoSeeder.name);

  constructor(
    private readonly runner: TenantTransactionRunner,
    private readonly ctx: TenantContext,
    private readonly passwords: PasswordService,
    private readonly audit: AuditService,
  ) {}

  async seed(): Promise<void> {
    const hash = await this.passwords.hash(DEMO_PASSWORD);
    await this.runner.run({}, async () => {
      await this.ctx.manager().query(
        `INSERT INTO users (name, phone, password_hash, is_platform_operator) VALUES ($1, $2, $3, true) ON CONFLICT (phone) WHERE phone IS NOT NULL DO NOTHING`,
        [DEMO_OPERATOR.name, DEMO_OPERATOR.phone, hash],
      );
    });
    for (const district of DEMO_DISTRICTS) {
      await this.runner.run({}, () => this.seedDistrict(district, hash));
    }
  }

  private async seedDistrict(d: DemoDistrict, hash: string): Promise<void> {
    const m = this.ctx.manager();
    const [tenant]: Array<{ id: string }> = await m.query(
      `INSERT INTO tenants (code, name, province, city) VALUES ($1, $2, $3, $4) ON CONFLICT (code) DO NOTHING RETURNING id`,
      [d.code, d.name, d.province, d.city],
    );
    if (!tenant) {
      this.logger.log(`${d.name} (${d.code}) already present; left unchanged`);
      return;
    }
    await this.ctx.enterTenant(tenant.id);
    const communities = new Map<string, string>();
    const [root]: Array<{ id: string }> = await m.query(
      `INSERT INTO places (tenant_id, level, kind, name, division_code) VALUES ($1, 'district', 'district', $2, $3) RETURNING id`,
      [tenant.id, d.name, d.code],
    );
    for (const street of d.streets) {
      const [s]: Array<{ id: string }> = await m.query(
        `INSERT INTO places (tenant_id, parent_id, level, kind, name) VALUES ($1, $2, 'street', $3, $4) RETURNING id`,
        [tenant.id, root.id, street.kind, street.name],
      );
      for (const c of street.communities) {
        const [row]: Array<{ id: string }> = await m.query(
          `INSERT INTO places (tenant_id, parent_id, level, kind, name) VALUES ($1, $2, 'community', $3, $4) RETURNING id`,
          [tenant.id, s.id, c.kind, c.name],
        );
        communities.set(c.name, row.id);
      }
    }
    for (const account of DEMO_ACCOUNTS) {
      for (const ms of account.memberships.filter((x) => x.district === d.code)) {
        const [user]: Array<{ id: string }> = await m.query(
          `INSERT INTO users (name, phone, password_hash) VALUES ($1, $2, $3)
           ON CONFLICT (phone) WHERE phone IS NOT NULL DO UPDATE SET name = users.name RETURNING id`,
          [account.name, account.phone, hash],
        );
        // Organisation roles will point at demo organisations once the registry exists (organisation_id NULL until then).
        await m.query(
          `INSERT INTO memberships (tenant_id, user_id, roles, status, place_id, title) VALUES ($1, $2, $3, 'active', $4, $5)`,
          [tenant.id, user.id, ms.roles, ms.community ? (communities.get(ms.community) ?? null) : null, ms.title ?? null],
        );
      }
    }
    await this.audit.record({ action: 'district.seeded', entityType: 'district', entityId: tenant.id, after: { code: d.code, name: d.name } });
    this.logger.log(`Seeded ${d.name} (${d.code}): ${d.streets.length} streets, ${communities.size} communities`);
  }
}
