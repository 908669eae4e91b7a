import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { Actor, shanghaiDay } from '@sanshe/common';
import { Clock } from '@sanshe/common/clock';
import { assertVersion } from '@sanshe/database';
import { OutboxService } from '@sanshe/queue';
import { TenantContext, IdempotencyService, ReferenceNumberService } from '@sanshe/tenancy';
import { CallRecord } from '../calls/call.record';
import { CallsService } from '../calls/calls.service';
import { CallsErrorCode, callsError } from '../calls/calls.errors';
import { EligibilityCriteria, OrganisationEligibilityService } from '../organisations/organisation-eligibility.service';
import type { ServiceArea } from '../organisations/service-areas';
import { AttachmentsService } from '../attachments/attachments.service';
import { checkSubmission } from './application-checks';
import { ApplicationRecord } from './application.record';
import { ApplicationsErrorCode, applicationsError } from './applications.errors';
import { ApplicationsService } from './applications.service';
import { APPLICATION_OWNER_TYPE } from './application-documents.policy';

export const APPLICATION_SUBMITTED = 'applications.submitted';
export const APPLICATION_REFERENCE_SERIES = 'GYSB';

/** The call's eligibility rules as the registry's eligibility service takes them. */
export function eligibilityCriteria(call: CallRecord, at: Date): EligibilityCriteria {
  const e = call.eligibility;
  return {
    minGrade: e.minGrade,
    minYearsRegistered: e.minYearsRegistered,
    serviceArea: e.qualifiedServiceArea as ServiceArea | undefined,
    requireQualification: e.requireQualification || !!e.qualifiedServiceArea,
    at: shanghaiDay(at),
  };
}

/**
 * Submitting (提交) and withdrawing (撤回). A submission is judged on the server clock against the call's closing time,
 * checked against the form and the eligibility rules (with the organisation row share-locked, so a blacklisting
 * committed meanwhile waits for it), frozen as a snapshot with its SHA-256, numbered GYSB-<year>-<n>, and acknowledged
 * by notification (through the outbox). `Idempotency-Key` makes a retry return the first answer.
 */
@Injectable()
export class ApplicationSubmissionService {
  constructor(
    private readonly ctx: TenantContext,
    private readonly applications: ApplicationsService,
    private readonly calls: CallsService,
    private readonly eligibility: OrganisationEligibilityService,
    private readonly attachments: AttachmentsService,
    private readonly idempotency: IdempotencyService,
    private readonly references: ReferenceNumberService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  async submit(id: string, version: number, idempotencyKey: string | undefined, actor: Actor) {
    // The instant the request is judged at: taken before any waiting on locks.
    const now = this.clock.now();
    return this.idempotency.run('application.submit', idempotencyKey, { id, version }, async () => {
      const app = await this.applications.require(id, true);
      await this.applications.assertCanEdit(app, actor);
      if (app.status === 'submitted' || app.status === 'passed' || app.status === 'awarded' || app.status === 'declined' || app.status === 'rejected') {
        throw applicationsError(ApplicationsErrorCode.ALREADY_SUBMITTED, { referenceNo: app.referenceNo, submittedAt: app.submittedAt });
      }
      assertVersion(app, version);
      const call = await this.calls.require(app.callId);
      if (call.status !== 'published' || now >= call.closesAt) throw callsError(CallsErrorCode.CALL_CLOSED, { closesAt: call.closesAt, now });
      if (now < call.opensAt) throw callsError(CallsErrorCode.CALL_NOT_OPEN, { opensAt: call.opensAt });
      await this.applications.lockOrganisationInCall(call.id, app.organisationId);
      const [{ n }] = await this.ctx.manager().query(
        `SELECT count(*)::int AS n FROM applications WHERE call_id = $1 AND organisation_id = $2 AND id <> $3 AND reference_no IS NOT NULL AND status <> 'withdrawn'`,
        [call.id, app.organisationId, id]);
      if (n >= call.applicationsPerOrganisation) throw applicationsError(ApplicationsErrorCode.APPLICATION_LIMIT_REACHED, { allowed: call.applicationsPerOrganisation });

      const uploaded = await this.attachments.listFor(APPLICATION_OWNER_TYPE, id);
      const problems = checkSubmission(app, call, new Set(uploaded.map((a) => a.id)));
      if (problems.length) throw applicationsError(ApplicationsErrorCode.APPLICATION_INVALID, undefined, undefined, problems);
      const verdict = await this.eligibility.check(app.organisationId, { ...eligibilityCriteria(call, now), lock: true });
      if (!verdict.eligible) throw applicationsError(ApplicationsErrorCode.NOT_ELIGIBLE, { reasons: verdict.reasons });

      const referenceNo = app.referenceNo ?? (await this.references.next(APPLICATION_REFERENCE_SERIES, Number(shanghaiDay(now).slice(0, 4))));
      const snapshot = this.snapshot(app, call, uploaded, verdict.organisation);
      const sha = createHash('sha256').update(JSON.stringify(snapshot)).digest('hex');
      const submitted = await this.applications.transition(id, 'submit', null, {
        reference_no: referenceNo, submitted_at: now, submitted_by: actor.userId, snapshot: JSON.stringify(snapshot), snapshot_sha256: sha,
        eligibility: JSON.stringify({ judgedOn: verdict.judgedOn, eligible: true, organisation: verdict.organisation }),
      });
      await this.outbox.publish(APPLICATION_SUBMITTED, {
        applicationId: id, referenceNo, callId: call.id, callTitle: call.title, projectTitle: app.title,
        submittedAt: now.toISOString(), userIds: await this.applications.applicantUserIds(id),
      });
      return { ...this.applications.present(submitted), snapshotSha256: sha };
    });
  }

  async withdraw(id: string, version: number, reason: string | undefined, actor: Actor) {
    const app = await this.applications.require(id, true);
    await this.applications.assertCanEdit(app, actor);
    assertVersion(app, version);
    const call = await this.calls.require(app.callId);
    if (this.clock.now() >= call.closesAt) throw callsError(CallsErrorCode.CALL_CLOSED, { closesAt: call.closesAt });
    const after = await this.applications.transition(id, 'withdraw', reason ?? null);
    return this.applications.present(after);
  }

  private snapshot(app: ApplicationRecord, call: CallRecord, files: Array<{ id: string; filename: string; sha256: string; kind: string }>, org: { id: string; name: string; creditCode: string }) {
    return {
      callId: call.id, callTitle: call.title,
      organisation: { id: org.id, name: org.name, creditCode: org.creditCode },
      title: app.title, summary: app.summary, requestedFen: app.requestedFen, coFundingFen: app.coFundingFen ?? '0',
      core: app.core, answers: app.answers, form: call.form,
      attachments: files.map((f) => ({ id: f.id, kind: f.kind, filename: f.filename, sha256: f.sha256 })),
    };
  }
}
