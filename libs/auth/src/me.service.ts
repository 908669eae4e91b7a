import { Injectable } from '@nestjs/common';
import { Actor, ROLE_LABELS, Role, currentContext } from '@sanshe/common';
import { TenantContext } from '@sanshe/tenancy';
import { AuthService } from './auth.service';

@Injectable()
export class MeService {
  constructor(
    private readonly ctx: TenantContext,
    private readonly auth: AuthService,
  ) {}

  async describe(actor: Actor) {
    const m = this.ctx.manager();
    const [user]: Array<{ id: string; name: string; phone: string | null; email: string | null }> = await m.query(
      `SELECT id, name, phone, email FROM users WHERE id = $1`,
      [actor.userId],
    );
    const tenantId = currentContext()?.tenantId;
    const [district]: Array<{ id: string; code: string; name: string }> = tenantId
      ? await m.query(`SELECT id, code, name FROM tenants WHERE id = $1`, [tenantId])
      : [];
    return {
      user,
      isPlatformOperator: actor.isPlatformOperator,
      district: actor.membershipId && district ? { tenantId: district.id, code: district.code, name: district.name } : null,
      membershipId: actor.membershipId ?? null,
      roles: actor.roles.map((r: Role) => ({ role: r, label: ROLE_LABELS[r] })),
      organisationId: actor.organisationId ?? null,
      districts: await this.auth.districtsOf(actor.userId),
    };
  }
}
