import { Injectable } from '@nestjs/common';
import { Actor } from '@sanshe/common';
import { Clock } from '@sanshe/common/clock';
import { AuditService } from '@sanshe/audit';
import { TenantContext } from '@sanshe/tenancy';
import { ApplicationsService } from '../applications/applications.service';
import { CallsService } from '../calls/calls.service';
import { assignReviewers } from './assignment';
import { ReviewsErrorCode, reviewsError } from './reviews.errors';

/**
 * The reviewer panel of a call and who reviews what: officials name the panel (members with the reviewer role), then
 * assignment gives every screened-in application N reviewers, balanced, never a reviewer linked to the applying
 * organisation — its staff now, its staff in the past (the registry's membership history in the audit trail), or one
 * who declared a conflict with it. A reviewer who declares a conflict is replaced the same way.
 */
@Injectable()
export class ReviewPanelService {
  constructor(
    private readonly clock: Clock,
    private readonly ctx: TenantContext,
    private readonly audit: AuditService,
    private readonly calls: CallsService,
    private readonly applications: ApplicationsService,
  ) {}

  async setPanel(callId: string, membershipIds: string[], actor: Actor) {
    const call = await this.calls.require(callId, true);
    if (['draft', 'notice', 'awarded', 'cancelled'].includes(call.status)) throw reviewsError(ReviewsErrorCode.REVIEW_NOT_OPEN, { status: call.status });
    const ok: Array<{ id: string }> = await this.ctx.manager().query(
      `SELECT id FROM memberships WHERE id = ANY($1) AND status = 'active' AND 'reviewer' = ANY(roles)`, [membershipIds]);
    const missing = membershipIds.filter((id) => !ok.some((r) => r.id === id));
    if (missing.length) throw reviewsError(ReviewsErrorCode.NOT_A_REVIEWER, { membershipIds: missing });
    for (const id of membershipIds) {
      await this.ctx.manager().query(
        `INSERT INTO call_reviewers (tenant_id, call_id, membership_id, added_by) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
        [this.ctx.tenantId(), callId, id, actor.userId]);
    }
    await this.audit.record({ action: 'call.panel_set', entityType: 'call', entityId: callId, after: { membershipIds } });
    return this.panel(callId);
  }

  async panel(callId: string) {
    await this.calls.require(callId);
    const rows = await this.ctx.manager().query(
      `SELECT r.membership_id, u.name,
              (SELECT count(*)::int FROM review_assignments a WHERE a.call_id = r.call_id AND a.reviewer_membership_id = r.membership_id AND a.status <> 'conflict') AS load
         FROM call_reviewers r JOIN memberships m ON m.id = r.membership_id JOIN users u ON u.id = m.user_id
        WHERE r.call_id = $1 ORDER BY r.created_at, r.membership_id`, [callId]);
    return { items: rows.map((r: Record<string, unknown>) => ({ membershipId: r.membership_id, name: r.name, assignments: r.load })) };
  }

  /** Assigns every passed application its reviewers and moves a closed call into review. All or nothing. */
  async assign(callId: string) {
    // A call past its closing time is closed here if the scheduled job has not got to it yet.
    await this.calls.closeIfDue(callId);
    let call = await this.calls.require(callId, true);
    if (!['closed', 'reviewing'].includes(call.status)) throw reviewsError(ReviewsErrorCode.REVIEW_NOT_OPEN, { status: call.status });
    const unscreened = await this.applications.listForCall(callId, ['submitted']);
    if (unscreened.length) throw reviewsError(ReviewsErrorCode.APPLICATIONS_NOT_SCREENED, { referenceNos: unscreened.map((a) => a.referenceNo) });
    const apps = await this.applications.listForCall(callId, ['passed']);
    if (!apps.length) throw reviewsError(ReviewsErrorCode.NOTHING_TO_REVIEW);
    const created = await this.fill(callId, call.reviewersPerApplication, apps);
    if (call.status === 'closed') call = await this.calls.transition(callId, 'start_review', { review_started_at: this.clock.now() });
    await this.audit.record({ action: 'call.reviewers_assigned', entityType: 'call', entityId: callId, after: { created } });
    return { created, callStatus: call.status, panel: (await this.panel(callId)).items };
  }

  /** A reviewer declares a conflict with the applying organisation: recorded for the whole call, then replaced. */
  async declareConflict(assignmentId: string, reason: string, actor: Actor) {
    const [a] = await this.ctx.manager().query(
      `SELECT ra.*, ap.organisation_id FROM review_assignments ra JOIN applications ap ON ap.id = ra.application_id
        WHERE ra.id = $1 AND ra.reviewer_membership_id = $2 FOR UPDATE OF ra`, [assignmentId, actor.membershipId]);
    if (!a) throw reviewsError(ReviewsErrorCode.ASSIGNMENT_NOT_FOUND, { id: assignmentId });
    if (a.status === 'submitted') throw reviewsError(ReviewsErrorCode.REVIEW_ALREADY_SUBMITTED);
    if (a.status === 'conflict') throw reviewsError(ReviewsErrorCode.CONFLICT_DECLARED);
    await this.ctx.manager().query(
      `INSERT INTO review_conflicts (tenant_id, call_id, membership_id, organisation_id, reason, declared_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
      [this.ctx.tenantId(), a.call_id, actor.membershipId, a.organisation_id, reason, this.clock.now()]);
    await this.ctx.manager().query(`UPDATE review_assignments SET status = 'conflict', version = version + 1, updated_at = now() WHERE id = $1`, [assignmentId]);
    const call = await this.calls.require(a.call_id);
    const app = await this.applications.require(a.application_id);
    const created = await this.fill(a.call_id, call.reviewersPerApplication, [app], assignmentId, false);
    await this.audit.record({ action: 'review.conflict_declared', entityType: 'review_assignment', entityId: assignmentId, after: { reason, replaced: created > 0 } });
    const [replacement] = await this.ctx.manager().query(
      `SELECT id FROM review_assignments WHERE replaces_id = $1`, [assignmentId]);
    return { id: assignmentId, status: 'conflict', replaced: !!replacement, version: Number(a.version) + 1 };
  }

  private async fill(callId: string, perApplication: number, apps: Array<{ id: string; organisationId: string }>, replacesId?: string, strict = true): Promise<number> {
    const panel: Array<{ membership_id: string }> = await this.ctx.manager().query(
      `SELECT r.membership_id FROM call_reviewers r JOIN memberships m ON m.id = r.membership_id
        WHERE r.call_id = $1 AND m.status = 'active' ORDER BY r.created_at, r.membership_id`, [callId]);
    const reviewers = panel.map((p) => p.membership_id);
    const existing: Array<{ application_id: string; reviewer_membership_id: string; status: string }> = await this.ctx.manager().query(
      `SELECT application_id, reviewer_membership_id, status FROM review_assignments WHERE call_id = $1`, [callId]);
    const links = await this.links(callId, reviewers);
    // A reviewer who declared a conflict on an application keeps that row (status conflict) and is never re-assigned.
    const declined = new Set(existing.filter((e) => e.status === 'conflict').map((e) => `${e.reviewer_membership_id}:${e.application_id}`));
    const { assignments, shortages } = assignReviewers({
      applications: apps,
      reviewers,
      perApplication,
      existing: existing.filter((e) => e.status !== 'conflict').map((e) => ({ applicationId: e.application_id, reviewerId: e.reviewer_membership_id })),
      excluded: (r, org) => links.has(`${r}:${org}`),
    });
    const usable = assignments.filter((x) => !declined.has(`${x.reviewerId}:${x.applicationId}`));
    if (strict && shortages.length) throw reviewsError(ReviewsErrorCode.NOT_ENOUGH_REVIEWERS, { applications: shortages.length, perApplication, panel: reviewers.length });
    for (const x of usable) {
      await this.ctx.manager().query(
        `INSERT INTO review_assignments (tenant_id, call_id, application_id, reviewer_membership_id, replaces_id) VALUES ($1, $2, $3, $4, $5)`,
        [this.ctx.tenantId(), callId, x.applicationId, x.reviewerId, replacesId ?? null]);
    }
    return usable.length;
  }

  /**
   * Who on the call's panel may not review which application, and why: a conflict the reviewer declared (with their
   * reason) or a staff link to the applying organisation, now or before. The same pairs assignment keeps apart, named
   * so the officer sees them rather than a count.
   */
  async conflicts(callId: string) {
    await this.calls.require(callId);
    const reviewers: string[] = (await this.ctx.manager().query(
      `SELECT membership_id FROM call_reviewers WHERE call_id = $1
       UNION SELECT membership_id FROM review_conflicts WHERE call_id = $1`, [callId])).map((r: { membership_id: string }) => r.membership_id);
    if (!reviewers.length) return { items: [] };
    const pairs = await this.linkRows(callId, reviewers);
    const rows: Array<Record<string, string | null>> = await this.ctx.manager().query(
      `SELECT p.m, p.kind, rc.reason, rc.declared_at, u.name AS reviewer_name, o.id AS organisation_id, o.name AS organisation_name,
              ap.id AS application_id, ap.reference_no
         FROM jsonb_to_recordset($2::jsonb) AS p(m uuid, o uuid, kind text)
         JOIN applications ap ON ap.call_id = $1 AND ap.organisation_id = p.o AND ap.reference_no IS NOT NULL AND ap.status <> 'withdrawn'
         JOIN organisations o ON o.id = p.o
         JOIN memberships m ON m.id = p.m JOIN users u ON u.id = m.user_id
         LEFT JOIN review_conflicts rc ON p.kind = 'declared' AND rc.call_id = $1 AND rc.membership_id = p.m AND rc.organisation_id = p.o
        ORDER BY ap.reference_no, u.name, p.m`,
      [callId, JSON.stringify(pairs)]);
    return {
      items: rows.map((r) => ({
        membershipId: r.m, reviewerName: r.reviewer_name, organisationId: r.organisation_id, organisationName: r.organisation_name,
        applicationId: r.application_id, referenceNo: r.reference_no, kind: r.kind, reason: r.reason ?? null,
        declaredAt: r.declared_at ? new Date(r.declared_at).toISOString() : null,
      })),
    };
  }

  /** "reviewer:organisation" pairs that must never meet: staff now or before (membership history), or a declared conflict. */
  private async links(callId: string, reviewers: string[]): Promise<Set<string>> {
    return new Set((await this.linkRows(callId, reviewers)).map((r) => `${r.m}:${r.o}`));
  }

  /** The pairs behind `links`, each once: a declared conflict wins over a staff link to the same organisation. */
  private async linkRows(callId: string, reviewers: string[]): Promise<Array<{ m: string; o: string; kind: 'declared' | 'staff' }>> {
    return this.ctx.manager().query(
      `SELECT DISTINCT ON (m, o) m, o, kind FROM (
         SELECT id AS m, organisation_id AS o, 'staff' AS kind FROM memberships WHERE id = ANY($1) AND organisation_id IS NOT NULL
         UNION SELECT entity_id, (before->>'organisationId')::uuid, 'staff' FROM audit_log
          WHERE entity_type = 'membership' AND entity_id = ANY($1) AND before->>'organisationId' ~ '^[0-9a-f-]{36}$'
         UNION SELECT entity_id, (after->>'organisationId')::uuid, 'staff' FROM audit_log
          WHERE entity_type = 'membership' AND entity_id = ANY($1) AND after->>'organisationId' ~ '^[0-9a-f-]{36}$'
         UNION SELECT membership_id, organisation_id, 'declared' FROM review_conflicts WHERE call_id = $2 AND membership_id = ANY($1)
       ) x ORDER BY m, o, kind = 'declared' DESC`,
      [reviewers, callId]);
  }
}
