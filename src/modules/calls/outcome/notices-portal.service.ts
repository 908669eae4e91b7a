import { Injectable } from '@nestjs/common';
import { TenantContext } from '@sanshe/tenancy';
import { CallsErrorCode, callsError } from '../calls.errors';

/** The public notice (公示) as the portal shows it: the selection with scores and amounts, the period, objection counts. */
@Injectable()
export class NoticesPortalService {
  constructor(private readonly ctx: TenantContext) {}

  /** Every notice of the district, newest first, in three queries whatever the number of calls (a public page). */
  async list() {
    const calls = await this.ctx.manager().query(
      `SELECT id, title, status, notice_starts_at, notice_ends_at, fund_pool_fen::text FROM calls
        WHERE status IN ('notice','awarded') ORDER BY notice_starts_at DESC LIMIT 100`);
    const items = await this.present(calls);
    return { items, total: items.length };
  }

  async get(callId: string) {
    const calls = await this.ctx.manager().query(
      `SELECT id, title, status, notice_starts_at, notice_ends_at, fund_pool_fen::text FROM calls WHERE id = $1 AND status IN ('notice','awarded')`, [callId]);
    if (!calls.length) throw callsError(CallsErrorCode.CALL_NOT_FOUND, { id: callId });
    return (await this.present(calls))[0];
  }

  private async present(calls: Array<Record<string, any>>) {
    const ids = calls.map((c) => c.id);
    if (!ids.length) return [];
    const selected: Array<Record<string, any>> = await this.ctx.manager().query(
      `SELECT s.call_id, s.rank, s.score, s.amount_fen::text, a.reference_no, a.title, o.name AS organisation_name
         FROM call_selections s JOIN applications a ON a.id = s.application_id JOIN organisations o ON o.id = a.organisation_id
        WHERE s.call_id = ANY($1::uuid[]) ORDER BY s.call_id, s.rank`, [ids]);
    const counts: Array<{ call_id: string; total: number; answered: number }> = await this.ctx.manager().query(
      `SELECT call_id, count(*)::int AS total, count(*) FILTER (WHERE status = 'answered')::int AS answered
         FROM call_objections WHERE call_id = ANY($1::uuid[]) GROUP BY call_id`, [ids]);
    return calls.map((c) => ({
      callId: c.id, title: `${c.title} 拟资助项目公示`, status: c.status, noticeStartsAt: c.notice_starts_at, noticeEndsAt: c.notice_ends_at,
      fundPoolFen: c.fund_pool_fen,
      items: selected.filter((s) => s.call_id === c.id).map((s) => ({
        rank: s.rank, score: Number(s.score), amountFen: s.amount_fen, referenceNo: s.reference_no, projectTitle: s.title, organisationName: s.organisation_name,
      })),
      objections: (({ total, answered }) => ({ total, answered }))(counts.find((x) => x.call_id === c.id) ?? { call_id: c.id, total: 0, answered: 0 }),
    }));
  }
}
