import { Injectable } from '@nestjs/common';
import { Actor, Page, decodeCursor, encodeCursor, isDistrictOfficial } from '@sanshe/common';
import { Clock } from '@sanshe/common/clock';
import { AuditService } from '@sanshe/audit';
import { assertVersion } from '@sanshe/database';
import { TenantContext } from '@sanshe/tenancy';
import { CallsService } from '../calls/calls.service';
import { CallsErrorCode, callsError } from '../calls/calls.errors';
import { checkDraftAnswers } from './application-checks';
import {
  APPLICATION_SELECT, ApplicationRecord, canEditApplication, canReadApplication, isApplicantRole, toApplicationRecord,
} from './application.record';
import { APPLICATION_STATUS_LABELS, ApplicationAction, nextApplicationStatus } from './application.transitions';
import { ApplicationsErrorCode, applicationsError } from './applications.errors';
import { ApplicationContentDto, ListApplicationsQuery, UpdateApplicationDto } from './dto/application.dto';
import { WAITING_ORDER, WaitingList, toWaitingList } from '../workbench/waiting-item';

/**
 * Application drafts (申报书): starting one for the actor's organisation, saving as often as needed, co-editors from the
 * same organisation, the history the applicant reads. Submission and screening are separate services; the reviews and
 * outcome modules read applications through the methods at the end.
 */
@Injectable()
export class ApplicationsService {
  constructor(
    private readonly ctx: TenantContext,
    private readonly audit: AuditService,
    private readonly calls: CallsService,
    private readonly clock: Clock,
  ) {}

