import { Injectable } from '@nestjs/common';
import { Actor, FieldError, shanghaiDay } from '@sanshe/common';
import { Clock } from '@sanshe/common/clock';
import { AuditService } from '@sanshe/audit';
import { assertVersion } from '@sanshe/database';
import { TenantContext } from '@sanshe/tenancy';
import { RankingService } from '../../reviews/ranking.service';
import { CallsService } from '../calls.service';
import { CallsErrorCode, callsError } from '../calls.errors';
import { DistrictHolidaysService } from '../district-holidays.service';
import { noticePeriod } from '../working-days';
import { SelectionDto } from './outcome.dto';

/**
 * Selection (确定入选名单) and the public notice (公示). The officer starts from the ranking's proposal and may change
 * the set or the amounts (within the call's per-project limits and the request) with a reason; the total never
 * exceeds the pool. Publishing the notice fixes the selection and the notice period in working days.
 */
@Injectable()
export class SelectionService {
  constructor(
    private readonly ctx: TenantContext,
    private readonly audit: AuditService,
    private readonly calls: CallsService,
    private readonly ranking: RankingService,
    private readonly holidays: DistrictHolidaysService,
    private readonly clock: Clock,
  ) {}

  async select(callId: string, dto: SelectionDto, actor: Actor) {
    const call = await this.calls.require(callId, true);
    assertVersion(call, dto.version);
    if (call.status !== 'reviewing') throw callsError(CallsErrorCode.SELECTION_INVALID, { status: call.status }, { zh: '只能在评审阶段确定入选名单', en: 'The selection is made while the call is under review' });
    const ranking = await this.ranking.ranking(callId);
    if (!ranking.reviewFinished) throw callsError(CallsErrorCode.REVIEW_NOT_FINISHED);
    const byId = new Map(ranking.items.map((r) => [r.applicationId, r]));
    const problems: FieldError[] = [];
    const seen = new Set<string>();
    let total = 0n;
    dto.items.forEach((item, i) => {
      const f = `items[${i}]`;
      const r = byId.get(item.applicationId);
      if (!r) return problems.push({ field: `${f}.applicationId`, code: 'notRanked', zh: `${f}：该申报书不在评审排名中`, en: `${f}: not among the reviewed applications` });
      if (seen.has(item.applicationId)) problems.push({ field: `${f}.applicationId`, code: 'duplicate', zh: `${f}：重复`, en: `${f}: listed twice` });
      seen.add(item.applicationId);
      const amount = BigInt(item.amountFen);
      const cap = BigInt(r.requestedFen) < BigInt(call.maxAmountFen) ? BigInt(r.requestedFen) : BigInt(call.maxAmountFen);
      if (amount < BigInt(call.minAmountFen) || amount > cap) {
        problems.push({ field: `${f}.amountFen`, code: 'range', zh: `${f}：资助金额应在单项限额内且不超过申请金额`, en: `${f}: the amount must be within the per-project limits and the request` });
      }
      if (amount !== BigInt(r.requestedFen) && !item.reason) problems.push({ field: `${f}.reason`, code: 'required', zh: `${f}：调整金额须说明理由`, en: `${f}: a reason is required for a changed amount` });
      total += amount;
    });
    if (problems.length) throw callsError(CallsErrorCode.SELECTION_INVALID, undefined, undefined, problems);
    if (!dto.items.length) throw callsError(CallsErrorCode.SELECTION_EMPTY);
    if (total > BigInt(call.fundPoolFen)) throw callsError(CallsErrorCode.SELECTION_OVER_POOL, { totalFen: total.toString(), fundPoolFen: call.fundPoolFen });
    const proposed = new Set(ranking.items.filter((r) => r.proposed).map((r) => r.applicationId));
    const differs = proposed.size !== seen.size || [...seen].some((id) => !proposed.has(id));
    if (differs && !dto.reason) throw callsError(CallsErrorCode.SELECTION_REASON_REQUIRED, { proposed: [...proposed] });

    await this.ctx.manager().query(`DELETE FROM call_selections WHERE call_id = $1`, [callId]);
    for (const item of dto.items) {
      const r = byId.get(item.applicationId)!;
      await this.ctx.manager().query(
        `INSERT INTO call_selections (tenant_id, call_id, application_id, rank, score, requested_fen, amount_fen, reason, selected_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [this.ctx.tenantId(), callId, item.applicationId, r.rank, r.score, r.requestedFen, item.amountFen, item.reason ?? null, actor.userId]);
    }
    await this.ctx.manager().query(`UPDATE calls SET selection_reason = $2, version = version + 1, updated_at = now() WHERE id = $1`, [callId, dto.reason ?? null]);
    await this.audit.record({ action: 'call.selection_made', entityType: 'call', entityId: callId, after: { items: dto.items, reason: dto.reason, totalFen: total.toString() } });
    return this.selection(callId);
  }

  async selection(callId: string) {
    const call = await this.calls.require(callId);
    const rows = await this.ctx.manager().query(
      `SELECT s.application_id, s.rank, s.score, s.requested_fen, s.amount_fen, s.reason, a.reference_no, a.title, o.name AS organisation_name
         FROM call_selections s JOIN applications a ON a.id = s.application_id JOIN organisations o ON o.id = a.organisation_id
        WHERE s.call_id = $1 ORDER BY s.rank`, [callId]);
    const items = rows.map((r: Record<string, any>) => ({
      applicationId: r.application_id, rank: r.rank, score: Number(r.score), requestedFen: String(r.requested_fen), amountFen: String(r.amount_fen),
      reason: r.reason, referenceNo: r.reference_no, projectTitle: r.title, organisationName: r.organisation_name,
    }));
    const total = items.reduce((s: bigint, i: { amountFen: string }) => s + BigInt(i.amountFen), 0n);
    return { callId, version: call.version, status: call.status, items, totalFen: total.toString(), fundPoolFen: call.fundPoolFen, reason: call.selectionReason };
  }

  /** Publishes the selection on the portal for the call's number of working days (district calendar). */
  async publishNotice(callId: string, version: number) {
    const call = await this.calls.require(callId, true);
    assertVersion(call, version);
    const [{ n }] = await this.ctx.manager().query(`SELECT count(*)::int AS n FROM call_selections WHERE call_id = $1`, [callId]);
    if (call.status === 'reviewing' && !n) throw callsError(CallsErrorCode.SELECTION_EMPTY);
    const now = this.clock.now();
    const period = noticePeriod(now, call.noticeWorkingDays, await this.holidays.calendarFrom(shanghaiDay(now)));
    const after = await this.calls.transition(callId, 'publish_notice', { notice_starts_at: now, notice_ends_at: period.endsAt });
    return { ...(await this.selection(callId)), status: after.status, noticeStartsAt: now, noticeEndsAt: period.endsAt, noticeLastDay: period.lastDay };
  }
}
