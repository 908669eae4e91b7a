import { Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { PasswordService } from '@sanshe/auth';
import { AuditService } from '@sanshe/audit';
import { TenantContext, TenantTransactionRunner } from '@sanshe/tenancy';
import { DemoGrantRounds } from './demo-grant-rounds';
import { DEMO_ACCOUNTS, DEMO_OPERATOR, DEMO_PASSWORD } from './demo-accounts';
import { DEMO_DISTRICTS, DemoDistrict } from './demo-districts.data';
import { DEMO_ORGANISATIONS } from './demo-organisations.data';

/**
 * Loads the demo districts, their places, one account per role, demo organisations and, in 武侯区, three venture calls
 * that give every demo role grant-making work (demo-calls.ts, demo-grant-rounds.ts). Idempotent: a district that
 * already exists is left as it is, and so is a demo call already there, so running the start command again keeps
 * whatever was changed since; what a newer demo adds (an account, a call) is added to an older demo database.
 */
@Injectable()
export class DemoSeeder {
  private readonly logger = new Logger(DemoSeeder.name);
  private readonly rounds: DemoGrantRounds;

  constructor(
    private readonly runner: TenantTransactionRunner,
    private readonly ctx: TenantContext,
    private readonly passwords: PasswordService,
    private readonly audit: AuditService,
    moduleRef: ModuleRef,
  ) {
    this.rounds = new DemoGrantRounds(moduleRef, ctx);
  }

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
    await this.runner.run({}, () => this.seedNewAccounts(hash));
    for (const district of DEMO_DISTRICTS) {
      await this.runner.run({}, () => this.seedOrganisations(district.code));
    }
    // The finished round first: it is the one that takes the clock furthest back.
    for (const kind of ['finished', 'screening', 'open'] as const) {
      await this.runner.run({}, () => this.seedRound('510107', kind));
    }
  }

  /** One demo venture call and everything done on it so far, in its own transaction (all or nothing). */
  private async seedRound(districtCode: string, kind: 'finished' | 'screening' | 'open'): Promise<void> {
    const [tenant]: Array<{ id: string }> = await this.ctx.manager().query(`SELECT id FROM tenants WHERE code = $1`, [districtCode]);
    if (!tenant) return;
    await this.ctx.enterTenant(tenant.id);
    if (await this.rounds[kind]()) this.logger.log(`Seeded the demo's ${kind} venture call in ${districtCode}`);
  }

  /**
   * Demo accounts added after a district was first seeded (their phone unknown so far) are created with their
   * memberships; a person who already exists is left as they are.
   */
  private async seedNewAccounts(hash: string): Promise<void> {
    const m = this.ctx.manager();
    for (const account of DEMO_ACCOUNTS) {
      const [user]: Array<{ id: string }> = await m.query(
        `INSERT INTO users (name, phone, password_hash) VALUES ($1, $2, $3) ON CONFLICT (phone) WHERE phone IS NOT NULL DO NOTHING RETURNING id`,
        [account.name, account.phone, hash],
      );
      if (!user) continue;
      for (const ms of account.memberships) {
        const [tenant]: Array<{ id: string }> = await m.query(`SELECT id FROM tenants WHERE code = $1`, [ms.district]);
        if (!tenant) continue;
        await this.ctx.enterTenant(tenant.id);
        const [place]: Array<{ id: string }> = ms.community
          ? await m.query(`SELECT id FROM places WHERE name = $1 AND level = 'community' AND status = 'active' LIMIT 1`, [ms.community])
          : [];
        await m.query(
          `INSERT INTO memberships (tenant_id, user_id, roles, status, place_id, title) VALUES ($1, $2, $3, 'active', $4, $5)`,
          [tenant.id, user.id, ms.roles, place?.id ?? null, ms.title ?? null],
        );
        this.logger.log(`Added the demo account ${account.name} to ${ms.district}`);
      }
    }
  }

  /**
   * Demo organisations (synthetic, see demo-organisations.data.ts), verified with grades and qualifications, and the
   * demo organisation accounts linked to them. Runs on every seed so a district seeded before the registry existed
   * gets them too; an organisation whose code is already registered there is left as it is.
   */
  private async seedOrganisations(districtCode: string): Promise<void> {
    const m = this.ctx.manager();
    const [tenant]: Array<{ id: string }> = await m.query(`SELECT id FROM tenants WHERE code = $1`, [districtCode]);
    if (!tenant) return;
    await this.ctx.enterTenant(tenant.id);
    let added = 0;
    for (const o of DEMO_ORGANISATIONS.filter((x) => x.district === districtCode)) {
      const [place]: Array<{ id: string }> = o.community
        ? await m.query(`SELECT id FROM places WHERE name = $1 AND level = 'community' AND status = 'active' LIMIT 1`, [o.community])
        : [];
      const [row]: Array<{ id: string }> = await m.query(
        `INSERT INTO organisations (tenant_id, name, credit_code, org_type, registration_authority, registered_on, legal_representative,
           address, place_id, service_areas, introduction, contact_name, contact_phone, contact_email, bank_account_name, bank_name,
           bank_account_no, staff_count, certified_social_workers, status, grade, grade_valid_from, grade_valid_until, source,
           submitted_at, verified_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, 'district',
           now(), CASE WHEN $20 = 'verified' THEN now() END)
         ON CONFLICT (tenant_id, credit_code) WHERE status <> 'closed' DO NOTHING RETURNING id`,
        [tenant.id, o.name, o.creditCode, o.orgType, o.registrationAuthority, o.registeredOn, o.legalRepresentative, o.address,
          place?.id ?? null, o.serviceAreas, o.introduction, o.contact.name, o.contact.phone, o.contact.email ?? null, o.bank.accountName,
          o.bank.bankName, o.bank.accountNo, o.staffCount, o.certifiedSocialWorkers, o.status, o.grade?.grade ?? null,
          o.grade?.validFrom ?? null, o.grade?.validUntil ?? null],
      );
      let orgId = row?.id;
      if (row) {
        added += 1;
        const history = [
          ['created_by_district', null, 'draft'], ['submit', 'draft', 'submitted'],
          ...(o.status === 'verified' ? [['verify', 'submitted', 'verified']] : []),
        ];
        for (const [action, from, to] of history) {
          await m.query(`INSERT INTO organisation_status_history (tenant_id, organisation_id, action, from_status, to_status, reason)
                         VALUES ($1, $2, $3, $4, $5, '演示数据')`, [tenant.id, orgId, action, from, to]);
        }
        if (o.grade) {
          await m.query(`INSERT INTO organisation_status_history (tenant_id, organisation_id, action, detail) VALUES ($1, $2, 'grade_recorded', $3)`,
            [tenant.id, orgId, JSON.stringify(o.grade)]);
        }
        if (o.qualification) {
          await m.query(
            `INSERT INTO organisation_qualifications (tenant_id, organisation_id, service_areas, statement, status, valid_from, valid_until, decided_at)
             VALUES ($1, $2, $3, '演示数据', 'approved', $4, $5, now())`,
            [tenant.id, orgId, o.qualification.serviceAreas, o.qualification.validFrom, o.qualification.validUntil]);
        }
      } else {
        [{ id: orgId }] = await m.query(`SELECT id FROM organisations WHERE credit_code = $1 AND status <> 'closed'`, [o.creditCode]);
      }
      for (const phone of o.accounts) {
        await m.query(
          `UPDATE memberships SET organisation_id = $1 WHERE organisation_id IS NULL
              AND user_id = (SELECT id FROM users WHERE phone = $2)
              AND roles && ARRAY['org_admin','org_staff','social_worker','supervisor']::text[]`,
          [orgId, phone]);
      }
    }
    if (added) {
      await this.audit.record({ action: 'district.organisations_seeded', entityType: 'district', entityId: tenant.id, after: { organisations: added } });
      this.logger.log(`Seeded ${added} demo organisations in ${districtCode}`);
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
        // Organisation roles are linked to their demo organisation by seedOrganisations (organisation_id NULL until then).
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