  async create(callId: string, dto: ApplicationContentDto, actor: Actor) {
    if (!isApplicantRole(actor)) throw applicationsError(ApplicationsErrorCode.NOT_AN_APPLICANT);
    const call = await this.calls.require(callId);
    if (call.status === 'draft' || call.status === 'cancelled') throw callsError(CallsErrorCode.CALL_NOT_FOUND, { id: callId });
    if (call.status !== 'published' || call.closesAt <= this.clock.now()) throw callsError(CallsErrorCode.CALL_CLOSED, { closesAt: call.closesAt });
    const orgId = actor.organisationId!;
    await this.lockOrganisationInCall(callId, orgId);
    const [{ n }] = await this.ctx.manager().query(
      `SELECT count(*)::int AS n FROM applications WHERE call_id = $1 AND organisation_id = $2 AND status <> 'withdrawn'`, [callId, orgId]);
    if (n >= call.applicationsPerOrganisation) throw applicationsError(ApplicationsErrorCode.APPLICATION_LIMIT_REACHED, { allowed: call.applicationsPerOrganisation });
    this.checkAnswers(call.form, dto.answers);
    const [row] = await this.ctx.manager().query(
      `INSERT INTO applications (tenant_id, call_id, organisation_id, created_by_membership_id, title, summary, requested_fen, co_funding_fen, core, answers)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [this.ctx.tenantId(), callId, orgId, actor.membershipId, dto.title ?? '', dto.summary ?? '', dto.requestedFen ?? null, dto.coFundingFen ?? null,
        JSON.stringify(coreOf(dto)), JSON.stringify(dto.answers ?? {})]);
    await this.history(row.id, 'create', null, 'draft');
    await this.audit.record({ action: 'application.created', entityType: 'application', entityId: row.id, after: { callId, organisationId: orgId } });
    return this.get(row.id, actor);
  }

  async update(id: string, dto: UpdateApplicationDto, actor: Actor) {
    const app = await this.require(id, true);
    await this.assertCanEdit(app, actor);
    assertVersion(app, dto.version);
    if (app.status !== 'draft' && app.status !== 'returned') throw applicationsError(ApplicationsErrorCode.APPLICATION_NOT_EDITABLE, { status: app.status });
    const call = await this.calls.require(app.callId);
    if (call.closesAt <= this.clock.now()) throw callsError(CallsErrorCode.CALL_CLOSED, { closesAt: call.closesAt });
    const answers = dto.answers === undefined ? app.answers : { ...app.answers, ...dto.answers };
    this.checkAnswers(call.form, answers);
    const core = { ...app.core, ...coreOf(dto) };
    await this.ctx.manager().query(
      `UPDATE applications SET title = $2, summary = $3, requested_fen = $4, co_funding_fen = $5, core = $6, answers = $7,
              version = version + 1, updated_at = now() WHERE id = $1`,
      [id, dto.title ?? app.title, dto.summary ?? app.summary, dto.requestedFen ?? app.requestedFen, dto.coFundingFen ?? app.coFundingFen,
        JSON.stringify(core), JSON.stringify(answers)]);
    return this.get(id, actor);
  }

  async get(id: string, actor: Actor) {
    const app = await this.require(id);
    if (!canReadApplication(actor, app)) throw applicationsError(ApplicationsErrorCode.APPLICATION_NOT_FOUND, { id });
    const editors = await this.editors(id);
    return { ...this.present(app), editors, canEdit: canEditApplication(actor, app, editors.map((e) => e.membershipId)) };
  }

  async list(query: ListApplicationsQuery, actor: Actor): Promise<Page<ReturnType<ApplicationsService['present']>>> {
    const where: string[] = [];
    const params: unknown[] = [];
    const p = (v: unknown) => { params.push(v); return `$${params.length}`; };
    if (isDistrictOfficial(actor) && !actor.organisationId) where.push(`a.reference_no IS NOT NULL`);
    else if (actor.organisationId) where.push(`a.organisation_id = ${p(actor.organisationId)}`);
    else return { items: [], total: 0, nextCursor: null };
    if (query.callId) where.push(`a.call_id = ${p(query.callId)}`);
    if (query.status) where.push(`a.status = ${p(query.status)}`);
    const [{ n }] = await this.ctx.manager().query(`SELECT count(*)::int AS n FROM applications a WHERE ${where.join(' AND ')}`, params);
    const cursor = decodeCursor(query.cursor);
    if (cursor) where.push(`(a.created_at, a.id) > (${p(cursor.sortKey)}::timestamptz, ${p(cursor.id)}::uuid)`);
    const limit = query.limit ?? 50;
    const rows = await this.ctx.manager().query(`${APPLICATION_SELECT} WHERE ${where.join(' AND ')} ORDER BY a.created_at, a.id LIMIT ${limit + 1}`, params);
    const items = rows.slice(0, limit).map((r: Record<string, unknown>) => this.present(toApplicationRecord(r)));
    const last = rows[Math.min(rows.length, limit) - 1];
    return { items, total: n, nextCursor: rows.length > limit && last ? encodeCursor(new Date(last.created_at).toISOString(), last.id) : null };
  }

  async addEditor(id: string, membershipId: string, actor: Actor) {
    const app = await this.require(id, true);
    await this.assertCanEdit(app, actor);
    if (app.status !== 'draft' && app.status !== 'returned') throw applicationsError(ApplicationsErrorCode.APPLICATION_NOT_EDITABLE, { status: app.status });
    const [colleague] = await this.ctx.manager().query(
      `SELECT id FROM memberships WHERE id = $1 AND organisation_id = $2 AND status = 'active'
          AND roles && ARRAY['org_admin','org_staff']::text[]`, [membershipId, app.organisationId]);
    if (!colleague) throw applicationsError(ApplicationsErrorCode.EDITOR_NOT_COLLEAGUE, { membershipId });
    await this.ctx.manager().query(
      `INSERT INTO application_editors (tenant_id, application_id, membership_id, added_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (tenant_id, application_id, membership_id) DO NOTHING`, [this.ctx.tenantId(), id, membershipId, actor.userId]);
    await this.audit.record({ action: 'application.editor_added', entityType: 'application', entityId: id, after: { membershipId } });
    return { editors: await this.editors(id) };
  }

  async removeEditor(id: string, membershipId: string, actor: Actor) {
    const app = await this.require(id, true);
    await this.assertCanEdit(app, actor);
    await this.ctx.manager().query(`DELETE FROM application_editors WHERE application_id = $1 AND membership_id = $2`, [id, membershipId]);
    await this.audit.record({ action: 'application.editor_removed', entityType: 'application', entityId: id, before: { membershipId } });
    return { editors: await this.editors(id) };
  }

  async historyOf(id: string, actor: Actor) {
    const app = await this.require(id);
    if (!canReadApplication(actor, app)) throw applicationsError(ApplicationsErrorCode.APPLICATION_NOT_FOUND, { id });
    const rows = await this.ctx.manager().query(
      `SELECT action, from_status, to_status, reason, occurred_at FROM application_history WHERE application_id = $1 ORDER BY occurred_at, id`, [id]);
    return { items: rows.map((r: Record<string, any>) => ({ action: r.action, from: r.from_status, to: r.to_status, reason: r.reason, at: r.occurred_at })) };
  }

  present(app: ApplicationRecord) {
    const { snapshot: _s, eligibility, autoChecks, createdByMembershipId: _c, submittedBy: _b, ...rest } = app;
    return { ...rest, statusLabel: APPLICATION_STATUS_LABELS[app.status], eligibility, autoChecks };
  }

  // ---- for the submission, screening, reviews and outcome services ----

  async require(id: string, lock = false): Promise<ApplicationRecord> {
    const [row] = await this.ctx.manager().query(`${APPLICATION_SELECT} WHERE a.id = $1${lock ? ' FOR UPDATE OF a' : ''}`, [id]);
    if (!row) throw applicationsError(ApplicationsErrorCode.APPLICATION_NOT_FOUND, { id });
    return toApplicationRecord(row);
  }

  async listForCall(callId: string, statuses: string[]): Promise<ApplicationRecord[]> {
    const rows = await this.ctx.manager().query(
      `${APPLICATION_SELECT} WHERE a.call_id = $1 AND a.status = ANY($2) ORDER BY a.reference_no`, [callId, statuses]);
    return rows.map(toApplicationRecord);
  }

  /** Moves an application along its lifecycle, with its history row and audit. */
  async transition(id: string, action: ApplicationAction, reason: string | null, set: Record<string, unknown> = {}): Promise<ApplicationRecord> {
    const app = await this.require(id, true);
    const to = nextApplicationStatus(action, app.status);
    const cols = Object.keys(set);
    await this.ctx.manager().query(
      `UPDATE applications SET status = $2, ${cols.map((c, i) => `${c} = $${i + 3}, `).join('')}version = version + 1, updated_at = now() WHERE id = $1`,
      [id, to, ...cols.map((c) => set[c])]);
    await this.history(id, action, app.status, to, reason);
    await this.audit.record({ action: `application.${action}`, entityType: 'application', entityId: id, before: { status: app.status }, after: { status: to, reason } });
    return this.require(id);
  }

  /** People to tell about an application: whoever started it and its co-editors (user ids). */
  async applicantUserIds(id: string): Promise<string[]> {
    const rows: Array<{ user_id: string }> = await this.ctx.manager().query(
      `SELECT DISTINCT m.user_id FROM memberships m
        WHERE m.id IN (SELECT created_by_membership_id FROM applications WHERE id = $1
                       UNION SELECT membership_id FROM application_editors WHERE application_id = $1)`, [id]);
    return rows.map((r) => r.user_id);
  }

  /** Serialises drafts and submissions of one organisation in one call (the per-organisation limit). */
  async lockOrganisationInCall(callId: string, organisationId: string): Promise<void> {
    await this.ctx.manager().query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`applications:${callId}:${organisationId}`]);
  }

  async assertCanEdit(app: ApplicationRecord, actor: Actor): Promise<void> {
    if (!canReadApplication(actor, app)) throw applicationsError(ApplicationsErrorCode.APPLICATION_NOT_FOUND, { id: app.id });
    const editors = await this.editors(app.id);
    if (!canEditApplication(actor, app, editors.map((e) => e.membershipId))) throw applicationsError(ApplicationsErrorCode.NOT_AN_EDITOR);
  }

  async history(id: string, action: string, from: string | null, to: string, reason: string | null = null): Promise<void> {
    await this.ctx.manager().query(
      `INSERT INTO application_history (tenant_id, application_id, action, from_status, to_status, reason, actor_user_id) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [this.ctx.tenantId(), id, action, from, to, reason, this.ctx.actorOrUndefined()?.userId ?? null]);
  }

  private async editors(id: string): Promise<Array<{ membershipId: string; name: string }>> {
    const rows = await this.ctx.manager().query(
      `SELECT e.membership_id, u.name FROM application_editors e JOIN memberships m ON m.id = e.membership_id JOIN users u ON u.id = m.user_id
        WHERE e.application_id = $1 ORDER BY e.created_at`, [id]);
    return rows.map((r: Record<string, string>) => ({ membershipId: r.membership_id, name: r.name }));
  }

  private checkAnswers(form: Parameters<typeof checkDraftAnswers>[0], answers: Record<string, unknown> | undefined): void {
    const problems = checkDraftAnswers(form, answers ?? {});
    if (problems.length) throw applicationsError(ApplicationsErrorCode.APPLICATION_INVALID, undefined, undefined, problems);
  }

  /**
   * Workbench: submitted applications an official still has to screen, on calls where screening is open. Due by the
   * call's review deadline, since review cannot start on an application nobody has screened.
   */
  async waitingForScreening(): Promise<WaitingList> {
    const rows = await this.ctx.manager().query(
      `SELECT a.id, a.title, a.reference_no, c.review_by AS due_at, a.submitted_at AS sort_key, count(*) OVER () AS total
         FROM applications a JOIN calls c ON c.id = a.call_id
        WHERE a.status = 'submitted' AND c.status IN ('published', 'closed') ${WAITING_ORDER}`);
    return toWaitingList(rows, (r: Record<string, any>) => ({
      id: r.id, title: r.title, reference: r.reference_no, dueAt: r.due_at, path: `/applications/${r.id}`,
    }));
  }

  /**
   * Workbench: the organisation's drafts (and applications returned for correction) on calls still open that close
   * within `horizonMs` — the applicant's own work only, like every list of drafts.
   */
  async waitingForSubmission(actor: Actor, now: Date, horizonMs: number): Promise<WaitingList> {
    if (!isApplicantRole(actor)) return { total: 0, items: [] };
    const rows = await this.ctx.manager().query(
      `SELECT a.id, a.title, a.reference_no, a.status, c.closes_at AS due_at, a.created_at AS sort_key, count(*) OVER () AS total
         FROM applications a JOIN calls c ON c.id = a.call_id
        WHERE a.organisation_id = $1 AND a.status IN ('draft', 'returned') AND c.status = 'published'
          AND c.closes_at > $2 AND c.closes_at <= $3 ${WAITING_ORDER}`,
      [actor.organisationId, now, new Date(now.getTime() + horizonMs)]);
    return toWaitingList(rows, (r: Record<string, any>) => ({
      id: r.id, title: r.title || '—', reference: r.reference_no, dueAt: r.due_at, path: `/applications/${r.id}`,
      detail: APPLICATION_STATUS_LABELS[r.status as 'draft' | 'returned'],
    }));
  }
}

function coreOf(dto: ApplicationContentDto) {
  const out: Record<string, unknown> = {};
  for (const k of ['beneficiaries', 'communityIds', 'serviceAreas', 'budgetLines', 'indicators', 'milestones', 'startsOn', 'endsOn'] as const) {
    if (dto[k] !== undefined) out[k] = dto[k];
  }
  return out;
}
