import { Injectable } from '@nestjs/common';
import { Actor, FieldError, isDistrictOfficial, Page } from '@sanshe/common';
import { Clock } from '@sanshe/common/clock';
import { AuditService } from '@sanshe/audit';
import { assertVersion, keysetPage } from '@sanshe/database';
import { TenantContext } from '@sanshe/tenancy';
import { SERVICE_AREA_CODES } from '../organisations/service-areas';
import { PlacesService } from '../places/places.service';
import { DEFAULT_TRANCHE_PLAN, checkEligibility, checkForm, checkRubric, checkTranchePlan } from './call-settings';
import { CALL_SELECT, CallRecord, toCallRecord } from './call.record';
import { CALL_STATUS_LABELS, CallAction, nextCallStatus } from './call.transitions';
import { CallsErrorCode, callsError } from './calls.errors';
import { CallDraftDto, ListCallsQuery, UpdateCallDto } from './dto/call.dto';

const COLUMNS: Record<keyof CallDraftDto, string> = {
  title: 'title', theme: 'theme', description: 'description', fundPoolFen: 'fund_pool_fen', minAmountFen: 'min_amount_fen',
  maxAmountFen: 'max_amount_fen', coFundingPercent: 'co_funding_percent', serviceAreas: 'service_areas', communityIds: 'community_ids',
  eligibility: 'eligibility', form: 'form', rubric: 'rubric', reviewersPerApplication: 'reviewers_per_application', blindReview: 'blind_review',
  normaliseScores: 'normalise_scores', minScoreToFund: 'min_score_to_fund', applicationsPerOrganisation: 'applications_per_organisation',
  noticeWorkingDays: 'notice_working_days', tranchePlan: 'tranche_plan', projectStartsOn: 'project_starts_on', projectEndsOn: 'project_ends_on',
  opensAt: 'opens_at', closesAt: 'closes_at', reviewBy: 'review_by', noticeOn: 'notice_on', awardBy: 'award_by',
};
const JSON_COLUMNS = new Set(['eligibility', 'form', 'rubric', 'tranche_plan']);


/**
 * Calls (征集公告): drafting with every setting checked as a whole, publishing, cancelling, and the lifecycle moves the
 * other venture-call services ask for (close, start review, publish notice, award). Other modules read calls only
 * through `require` / `transition` here.
 */
@Injectable()
export class CallsService {
  constructor(
    private readonly ctx: TenantContext,
    private readonly audit: AuditService,
    private readonly places: PlacesService,
    private readonly clock: Clock,
  ) {}

  async create(dto: CallDraftDto, actor: Actor) {
    const settings = { ...dto, tranchePlan: dto.tranchePlan ?? DEFAULT_TRANCHE_PLAN, communityIds: dto.communityIds ?? [], eligibility: dto.eligibility ?? {} };
    await this.check(settings);
    const cols = Object.keys(settings).filter((k) => (settings as Record<string, unknown>)[k] !== undefined) as Array<keyof CallDraftDto>;
    const values = cols.map((k) => this.dbValue(k, (settings as Record<string, unknown>)[k]));
    const [row] = await this.ctx.manager().query(
      `INSERT INTO calls (tenant_id, officer_user_id, created_by, ${cols.map((k) => COLUMNS[k]).join(', ')})
       VALUES ($1, $2, $2, ${cols.map((_, i) => `$${i + 3}`).join(', ')}) RETURNING id`,
      [this.ctx.tenantId(), actor.userId, ...values],
    );
    const call = await this.require(row.id);
    await this.audit.record({ action: 'call.created', entityType: 'call', entityId: call.id, after: call });
    return this.present(call, actor);
  }

  async update(id: string, dto: UpdateCallDto, actor: Actor) {
    const call = await this.require(id, true);
    assertVersion(call, dto.version);
    if (call.status !== 'draft') throw callsError(CallsErrorCode.CALL_NOT_EDITABLE, { status: call.status });
    const { version: _v, ...changes } = dto;
    const merged = { ...this.asDraft(call), ...changes } as CallDraftDto;
    await this.check(merged);
    const cols = Object.keys(changes).filter((k) => (changes as Record<string, unknown>)[k] !== undefined) as Array<keyof CallDraftDto>;
    if (cols.length) {
      await this.ctx.manager().query(
        `UPDATE calls SET ${cols.map((k, i) => `${COLUMNS[k]} = $${i + 2}`).join(', ')}, version = version + 1, updated_at = now() WHERE id = $1`,
        [id, ...cols.map((k) => this.dbValue(k, (changes as Record<string, unknown>)[k]))],
      );
    }
    const after = await this.require(id);
    await this.audit.record({ action: 'call.updated', entityType: 'call', entityId: id, before: call, after });
    return this.present(after, actor);
  }

