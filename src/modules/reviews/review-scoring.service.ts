import { Injectable, OnModuleInit } from '@nestjs/common';
import { Actor, FieldError } from '@sanshe/common';
import { Clock } from '@sanshe/common/clock';
import { AuditService } from '@sanshe/audit';
import { assertVersion } from '@sanshe/database';
import { TenantContext } from '@sanshe/tenancy';
import { APPLICANT_IDENTIFYING_KINDS, APPLICATION_DOCUMENT_KINDS, ApplicationDocumentsPolicy, ReviewerFileAccess } from '../applications/application-documents.policy';
import { ApplicationsService } from '../applications/applications.service';
import { CallRecord } from '../calls/call.record';
import { CallsService } from '../calls/calls.service';
import { weightedTotal } from './aggregation';
import { ReviewsErrorCode, reviewsError } from './reviews.errors';
import { CriterionScoreDto } from './dto/review.dto';
import { WAITING_ORDER, WaitingList, toWaitingList } from '../workbench/waiting-item';

interface AssignmentRow {
  id: string;
  call_id: string;
  application_id: string;
  status: 'assigned' | 'submitted' | 'conflict';
  scores: CriterionScoreDto[];
  comment: string | null;
  weighted_total: string | null;
  submitted_at: Date | null;
  version: number;
}

/**
 * What a reviewer does: list and read only their own assignments (without the applicant's identity when the call is
 * blind, and never another reviewer's scores), save scores per criterion within the rubric's range with comments,
 * and submit once before the review deadline. Another reviewer's assignment is 404, as if it did not exist. It also
 * tells the application's file policy who is assigned, so reviewers can open the files they score.
 */
@Injectable()
export class ReviewScoringService implements ReviewerFileAccess, OnModuleInit {
  constructor(
    private readonly ctx: TenantContext,
    private readonly audit: AuditService,
    private readonly calls: CallsService,
    private readonly applications: ApplicationsService,
    private readonly clock: Clock,
    private readonly documents: ApplicationDocumentsPolicy,
  ) {}

  onModuleInit(): void {
    this.documents.allowReviewers(this);
  }

  /** A submitted review still counts: its reviewer may re-read what they scored. A conflicted (replaced) one does not. */
  async reviewerAccess(applicationId: string, actor: Actor): Promise<{ blind: boolean } | null> {
    if (!actor.membershipId) return null;
    const [row] = await this.ctx.manager().query(
      `SELECT c.blind_review FROM review_assignments ra JOIN calls c ON c.id = ra.call_id
        WHERE ra.application_id = $1 AND ra.reviewer_membership_id = $2 AND ra.status <> 'conflict'`, [applicationId, actor.membershipId]);
    return row ? { blind: row.blind_review } : null;
  }

  async mine(actor: Actor) {
    const rows = await this.ctx.manager().query(
      `SELECT ra.id, ra.status, ra.submitted_at, ra.call_id, c.title AS call_title, c.review_by, c.blind_review,
              ap.reference_no, ap.title, o.name AS organisation_name
         FROM review_assignments ra JOIN calls c ON c.id = ra.call_id JOIN applications ap ON ap.id = ra.application_id
         JOIN organisations o ON o.id = ap.organisation_id
        WHERE ra.reviewer_membership_id = $1 ORDER BY c.review_by, ap.reference_no`, [actor.membershipId]);
    return {
      items: rows.map((r: Record<string, any>) => ({
        id: r.id, status: r.status, submittedAt: r.submitted_at, callId: r.call_id, callTitle: r.call_title, reviewBy: r.review_by,
        referenceNo: r.reference_no, projectTitle: r.title, ...(r.blind_review ? {} : { organisationName: r.organisation_name }),
      })),
    };
  }

  async get(id: string, actor: Actor) {
    const a = await this.find(id, actor);
    const call = await this.calls.require(a.call_id);
    const app = await this.applications.require(a.application_id);
    const snapshot = { ...(app.snapshot ?? {}) } as Record<string, unknown>;
    if (call.blindReview) delete snapshot.organisation;
    // The files submitted with the application that this reviewer may open (the same rule as the file policy above).
    const files = (snapshot.attachments ?? []) as Array<{ id: string; kind: string; filename: string; sha256: string }>;
    snapshot.attachments = a.status === 'conflict' ? [] : files
      .filter((f) => !(call.blindReview && APPLICANT_IDENTIFYING_KINDS.has(f.kind)))
      .map((f) => ({
        ...f, kindLabel: APPLICATION_DOCUMENT_KINDS[f.kind as keyof typeof APPLICATION_DOCUMENT_KINDS] ?? null,
        downloadUrl: `/api/v1/attachments/${f.id}/content`,
      }));
    return {
      id: a.id, status: a.status, version: a.version, scores: a.scores, comment: a.comment,
      weightedTotal: a.weighted_total === null ? null : Number(a.weighted_total), submittedAt: a.submitted_at,
      call: { id: call.id, title: call.title, rubric: call.rubric, reviewBy: call.reviewBy, blindReview: call.blindReview },
      application: { referenceNo: app.referenceNo, ...snapshot, ...(call.blindReview ? {} : { organisationName: app.organisationName }) },
    };
  }

