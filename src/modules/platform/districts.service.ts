import { Injectable } from '@nestjs/common';
import { Actor, Role, checkDivisionCode, fieldRefusal } from '@sanshe/common';
import { AuditService } from '@sanshe/audit';
import { TenantContext } from '@sanshe/tenancy';
import { MembersService } from '../members/members.service';
import { CreateDistrictDto } from './dto/create-district.dto';
import { PlatformErrorCode, platformError } from './platform.errors';

/**
 * Opening a district (tenant). The operator works outside any district; opening one creates the tenant, enters it
 * inside the same transaction, creates its root place and invites its first admin — all or nothing.
 */
@Injectable()
export class DistrictsService {
  constructor(
    private readonly ctx: TenantContext,
    private readonly audit: AuditService,
    private readonly members: MembersService,
  ) {}

  async open(dto: CreateDistrictDto, operator: Actor) {
    const checked = checkDivisionCode(dto.code);
    if (!checked.ok) throw fieldRefusal('code', checked);
    const m = this.ctx.manager();
    const [tenant]: Array<{ id: string; code: string; name: string; created_at: Date }> = await m.query(
      `INSERT INTO tenants (code, name, province, city) VALUES ($1, $2, $3, $4)
       ON CONFLICT (code) DO NOTHING RETURNING id, code, name, created_at`,
      [checked.code, dto.name, dto.province ?? null, dto.city ?? null],
    );
    if (!tenant) throw platformError(PlatformErrorCode.DISTRICT_EXISTS, { code: checked.code });
    await this.ctx.enterTenant(tenant.id);
    await m.query(`INSERT INTO places (tenant_id, level, kind, name, division_code) VALUES ($1, 'district', 'district', $2, $3)`,
      [tenant.id, dto.name, checked.code]);
    await this.audit.record({ action: 'district.opened', entityType: 'district', entityId: tenant.id, after: { ...dto, firstAdmin: undefined } });
    const firstAdmin = await this.members.invite({ ...dto.firstAdmin, roles: [Role.DistrictAdmin] }, operator);
    return { district: { id: tenant.id, code: tenant.code, name: tenant.name, createdAt: tenant.created_at }, firstAdmin };
  }

  async list() {
    const rows: Array<{ id: string; code: string; name: string; province: string | null; city: string | null; status: string; created_at: Date }> =
      await this.ctx.manager().query(`SELECT id, code, name, province, city, status, created_at FROM tenants ORDER BY code`);
    return { items: rows.map((r) => ({ id: r.id, code: r.code, name: r.name, province: r.province, city: r.city, status: r.status, createdAt: r.created_at })), total: rows.length };
  }
}
