import { Injectable } from '@nestjs/common';
import { Actor } from '@sanshe/common';
import { Clock } from '@sanshe/common/clock';
import { AuditService } from '@sanshe/audit';
import { TenantContext } from '@sanshe/tenancy';
import { CallsService } from '../calls.service';
import { CallsErrorCode, callsError } from '../calls.errors';
import { ObjectionDto } from './outcome.dto';

/**
 * Objections (异议) to a public notice: anyone may file one on the portal during the notice period, with contact details
 * (which only officials see); officials answer each; the award waits until all are answered.
 */
@Injectable()
export class ObjectionsService {
  constructor(
    private readonly ctx: TenantContext,
    private readonly audit: AuditService,
    private readonly calls: CallsService,
    private readonly clock: Clock,
  ) {}

  async file(callId: string, dto: ObjectionDto) {
    const [row] = await this.ctx.manager().query(`SELECT status, notice_ends_at FROM calls WHERE id = $1 AND status NOT IN ('draft','cancelled')`, [callId]);
    if (!row) throw callsError(CallsErrorCode.CALL_NOT_FOUND, { id: callId });
    if (row.status !== 'notice' || this.clock.now() >= row.notice_ends_at) throw callsError(CallsErrorCode.NOTICE_NOT_OPEN);
    if (dto.applicationId) {
      const [app] = await this.ctx.manager().query(`SELECT 1 FROM applications WHERE id = $1 AND call_id = $2 AND reference_no IS NOT NULL`, [dto.applicationId, callId]);
      if (!app) throw callsError(CallsErrorCode.CALL_NOT_FOUND, { applicationId: dto.applicationId });
    }
    const [created] = await this.ctx.manager().query(
      `INSERT INTO call_objections (tenant_id, call_id, application_id, name, contact, content) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id, created_at`,
      [this.ctx.tenantId(), callId, dto.applicationId ?? null, dto.name, dto.contact, dto.content]);
    await this.audit.record({ action: 'call.objection_filed', entityType: 'call_objection', entityId: created.id, after: { callId, name: dto.name, contact: dto.contact } });
    return { id: created.id, status: 'open', receivedAt: created.created_at };
  }

  async list(callId: string) {
    await this.calls.require(callId);
    const rows = await this.ctx.manager().query(
      `SELECT id, application_id, name, contact, content, status, answer, answered_at, created_at FROM call_objections WHERE call_id = $1 ORDER BY created_at`, [callId]);
    return {
      items: rows.map((r: Record<string, any>) => ({
        id: r.id, applicationId: r.application_id, name: r.name, contact: r.contact, content: r.content, status: r.status,
        answer: r.answer, answeredAt: r.answered_at, receivedAt: r.created_at,
      })),
    };
  }

  async answer(callId: string, objectionId: string, answer: string, actor: Actor) {
    const [o] = await this.ctx.manager().query(`SELECT status FROM call_objections WHERE id = $1 AND call_id = $2 FOR UPDATE`, [objectionId, callId]);
    if (!o) throw callsError(CallsErrorCode.OBJECTION_NOT_FOUND, { id: objectionId });
    if (o.status === 'answered') throw callsError(CallsErrorCode.OBJECTION_ALREADY_ANSWERED);
    await this.ctx.manager().query(
      `UPDATE call_objections SET status = 'answered', answer = $2, answered_by = $3, answered_at = $4 WHERE id = $1`, [objectionId, answer, actor.userId, this.clock.now()]);
    await this.audit.record({ action: 'call.objection_answered', entityType: 'call_objection', entityId: objectionId, after: { answer } });
    return { id: objectionId, status: 'answered', answer };
  }

  async openCount(callId: string): Promise<number> {
    const [{ n }] = await this.ctx.manager().query(`SELECT count(*)::int AS n FROM call_objections WHERE call_id = $1 AND status = 'open'`, [callId]);
    return n;
  }
}