  /** The district admin publishes: every setting is checked again and the call must still close in the future. */
  async publish(id: string, version: number, actor: Actor) {
    const call = await this.require(id, true);
    assertVersion(call, version);
    nextCallStatus('publish', call.status);
    await this.check(this.asDraft(call));
    if (call.closesAt <= this.clock.now()) {
      throw callsError(CallsErrorCode.CALL_SETTINGS_INVALID, undefined, undefined, [
        { field: 'closesAt', code: 'past', zh: 'closesAt：截止时间已过，请先修改', en: 'closesAt: the closing time has passed; change it first' },
      ]);
    }
    const after = await this.transition(id, 'publish', { published_at: this.clock.now() });
    return this.present(after, actor);
  }

  async cancel(id: string, version: number, reason: string, actor: Actor) {
    const call = await this.require(id, true);
    assertVersion(call, version);
    const after = await this.transition(id, 'cancel', {}, reason);
    return this.present(after, actor);
  }

  async get(id: string, actor: Actor) {
    const call = await this.require(id);
    if (call.status === 'draft' && !isDistrictOfficial(actor)) throw callsError(CallsErrorCode.CALL_NOT_FOUND, { id });
    return this.present(call, actor);
  }

  async list(query: ListCallsQuery, actor: Actor): Promise<Page<ReturnType<CallsService['present']>>> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (!isDistrictOfficial(actor)) where.push(`c.status NOT IN ('draft')`);
    if (query.status) { params.push(query.status); where.push(`c.status = $${params.length}`); }
    // LIKE's own wildcards in what the person typed are text, not patterns (the NUL byte is refused before this).
    if (query.q) { params.push(`%${query.q.trim().replace(/[%_\\]/g, '\\$&')}%`); where.push(`c.title ILIKE $${params.length}`); }
    const page = await keysetPage<Record<string, any> & { id: string }>(this.ctx.manager(), {
      select: CALL_SELECT, countFrom: 'FROM calls c', where, params,
      order: { key: 'c.created_at', type: 'timestamptz', id: 'c.id', direction: 'desc' }, limit: query.limit, cursor: query.cursor,
    });
    return { ...page, items: page.items.map((r) => this.present(toCallRecord(r), actor)) };
  }

  // ---- for the other venture-call services ----

  async require(id: string, lock = false): Promise<CallRecord> {
    const [row] = await this.ctx.manager().query(`${CALL_SELECT} WHERE c.id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
    if (!row) throw callsError(CallsErrorCode.CALL_NOT_FOUND, { id });
    return toCallRecord(row);
  }

  /** Moves a call along its lifecycle (409 when the move is not allowed from its state), audited. */
  async transition(id: string, action: CallAction, set: Record<string, unknown> = {}, reason?: string): Promise<CallRecord> {
    const call = await this.require(id, true);
    const to = nextCallStatus(action, call.status);
    const cols = Object.keys(set);
    await this.ctx.manager().query(
      `UPDATE calls SET status = $2, ${cols.map((c, i) => `${c} = $${i + 3}, `).join('')}version = version + 1, updated_at = now() WHERE id = $1`,
      [id, to, ...cols.map((c) => set[c])],
    );
    const after = await this.require(id);
    await this.audit.record({ action: `call.${action}`, entityType: 'call', entityId: id, before: { status: call.status }, after: { status: to, ...set, reason } });
    return after;
  }

  /** The scheduled close: does nothing unless the call is still published and its closing time has passed. */
  async closeIfDue(id: string): Promise<boolean> {
    const [row] = await this.ctx.manager().query(`SELECT status, closes_at FROM calls WHERE id = $1 FOR UPDATE`, [id]);
    const now = this.clock.now();
    if (!row || row.status !== 'published' || row.closes_at > now) return false;
    await this.transition(id, 'close', { closed_at: now });
    return true;
  }

  /** What anyone signed in may read; the status a person sees is already "closed" once the closing time passed. */
  present(call: CallRecord, actor?: Actor) {
    const now = this.clock.now();
    const status = call.status === 'published' && call.closesAt <= now ? 'closed' : call.status;
    const accepting = call.status === 'published' && call.opensAt <= now && now < call.closesAt;
    const { officerUserId, selectionReason, ...rest } = call;
    return {
      ...rest,
      status,
      statusLabel: CALL_STATUS_LABELS[status],
      acceptingApplications: accepting,
      ...(actor && isDistrictOfficial(actor) ? { officerUserId, selectionReason } : {}),
    };
  }

  // ---- settings ----

  private async check(s: CallDraftDto): Promise<void> {
    const out: FieldError[] = [];
    const fen = (v: string) => BigInt(v);
    if (fen(s.minAmountFen) > fen(s.maxAmountFen)) out.push(field('minAmountFen', '单项最低金额不能高于最高金额', 'the minimum cannot exceed the maximum'));
    if (fen(s.maxAmountFen) > fen(s.fundPoolFen)) out.push(field('maxAmountFen', '单项最高金额不能超过资金池', 'the maximum cannot exceed the fund pool'));
    if (fen(s.fundPoolFen) <= 0n) out.push(field('fundPoolFen', '资金池应大于 0', 'the fund pool must be positive'));
    const opens = new Date(s.opensAt), closes = new Date(s.closesAt), review = new Date(s.reviewBy);
    if (!(opens < closes)) out.push(field('closesAt', '截止时间应晚于开始时间', 'must be after opensAt'));
    if (!(closes <= review)) out.push(field('reviewBy', '评审截止应不早于申报截止', 'must not be before closesAt'));
    if (s.noticeOn < s.closesAt.slice(0, 10)) out.push(field('noticeOn', '公示日期应在申报截止之后', 'must be after the closing date'));
    if (s.awardBy < s.noticeOn) out.push(field('awardBy', '立项日期应在公示之后', 'must be after the notice'));
    if (s.projectEndsOn < s.projectStartsOn) out.push(field('projectEndsOn', '项目结束日期不能早于开始日期', 'must not be before projectStartsOn'));
    checkForm(s.form, out);
    checkRubric(s.rubric, out);
    checkEligibility(s.eligibility, SERVICE_AREA_CODES, out);
    checkTranchePlan(s.tranchePlan ?? DEFAULT_TRANCHE_PLAN, out);
    if (out.length) throw callsError(CallsErrorCode.CALL_SETTINGS_INVALID, undefined, undefined, out);
    for (const id of s.communityIds ?? []) {
      try {
        await this.places.requireActive(id, 'community');
      } catch {
        throw callsError(CallsErrorCode.COMMUNITY_NOT_IN_DISTRICT, { communityId: id });
      }
    }
  }

  private asDraft(c: CallRecord): CallDraftDto {
    return {
      title: c.title, theme: c.theme, description: c.description, fundPoolFen: c.fundPoolFen, minAmountFen: c.minAmountFen,
      maxAmountFen: c.maxAmountFen, coFundingPercent: c.coFundingPercent, serviceAreas: c.serviceAreas, communityIds: c.communityIds,
      eligibility: c.eligibility as Record<string, unknown>, form: c.form as unknown as Record<string, unknown>,
      rubric: c.rubric as unknown as Record<string, unknown>, reviewersPerApplication: c.reviewersPerApplication, blindReview: c.blindReview,
      normaliseScores: c.normaliseScores, minScoreToFund: c.minScoreToFund, applicationsPerOrganisation: c.applicationsPerOrganisation,
      noticeWorkingDays: c.noticeWorkingDays, tranchePlan: c.tranchePlan, projectStartsOn: c.projectStartsOn, projectEndsOn: c.projectEndsOn,
      opensAt: c.opensAt.toISOString(), closesAt: c.closesAt.toISOString(), reviewBy: c.reviewBy.toISOString(), noticeOn: c.noticeOn, awardBy: c.awardBy,
    };
  }

  private dbValue(key: keyof CallDraftDto, value: unknown): unknown {
    return JSON_COLUMNS.has(COLUMNS[key]) ? JSON.stringify(value) : value;
  }
}

function field(name: string, zh: string, en: string): FieldError {
  return { field: name, code: 'invalid', zh: `${name}：${zh}`, en: `${name}: ${en}` };
}
