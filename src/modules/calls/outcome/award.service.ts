import { Injectable, StreamableFile } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { Actor, Role, isDistrictOfficial, shanghaiDay } from '@sanshe/common';
import { Clock } from '@sanshe/common/clock';
import { AuditService } from '@sanshe/audit';
import { assertVersion } from '@sanshe/database';
import { OutboxService } from '@sanshe/queue';
import { TenantContext, ReferenceNumberService } from '@sanshe/tenancy';
import { ApplicationsService } from '../../applications/applications.service';
import { ProjectLink, ProjectLinks } from '../../projects/project-links.service';
import { RankingService } from '../../reviews/ranking.service';
import { CallRecord } from '../call.record';
import { CallsService } from '../calls.service';
import { CallsErrorCode, callsError } from '../calls.errors';
import { GRANT_AWARDED, GrantAwardedPayload } from '../grant-awarded.event';
import { renderAgreementPdf } from './agreement-pdf';
import { ObjectionsService } from './objections.service';

export const AWARD_OFFERED = 'calls.award_offered';
export const APPLICATION_DECLINED = 'calls.application_declined';
export const AWARD_REFERENCE_SERIES = 'GY';

/**
 * Award (立项): once the notice period is over and every objection answered, each selected application becomes an award
 * with its amount, the complete hand-off record and a grant agreement PDF; the others are declined and told their score
 * summary. The organisation's admin then accepts the agreement in the app — only then is the award final and
 * `calls.grant_awarded` raised for the projects module.
 */
@Injectable()
export class AwardService {
  constructor(
    private readonly ctx: TenantContext,
    private readonly audit: AuditService,
    private readonly calls: CallsService,
    private readonly applications: ApplicationsService,
    private readonly ranking: RankingService,
    private readonly objections: ObjectionsService,
    private readonly references: ReferenceNumberService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly projects: ProjectLinks,
  ) {}

