import { Injectable } from '@nestjs/common';
import { Actor } from '@sanshe/common';
import { Clock } from '@sanshe/common/clock';
import { assertVersion } from '@sanshe/database';
import { OutboxService } from '@sanshe/queue';
import { CallsService } from '../calls/calls.service';
import { OrganisationEligibilityService } from '../organisations/organisation-eligibility.service';
import { ApplicationsErrorCode, applicationsError } from './applications.errors';
import { ApplicationsService } from './applications.service';
import { eligibilityCriteria } from './application-submission.service';

export const APPLICATION_SCREENED = 'applications.screened';

/**
 * Screening (资格审查): the automatic checks (eligibility judged again today, the snapshot's integrity) shown to the
 * officer, then the officer's decision with reasons — pass, return for correction (only while the call is open, so the
 * organisation can still resubmit), or reject. The applicant reads the decision and reasons in the history.
 */
@Injectable()
export class ApplicationScreeningService {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly calls: CallsService,
    private readonly eligibility: OrganisationEligibilityService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  async autoChecks(id: string, actor: Actor) {
    const app = await this.applications.requireVisible(id, actor);
    const call = await this.calls.require(app.callId);
    const verdict = await this.eligibility.check(app.organisationId, eligibilityCriteria(call, this.clock.now()));
    return {
      eligible: verdict.eligible,
      reasons: verdict.reasons,
      judgedOn: verdict.judgedOn,
      submittedBeforeClose: !!app.submittedAt && app.submittedAt < call.closesAt,
      snapshotPresent: !!app.snapshot,
    };
  }

  async screen(id: string, decision: 'pass' | 'return' | 'reject', reason: string, version: number, _actor: Actor) {
    const app = await this.applications.requireVisible(id, _actor, true);
    assertVersion(app, version);
    const call = await this.calls.require(app.callId);
    if (!['published', 'closed'].includes(call.status)) throw applicationsError(ApplicationsErrorCode.SCREENING_CLOSED, { callStatus: call.status });
    const checks = await this.autoChecks(id, _actor);
    if (decision === 'pass' && !checks.eligible) throw applicationsError(ApplicationsErrorCode.SCREENING_CHECKS_FAILED, { reasons: checks.reasons });
    if (decision === 'return' && this.clock.now() >= call.closesAt) {
      throw applicationsError(ApplicationsErrorCode.SCREENING_CLOSED, { hint: 'return is only possible before the close' },
        { zh: '申报已截止，不能再退回补正，请判定通过或不通过', en: 'The call has closed: pass or reject instead of returning' });
    }
    const after = await this.applications.transition(id, decision, reason, {
      auto_checks: JSON.stringify(checks), screening_reason: reason, screened_by: _actor.userId, screened_at: this.clock.now(),
    });
    await this.outbox.publish(APPLICATION_SCREENED, {
      applicationId: id, referenceNo: app.referenceNo, decision, reason, callTitle: call.title, userIds: await this.applications.applicantUserIds(id),
    });
    return this.applications.present(after);
  }
}
