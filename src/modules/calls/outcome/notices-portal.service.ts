import { Injectable } from '@nestjs/common';
import { TenantContext } from '@sanshe/tenancy';
import { CallsErrorCode, callsError } from '../calls.errors';

/** The public notice (公示) as the portal shows it: the selection with scores and amounts, the period, objection counts. */
@Injectable()
export class NoticesPortalService {
  constructor(private readonly ctx: TenantContext) {}

  async list() {
    const rows = await this.ctx.manager().query(
      `SELECT id FROM calls WHERE status IN ('notice','awarded') ORDER BY notice_starts_at DESC LIMIT 100`);
    const items = [];
    for (const r of rows) items.push(await this.get(r.id));
    return { items, total: items.length };
  }

  async get(callId: string) {
    const [c] = await this.ctx.manager().query(
      `SELECT id, title, status, notice_starts_at, notice_ends_at, fund_pool_fen::text FROM calls WHERE id = $1 AND status IN ('notice','awarded')`, [callId]);
    if (!c) throw callsError(CallsErrorCode.CALL_NOT_FOUND, { id: callId });
    const selected = await this.ctx.manager().query(
      `SELECT s.rank, s.score, s.amount_fen::text, a.reference_no, a.title, o.name AS organisation_name
         FROM call_selections s JOIN applications a ON a.id = s.application_id JOIN organisations o ON o.id = a.organisation_id
        WHERE s.call_id = $1 ORDER BY s.rank`, [callId]);
    const [counts] = await this.ctx.manager().query(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE status = 'answered')::int AS answered FROM call_objections WHERE call_id = $1`, [callId]);
    return {
      callId: c.id, title: `${c.title} 拟资助项目公示`, status: c.status, noticeStartsAt: c.notice_starts_at, noticeEndsAt: c.notice_ends_at,
      fundPoolFen: c.fund_pool_fen,
      items: selected.map((s: Record<string, any>) => ({
        rank: s.rank, score: Number(s.score), amountFen: s.amount_fen, referenceNo: s.reference_no, projectTitle: s.title, organisationName: s.organisation_name,
      })),
      objections: counts,
    };
  }
}
