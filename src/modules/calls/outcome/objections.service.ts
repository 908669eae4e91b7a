import { Injectable } from '@nestjs/common';
import { Actor } from '@sanshe/common';
import { Clock } from '@sanshe/common/clock';
import { AuditService } from '@sanshe/audit';
import { hashSecret, newSecret, secretMatches } from '@sanshe/auth';
import { TenantContext } from '@sanshe/tenancy';
import { CallsService } from '../calls.service';
import { CallsErrorCode, callsError } from '../calls.errors';
import { ObjectionDto } from './outcome.dto';

/**
 * Objections (异议) to a public notice: anyone may file one on the portal during the notice period, with contact details
 * (which only officials see); officials answer each; the award waits until all are answered. The person who objected
 * reads the answer with the receipt code they were given when filing.
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
    // The person objecting has no account: a receipt code (kept only as a hash) lets them read the answer later.
    const receipt = newSecret();
    const [created] = await this.ctx.manager().query(
      `INSERT INTO call_objections (tenant_id, call_id, application_id, name, contact, content, receipt_hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id, created_at`,
      [this.ctx.tenantId(), callId, dto.applicationId ?? null, dto.name, dto.contact, dto.content, hashSecret(receipt)]);
    await this.audit.record({ action: 'call.objection_filed', entityType: 'call_objection', entityId: created.id, after: { callId, name: dto.name, contact: dto.contact } });
    return { id: created.id, status: 'open', receivedAt: created.created_at, receiptCode: receipt };
  }

  /** What the person who objected may read with their receipt: their objection's status and the official answer. */
  async track(callId: string, objectionId: string, receiptCode: string) {
    const [o] = await this.ctx.manager().query(
      `SELECT id, content, status, answer, answered_at, created_at, receipt_hash FROM call_objections WHERE id = $1 AND call_id = $2`, [objectionId, callId]);
    if (!o || !secretMatches(receiptCode, o.receipt_hash)) throw callsError(CallsErrorCode.OBJECTION_NOT_FOUND, { id: objectionId });
    return { id: o.id, content: o.content, status: o.status, answer: o.answer, answeredAt: o.answered_at, receivedAt: o.created_at };
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