  async save(id: string, scores: CriterionScoreDto[], comment: string | undefined, version: number, actor: Actor) {
    const a = await this.find(id, actor, true);
    const call = await this.assertOpen(a);
    assertVersion(a, version);
    const problems = this.checkScores(scores, call, false);
    if (problems.length) throw reviewsError(ReviewsErrorCode.SCORES_INVALID, undefined, undefined, problems);
    await this.ctx.manager().query(
      `UPDATE review_assignments SET scores = $2, comment = $3, version = version + 1, updated_at = now() WHERE id = $1`,
      [id, JSON.stringify(scores), comment ?? a.comment]);
    return this.get(id, actor);
  }

  async submit(id: string, version: number, actor: Actor) {
    const a = await this.find(id, actor, true);
    const call = await this.assertOpen(a);
    assertVersion(a, version);
    const problems = this.checkScores(a.scores, call, true);
    if (problems.length) throw reviewsError(ReviewsErrorCode.SCORES_INVALID, undefined, undefined, problems);
    const total = weightedTotal(a.scores, call.rubric);
    await this.ctx.manager().query(
      `UPDATE review_assignments SET status = 'submitted', weighted_total = $2, submitted_at = $3, version = version + 1, updated_at = now() WHERE id = $1`,
      [id, total, this.clock.now()]);
    await this.audit.record({ action: 'review.submitted', entityType: 'review_assignment', entityId: id, after: { weightedTotal: total } });
    return this.get(id, actor);
  }

  private async find(id: string, actor: Actor, lock = false): Promise<AssignmentRow> {
    const [row] = await this.ctx.manager().query(
      `SELECT * FROM review_assignments WHERE id = $1 AND reviewer_membership_id = $2${lock ? ' FOR UPDATE' : ''}`, [id, actor.membershipId ?? null]);
    if (!row) throw reviewsError(ReviewsErrorCode.ASSIGNMENT_NOT_FOUND, { id });
    return row;
  }

  private async assertOpen(a: AssignmentRow): Promise<CallRecord> {
    if (a.status === 'conflict') throw reviewsError(ReviewsErrorCode.CONFLICT_DECLARED);
    if (a.status === 'submitted') throw reviewsError(ReviewsErrorCode.REVIEW_ALREADY_SUBMITTED);
    const call = await this.calls.require(a.call_id);
    if (call.status !== 'reviewing') throw reviewsError(ReviewsErrorCode.REVIEW_NOT_OPEN, { status: call.status });
    if (this.clock.now() >= call.reviewBy) throw reviewsError(ReviewsErrorCode.REVIEW_DEADLINE_PASSED, { reviewBy: call.reviewBy });
    return call;
  }

  private checkScores(scores: Array<{ code: string; score: number }>, call: CallRecord, complete: boolean): FieldError[] {
    const out: FieldError[] = [];
    const { criteria, scoreMin, scoreMax } = call.rubric;
    const codes = new Set(criteria.map((c) => c.code));
    const seen = new Set<string>();
    scores.forEach((s, i) => {
      const f = `scores[${i}]`;
      if (!codes.has(s.code)) out.push({ field: `${f}.code`, code: 'unknown', zh: `${f}.code：评分标准中没有 ${s.code}`, en: `${f}.code: no criterion ${s.code}` });
      if (seen.has(s.code)) out.push({ field: `${f}.code`, code: 'duplicate', zh: `${f}.code：重复评分`, en: `${f}.code: scored twice` });
      seen.add(s.code);
      if (typeof s.score !== 'number' || s.score < scoreMin || s.score > scoreMax || Math.round(s.score * 10) !== s.score * 10) {
        out.push({ field: `${f}.score`, code: 'range', zh: `${f}.score：应在 ${scoreMin}–${scoreMax} 之间（最多一位小数）`, en: `${f}.score: must be within ${scoreMin}–${scoreMax} (one decimal at most)` });
      }
    });
    if (complete) {
      for (const c of criteria) {
        if (!seen.has(c.code)) out.push({ field: `scores.${c.code}`, code: 'required', zh: `scores：「${c.name}」尚未评分`, en: `scores: "${c.name}" is not scored` });
      }
    }
    return out;
  }

  /** Workbench: the reviewer's own assignments not yet submitted on calls under review, due by the review deadline. */
  async waitingForReviewer(actor: Actor): Promise<WaitingList> {
    if (!actor.membershipId) return { total: 0, items: [] };
    const rows = await this.ctx.manager().query(
      `SELECT ra.id, ap.title, ap.reference_no, c.review_by AS due_at, ap.reference_no AS sort_key, count(*) OVER () AS total
         FROM review_assignments ra JOIN calls c ON c.id = ra.call_id JOIN applications ap ON ap.id = ra.application_id
        WHERE ra.reviewer_membership_id = $1 AND ra.status = 'assigned' AND c.status = 'reviewing' ${WAITING_ORDER}`, [actor.membershipId]);
    return toWaitingList(rows, (r: Record<string, any>) => ({
      id: r.id, title: r.title, reference: r.reference_no, dueAt: r.due_at, path: `/reviews/${r.id}`,
    }));
  }
}