  async award(callId: string, version: number) {
    const call = await this.calls.require(callId, true);
    assertVersion(call, version);
    // Any state but `notice` is refused by the call's state table (409 INVALID_STATE_TRANSITION).
    if (call.status !== 'notice') await this.calls.transition(callId, 'award');
    const now = this.clock.now();
    if (now < call.noticeEndsAt!) throw callsError(CallsErrorCode.NOTICE_PERIOD_RUNNING, { noticeEndsAt: call.noticeEndsAt });
    const open = await this.objections.openCount(callId);
    if (open) throw callsError(CallsErrorCode.OBJECTIONS_UNANSWERED, { open });

    const selection: Array<{ application_id: string; amount_fen: string; rank: number; score: string }> = await this.ctx.manager().query(
      `SELECT application_id, amount_fen::text, rank, score FROM call_selections WHERE call_id = $1 ORDER BY rank`, [callId]);
    const district = await this.ctx.district();
    const year = Number(shanghaiDay(now).slice(0, 4));
    const awards: Array<{ id: string; referenceNo: string; applicationId: string; amountFen: string }> = [];
    for (const s of selection) {
      const app = await this.applications.require(s.application_id);
      const referenceNo = await this.references.next(AWARD_REFERENCE_SERIES, year);
      const [{ id }] = await this.ctx.manager().query(`SELECT gen_random_uuid() AS id`);
      const payload = this.payload(id, referenceNo, call, app, s.amount_fen);
      const [org] = await this.ctx.manager().query(`SELECT credit_code FROM organisations WHERE id = $1`, [app.organisationId]);
      const pdf = await renderAgreementPdf(payload, { districtName: district.name, organisationName: app.organisationName, creditCode: org.credit_code, issuedOn: shanghaiDay(now) });
      await this.ctx.manager().query(
        `INSERT INTO awards (tenant_id, id, call_id, application_id, organisation_id, reference_no, amount_fen, payload, agreement_pdf, agreement_sha256)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [this.ctx.tenantId(), id, callId, app.id, app.organisationId, referenceNo, s.amount_fen, JSON.stringify(payload), pdf, createHash('sha256').update(pdf).digest('hex')]);
      await this.applications.transition(app.id, 'award', `立项 ${referenceNo}`);
      await this.outbox.publish(AWARD_OFFERED, {
        awardId: id, referenceNo, callTitle: call.title, projectTitle: app.title, amountFen: s.amount_fen,
        userIds: await this.applicantsAndAdmins(app.id, app.organisationId),
      });
      awards.push({ id, referenceNo, applicationId: app.id, amountFen: s.amount_fen });
    }
    const ranking = await this.ranking.ranking(callId);
    for (const app of await this.applications.listForCall(callId, ['passed'])) {
      await this.applications.transition(app.id, 'decline', '未入选');
      const r = ranking.items.find((x) => x.applicationId === app.id);
      await this.outbox.publish(APPLICATION_DECLINED, {
        applicationId: app.id, referenceNo: app.referenceNo, callTitle: call.title, projectTitle: app.title,
        score: r?.score ?? null, rank: r?.rank ?? null, ranked: ranking.items.length, reviewCount: r?.reviewCount ?? 0,
        userIds: await this.applicantsAndAdmins(app.id, app.organisationId),
      });
    }
    const awarded = await this.calls.transition(callId, 'award', { awarded_at: now });
    await this.audit.record({ action: 'call.awarded', entityType: 'call', entityId: callId, after: { awards } });
    return { callId, status: 'awarded', awards, version: awarded.version };
  }

  async get(id: string, actor: Actor) {
    const a = await this.find(id, actor);
    return this.present(a, await this.projects.byAwardIds([a.id]));
  }

  async listForCall(callId: string) {
    await this.calls.require(callId);
    const rows = await this.ctx.manager().query(`SELECT * FROM awards WHERE call_id = $1 ORDER BY reference_no`, [callId]);
    const links = await this.projects.byAwardIds(rows.map((r: Record<string, any>) => r.id));
    return { items: rows.map((r: Record<string, any>) => this.present(r, links)) };
  }

  async agreement(id: string, actor: Actor): Promise<StreamableFile> {
    const a = await this.find(id, actor);
    return new StreamableFile(a.agreement_pdf as Buffer, { type: 'application/pdf', disposition: `attachment; filename="${a.reference_no}.pdf"` });
  }

  /** The organisation's admin accepts the agreement: the award becomes final and the projects module is told. */
  async accept(id: string, actor: Actor) {
    const a = await this.find(id, actor, true);
    if (!(actor.organisationId === a.organisation_id && actor.roles.includes(Role.OrgAdmin))) throw callsError(CallsErrorCode.NOT_YOUR_AWARD);
    if (a.status === 'accepted') throw callsError(CallsErrorCode.AWARD_ALREADY_ACCEPTED);
    const now = this.clock.now();
    await this.ctx.manager().query(
      `UPDATE awards SET status = 'accepted', accepted_by = $2, accepted_at = $3, version = version + 1 WHERE id = $1`, [id, actor.userId, now]);
    await this.outbox.publish(GRANT_AWARDED, a.payload as GrantAwardedPayload);
    await this.audit.record({ action: 'award.agreement_accepted', entityType: 'award', entityId: id, after: { referenceNo: a.reference_no } });
    // The project is created by the worker once the event is relayed, never inside this transaction: always pending here.
    return this.present({ ...a, status: 'accepted', accepted_at: now, version: a.version + 1 }, new Map());
  }

  /** The applicant's own result after the award: their score and place, never reviewers' names or individual scores. */
  async result(applicationId: string, actor: Actor) {
    const app = await this.applications.requireVisible(applicationId, actor);
    const call = await this.calls.require(app.callId);
    if (call.status !== 'awarded') throw callsError(CallsErrorCode.RESULT_NOT_AVAILABLE);
    const ranking = await this.ranking.ranking(call.id);
    const r = ranking.items.find((x) => x.applicationId === applicationId);
    const [award] = await this.ctx.manager().query(`SELECT id, reference_no, amount_fen::text, status FROM awards WHERE application_id = $1`, [applicationId]);
    return {
      applicationId, referenceNo: app.referenceNo, status: app.status,
      score: r?.score ?? null, rank: r?.rank ?? null, ranked: ranking.items.length, reviewCount: r?.reviewCount ?? 0,
      criterionMeans: r?.criterionMeans ?? null,
      award: award ? { id: award.id, referenceNo: award.reference_no, amountFen: award.amount_fen, status: award.status } : null,
    };
  }

  private async find(id: string, actor: Actor, lock = false): Promise<Record<string, any>> {
    const [a] = await this.ctx.manager().query(`SELECT * FROM awards WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
    if (!a || !(isDistrictOfficial(actor) || actor.organisationId === a.organisation_id)) throw callsError(CallsErrorCode.AWARD_NOT_FOUND, { id });
    return a;
  }

  /**
   * `projectStatus` says why `project` may be null: the agreement is not accepted yet, or it is and the projects
   * module has not yet handled calls.grant_awarded (poll GET /awards/:id until 'created').
   */
  private present(a: Record<string, any>, links: Map<string, ProjectLink>) {
    const project = links.get(a.id) ?? null;
    const projectStatus = project ? 'created' : a.status === 'accepted' ? 'pending' : 'awaiting_acceptance';
    return {
      id: a.id, callId: a.call_id, applicationId: a.application_id, organisationId: a.organisation_id, referenceNo: a.reference_no,
      amountFen: String(a.amount_fen), status: a.status, acceptedAt: a.accepted_at, agreementSha256: a.agreement_sha256,
      agreementUrl: `/api/v1/awards/${a.id}/agreement.pdf`, record: a.payload,
      project, projectStatus, projectPending: projectStatus === 'pending', version: a.version,
    };
  }

  private payload(awardId: string, referenceNo: string, call: CallRecord, app: Awaited<ReturnType<ApplicationsService['require']>>, amountFen: string): GrantAwardedPayload {
    const core = app.core;
    return {
      awardId, callId: call.id, callTitle: call.title, applicationId: app.id, referenceNo, organisationId: app.organisationId,
      projectTitle: app.title, summary: app.summary, amountFen, coFundingFen: app.coFundingFen ?? '0',
      communityIds: core.communityIds ?? [], serviceAreas: core.serviceAreas ?? [],
      budgetLines: (core.budgetLines ?? []).map((b) => ({ code: b.code, name: b.name, amountFen: b.amountFen })),
      indicators: (core.indicators ?? []).map((i) => ({ code: i.code, name: i.name, unit: i.unit, baseline: i.baseline, target: i.target })),
      tranchePlan: call.tranchePlan, milestones: core.milestones ?? [],
      startsOn: core.startsOn ?? call.projectStartsOn, endsOn: core.endsOn ?? call.projectEndsOn,
      officerUserId: call.officerUserId,
      requestedFen: app.requestedFen ?? amountFen,
      applicationReferenceNo: app.referenceNo,
    };
  }

  private async applicantsAndAdmins(applicationId: string, organisationId: string): Promise<string[]> {
    const admins: Array<{ user_id: string }> = await this.ctx.manager().query(
      `SELECT user_id FROM memberships WHERE organisation_id = $1 AND status = 'active' AND 'org_admin' = ANY(roles)`, [organisationId]);
    return [...new Set([...(await this.applications.applicantUserIds(applicationId)), ...admins.map((a) => a.user_id)])];
  }
}
