import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Observable, from, lastValueFrom } from 'rxjs';
import { Actor, CommonErrorCode, Role, commonError, currentContext } from '@sanshe/common';
import { FirstStatement, TenantContext, TenantTransactionRunner, assertUuid } from '@sanshe/tenancy';
import { ACCESS, AccessRule, READ_ONLY } from './access.decorators';
import { AccessClaims } from './access-claims';
import { AuthErrorCode, authError } from './auth.errors';

interface AccessRow {
  user_status: string;
  is_platform_operator: boolean;
  revoked: boolean;
  membership_id: string | null;
  roles: Role[] | null;
  membership_status: string | null;
  organisation_id: string | null;
}

const ACCESS_COLUMNS = `u.status AS user_status, u.is_platform_operator, s.revoked_at IS NOT NULL AS revoked`;

/**
 * The per-request check, sent in the same round trip as BEGIN and the tenant settings, as a statement prepared once
 * per connection (parsing and planning the join on every request cost the database more than running it). The ids
 * are the verified token's, checked as uuids before they become literals of the EXECUTE.
 */
export const MEMBER_ACCESS_CHECK = {
  name: 'sanshe_access_member',
  text: `SELECT ${ACCESS_COLUMNS}, m.id AS membership_id, m.roles, m.status AS membership_status, m.organisation_id
     FROM users u JOIN auth_sessions s ON s.id = $2 AND s.user_id = u.id
     LEFT JOIN memberships m ON m.id = $3 AND m.tenant_id = $4 AND m.user_id = u.id
     WHERE u.id = $1`,
};
export const IDENTITY_ACCESS_CHECK = {
  name: 'sanshe_access_identity',
  text: `SELECT ${ACCESS_COLUMNS}, NULL::uuid AS membership_id, NULL::text[] AS roles, NULL::text AS membership_status,
            NULL::uuid AS organisation_id
     FROM users u JOIN auth_sessions s ON s.id = $2 AND s.user_id = u.id
     WHERE u.id = $1`,
};

function accessCheck(c: AccessClaims): FirstStatement {
  const ids = [c.sub, c.sid, ...(c.mid && c.tid ? [c.mid, c.tid] : [])].map((id) => `'${assertUuid(id)}'::uuid`);
  const prepare = ids.length === 4 ? MEMBER_ACCESS_CHECK : IDENTITY_ACCESS_CHECK;
  return { sql: `EXECUTE ${prepare.name}(${ids.join(', ')})`, prepare };
}

/**
 * Opens the request's transaction in the district the session chose, re-reads the person, session and membership
 * in that same round trip, enforces the route's access rule, and commits only if the handler succeeded. Suspending
 * a membership, changing roles or signing out takes effect on the very next request, not when a token expires.
 */
@Injectable()
export class AccessInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly runner: TenantTransactionRunner,
    private readonly tenant: TenantContext,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const rule: AccessRule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS, [context.getHandler(), context.getClass()]) ??
      { kind: 'district' };
    if (rule.kind === 'public') return next.handle();
    if (rule.kind === 'public-district') return this.publicDistrict(context, next);
    const claims = context.switchToHttp().getRequest<{ user: AccessClaims }>().user;
    const readOnly = this.reflector.getAllAndOverride<boolean | undefined>(READ_ONLY, [context.getHandler(), context.getClass()]) === true;
    const outer = currentContext();
    return from(
      this.runner.run(
        { tenantId: claims.tid, userId: claims.sub },
        async (rows) => {
          const actor = this.authorise(rule, claims, rows[0] as unknown as AccessRow | undefined);
          const ctx = currentContext();
          if (ctx) ctx.actor = actor;
          if (outer) outer.actor = actor; // for the request's access-log line
          return lastValueFrom(next.handle(), { defaultValue: undefined });
        },
        accessCheck(claims),
        { readOnly },
      ),
    );
  }

  /** Portal reads: the district comes from the path, looked up in the same round trip as BEGIN. */
  private publicDistrict(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const code = context.switchToHttp().getRequest<{ params: Record<string, string> }>().params.districtCode;
    if (!/^[0-9]{6}$/.test(code ?? '')) throw commonError(CommonErrorCode.NOT_FOUND, { districtCode: code });
    return from(
      this.runner.run(
        {},
        async (rows) => {
          if (!rows[0]) throw commonError(CommonErrorCode.NOT_FOUND, { districtCode: code });
          await this.tenant.enterTenant(rows[0].id as string);
          return lastValueFrom(next.handle(), { defaultValue: undefined });
        },
        { sql: `SELECT id FROM tenants WHERE code = '${code}' AND status = 'active'` },
      ),
    );
  }

  private authorise(rule: AccessRule, claims: AccessClaims, row: AccessRow | undefined): Actor {
    if (!row || row.revoked) throw commonError(CommonErrorCode.SESSION_REVOKED);
    if (row.user_status !== 'active') throw authError(AuthErrorCode.ACCOUNT_DISABLED);
    const actor: Actor = {
      userId: claims.sub,
      sessionId: claims.sid,
      isPlatformOperator: row.is_platform_operator,
      membershipId: row.membership_status === 'active' ? (row.membership_id ?? undefined) : undefined,
      roles: row.membership_status === 'active' ? (row.roles ?? []) : [],
      organisationId: row.organisation_id,
    };
    if (rule.kind === 'identity' || rule.kind === 'public' || rule.kind === 'public-district') return actor;
    if (rule.kind === 'operator') {
      if (!row.is_platform_operator) throw authError(AuthErrorCode.PLATFORM_OPERATOR_ONLY);
      return actor;
    }
    if (!claims.tid || !row.membership_id) throw commonError(CommonErrorCode.DISTRICT_REQUIRED);
    if (row.membership_status !== 'active') throw commonError(CommonErrorCode.MEMBERSHIP_INACTIVE);
    if (rule.roles?.length && !rule.roles.some((r) => actor.roles.includes(r))) {
      throw commonError(CommonErrorCode.FORBIDDEN_ROLE, { requiredAnyOf: rule.roles });
    }
    return actor;
  }
}
