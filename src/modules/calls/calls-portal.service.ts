import { Injectable } from '@nestjs/common';
import { Clock } from '@sanshe/common/clock';
import { TenantContext } from '@sanshe/tenancy';
import { serviceAreaLabels } from '../organisations/service-areas';
import { CALL_SELECT, CallRecord, toCallRecord } from './call.record';
import { CALL_STATUS_LABELS } from './call.transitions';
import { CallsErrorCode, callsError } from './calls.errors';

/** Public fields of published calls: what a resident or an organisation reads before signing in. */
@Injectable()
export class CallsPortalService {
  constructor(
    private readonly ctx: TenantContext,
    private readonly clock: Clock,
  ) {}

  async list() {
    const rows = await this.ctx.manager().query(`${CALL_SELECT} WHERE c.status NOT IN ('draft','cancelled') ORDER BY c.closes_at DESC LIMIT 200`);
    const items = rows.map((r: Record<string, unknown>) => this.present(toCallRecord(r)));
    return { items, total: items.length };
  }

  async get(id: string) {
    const [row] = await this.ctx.manager().query(`${CALL_SELECT} WHERE c.id = $1 AND c.status NOT IN ('draft','cancelled')`, [id]);
    if (!row) throw callsError(CallsErrorCode.CALL_NOT_FOUND, { id });
    const c = toCallRecord(row);
    return { ...this.present(c), description: c.description, form: c.form, rubric: { criteria: c.rubric.criteria.map(({ code, name, weight }) => ({ code, name, weight })) } };
  }

  private present(c: CallRecord) {
    const now = this.clock.now();
    const status = c.status === 'published' && c.closesAt <= now ? 'closed' : c.status;
    return {
      id: c.id, title: c.title, theme: c.theme, fundPoolFen: c.fundPoolFen, minAmountFen: c.minAmountFen, maxAmountFen: c.maxAmountFen,
      coFundingPercent: c.coFundingPercent, serviceAreas: serviceAreaLabels(c.serviceAreas), communityIds: c.communityIds,
      eligibility: c.eligibility, opensAt: c.opensAt, closesAt: c.closesAt, reviewBy: c.reviewBy, noticeOn: c.noticeOn, awardBy: c.awardBy,
      status, statusLabel: CALL_STATUS_LABELS[status],
      acceptingApplications: c.status === 'published' && c.opensAt <= now && now < c.closesAt,
    };
  }
}
