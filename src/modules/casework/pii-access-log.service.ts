import { Injectable } from '@nestjs/common';
import { Page } from '@sanshe/common';
import { FieldCipher } from '@sanshe/crypto';
import { keysetPage } from '@sanshe/database';
import { TenantContext } from '@sanshe/tenancy';
import { F } from './casework-fields';
import { CaseworkScope } from './casework-access.service';

export interface AccessLogEntry {
  action: 'reveal' | 'view';
  subjectType: 'beneficiary' | 'case' | 'service_record' | 'referral' | 'group' | 'supervision_session';
  subjectId: string;
  beneficiaryId?: string | null;
  field?: string;
  reason?: string;
}

/**
 * The log of every read of clear personal data (PIPL): a reveal with its reason, or a view of a record's narrative.
 * Written in the request's transaction, append-only, readable by the organisation admin. The reason is encrypted:
 * people type names and circumstances into it.
 */
@Injectable()
export class PiiAccessLogService {
  constructor(
    private readonly ctx: TenantContext,
    private readonly cipher: FieldCipher,
  ) {}

  async record(scope: CaseworkScope, e: AccessLogEntry): Promise<void> {
    await this.ctx.manager().query(
      `INSERT INTO pii_access_log (tenant_id, organisation_id, actor_user_id, actor_membership_id, action, subject_type, subject_id,
                                   beneficiary_id, field, reason_enc, request_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [this.ctx.tenantId(), scope.organisationId, scope.userId, scope.membershipId, e.action, e.subjectType, e.subjectId,
        e.beneficiaryId ?? null, e.field ?? null, await this.cipher.encryptOptional(F.accessReason, e.reason), this.ctx.requestId() ?? null]);
  }

  async list(scope: CaseworkScope, q: { beneficiaryId?: string; action?: string; limit?: number; cursor?: string }): Promise<Page<unknown>> {
    const params: unknown[] = [scope.organisationId];
    const where = ['l.organisation_id = $1'];
    if (q.beneficiaryId) { params.push(q.beneficiaryId); where.push(`l.beneficiary_id = $${params.length}`); }
    if (q.action) { params.push(q.action); where.push(`l.action = $${params.length}`); }
    const page = await keysetPage<Record<string, any> & { id: string }>(this.ctx.manager(), {
      select: `SELECT l.id, l.occurred_at, l.action, l.subject_type, l.subject_id, l.beneficiary_id, b.name_enc AS beneficiary_name_enc, l.field, l.reason_enc,
              l.actor_membership_id, u.name AS actor_name, l.request_id
         FROM pii_access_log l JOIN users u ON u.id = l.actor_user_id LEFT JOIN beneficiaries b ON b.id = l.beneficiary_id`,
      countFrom: 'FROM pii_access_log l', where, params,
      order: { key: 'l.occurred_at', type: 'timestamptz', id: 'l.id', direction: 'desc' }, limit: q.limit, cursor: q.cursor,
    });
    return {
      ...page,
      items: await Promise.all(page.items.map(async (r) => ({
        id: r.id, occurredAt: r.occurred_at, action: r.action, subjectType: r.subject_type, subjectId: r.subject_id,
        beneficiary: r.beneficiary_id
          ? { id: r.beneficiary_id, name: r.beneficiary_name_enc ? await this.cipher.decrypt(F.name, r.beneficiary_name_enc) : null }
          : null,
        field: r.field, reason: await this.cipher.decryptOptional(F.accessReason, r.reason_enc),
        actor: { membershipId: r.actor_membership_id, name: r.actor_name }, requestId: r.request_id,
      }))),
    };
  }
}
