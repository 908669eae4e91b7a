import { Injectable } from '@nestjs/common';
import { Actor, Role } from '@sanshe/common';
import { Clock } from '@sanshe/common/clock';
import { ApplicationsService } from '../applications/applications.service';
import { CallsService } from '../calls/calls.service';
import { CaseloadService } from '../casework/caseload.service';
import { OutcomeWaitingService } from '../calls/outcome/outcome-waiting.service';
import { EvaluationsService } from '../evaluations/evaluations.service';
import { MembersService } from '../members/members.service';
import { OrganisationQualificationsService } from '../organisations/organisation-qualifications.service';
import { OrganisationRegistryService } from '../organisations/organisation-registry.service';
import { ProjectReportsService } from '../project-reports/project-reports.service';
import { ProjectChangesService } from '../projects/project-changes.service';
import { ProjectLifecycleService } from '../projects/project-lifecycle.service';
import { TranchesService } from '../projects/tranches.service';
import { ReviewScoringService } from '../reviews/review-scoring.service';
import { WaitingList, WorkbenchKind } from './waiting-item';
import { WorkbenchDto, WorkbenchItemDto } from './workbench.dto';

/** Drafts show up once their call closes within this time. */
export const DRAFT_HORIZON_MS = 7 * 24 * 3600_000;
/** Reports show up this many days before they are due. */
export const REPORT_HORIZON_DAYS = 14;

interface Source {
  kind: WorkbenchKind;
  /** Who is asked: the roles that can act on the item (the same roles the acting route admits). */
  roles: Role[];
  read(actor: Actor, now: Date): Promise<WaitingList>;
}

/**
 * The home page's "what is waiting for me" (工作台): for each kind of work the person's roles can act on, the owning
 * module's own query (its visibility rules included: a reviewer's own assignments, an organisation's own records,
 * officials by role). This service reads no table itself; it only asks, merges, sorts and judges `overdue` on the
 * one injectable clock.
 */
@Injectable()
export class WorkbenchService {
  private readonly sources: Source[];

  constructor(
    private readonly clock: Clock,
    applications: ApplicationsService,
    reviews: ReviewScoringService,
    outcomes: OutcomeWaitingService,
    calls: CallsService,
    caseload: CaseloadService,
    tranches: TranchesService,
    lifecycle: ProjectLifecycleService,
    changes: ProjectChangesService,
    reports: ProjectReportsService,
    evaluations: EvaluationsService,
    registry: OrganisationRegistryService,
    qualifications: OrganisationQualificationsService,
    members: MembersService,
  ) {
    const { DistrictAdmin: admin, ProgrammeOfficer: officer, FinanceOfficer: finance } = Role;
    this.sources = [
      { kind: 'call_to_publish', roles: [admin], read: () => calls.waitingForPublication() },
      { kind: 'application_to_screen', roles: [admin, officer], read: () => applications.waitingForScreening() },
      { kind: 'notice_ending', roles: [admin, officer], read: (_, now) => outcomes.noticesEnding(now) },
      { kind: 'objection_to_answer', roles: [admin, officer], read: () => outcomes.objectionsToAnswer() },
      { kind: 'change_to_approve', roles: [officer], read: () => changes.awaitingDecision() },
      { kind: 'report_to_approve', roles: [officer], read: () => reports.waitingForApproval() },
      { kind: 'report_overdue', roles: [officer], read: (_, now) => reports.overdue(now) },
      { kind: 'organisation_to_verify', roles: [admin, officer], read: () => registry.awaitingDecision() },
      { kind: 'qualification_to_review', roles: [admin, officer], read: () => qualifications.awaitingReview() },
      { kind: 'closure_ready', roles: [admin, officer, finance], read: () => lifecycle.readyToClose() },
      { kind: 'tranche_to_release', roles: [finance], read: () => tranches.readyToRelease() },
      { kind: 'invitation_pending', roles: [admin], read: () => members.pendingInvitations() },
      { kind: 'review_to_score', roles: [Role.Reviewer], read: (actor) => reviews.waitingForReviewer(actor) },
      { kind: 'evaluation_due', roles: [Role.Evaluator], read: (actor) => evaluations.dueFor(actor) },
      { kind: 'award_to_accept', roles: [Role.OrgAdmin], read: (actor) => outcomes.awardsToAccept(actor) },
      { kind: 'report_to_submit', roles: [Role.OrgAdmin, Role.OrgStaff], read: (actor, now) => reports.waitingForSubmission(actor, now, REPORT_HORIZON_DAYS) },
      { kind: 'application_to_submit', roles: [Role.OrgAdmin, Role.OrgStaff], read: (actor, now) => applications.waitingForSubmission(actor, now, DRAFT_HORIZON_MS) },
      { kind: 'case_to_approve', roles: [Role.Supervisor], read: (actor) => caseload.waitingForApproval(actor) },
      { kind: 'case_due', roles: [Role.SocialWorker, Role.Supervisor], read: (actor) => caseload.waitingForWorker(actor) },
    ];
  }

  async forActor(actor: Actor): Promise<WorkbenchDto> {
    const now = this.clock.now();
    const items: WorkbenchItemDto[] = [];
    const counts: Partial<Record<WorkbenchKind, number>> = {};
    // One after another on purpose: they share the request's single transaction (and connection).
    for (const source of this.sources) {
      if (!source.roles.some((r) => actor.roles.includes(r))) continue;
      const list = await source.read(actor, now);
      counts[source.kind] = list.total;
      for (const it of list.items) {
        const dueAt = it.dueAt ? new Date(it.dueAt) : null;
        items.push({
          kind: source.kind, id: it.id, title: it.title, reference: it.reference, dueAt: dueAt ? dueAt.toISOString() : null,
          overdue: !!dueAt && now >= dueAt, path: it.path, detail: it.detail ?? null,
        });
      }
    }
    // Stable sort: undated items keep their kind's own order (oldest first) after every dated one.
    items.sort((a, b) => (a.dueAt === b.dueAt ? 0 : a.dueAt === null ? 1 : b.dueAt === null ? -1 : a.dueAt < b.dueAt ? -1 : 1));
    return { items, counts, generatedAt: now.toISOString() };
  }
}
