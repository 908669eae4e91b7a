import { Actor, ORGANISATION_ROLES, Role, isDistrictOfficial } from '@sanshe/common';
import type { ApplicationCore } from './application-checks';
import type { ApplicationStatus } from './application.transitions';

export interface ApplicationRecord {
  id: string;
  callId: string;
  organisationId: string;
  organisationName: string;
  createdByMembershipId: string;
  title: string;
  summary: string;
  requestedFen: string | null;
  coFundingFen: string | null;
  core: ApplicationCore;
  answers: Record<string, unknown>;
  status: ApplicationStatus;
  referenceNo: string | null;
  submittedAt: Date | null;
  submittedBy: string | null;
  snapshot: Record<string, unknown> | null;
  snapshotSha256: string | null;
  eligibility: unknown;
  autoChecks: unknown;
  screeningReason: string | null;
  screenedAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export const APPLICATION_SELECT = `SELECT a.*, o.name AS organisation_name FROM applications a JOIN organisations o ON o.id = a.organisation_id`;

export function toApplicationRecord(r: Record<string, any>): ApplicationRecord {
  return {
    id: r.id, callId: r.call_id, organisationId: r.organisation_id, organisationName: r.organisation_name,
    createdByMembershipId: r.created_by_membership_id, title: r.title, summary: r.summary,
    requestedFen: r.requested_fen === null ? null : String(r.requested_fen), coFundingFen: r.co_funding_fen === null ? null : String(r.co_funding_fen),
    core: r.core, answers: r.answers, status: r.status, referenceNo: r.reference_no, submittedAt: r.submitted_at, submittedBy: r.submitted_by,
    snapshot: r.snapshot, snapshotSha256: r.snapshot_sha256, eligibility: r.eligibility, autoChecks: r.auto_checks,
    screeningReason: r.screening_reason, screenedAt: r.screened_at, version: r.version, createdAt: r.created_at, updatedAt: r.updated_at,
  };
}

/**
 * Who may do what with an application — the one policy the services call.
 * - The applying organisation's own people (admin, staff, social workers, supervisors) read it; its admins, the person
 *   who started it and the colleagues invited to co-edit change and submit it.
 * - District officials read it once submitted (a draft is the organisation's private work).
 * - Reviewers read only what the reviews module shows them; nobody else sees it at all (404).
 */
export function actsForApplicant(actor: Actor, app: Pick<ApplicationRecord, 'organisationId'>): boolean {
  return actor.organisationId === app.organisationId && actor.roles.some((r) => ORGANISATION_ROLES.includes(r));
}

export function isApplicantRole(actor: Actor): boolean {
  return !!actor.organisationId && (actor.roles.includes(Role.OrgAdmin) || actor.roles.includes(Role.OrgStaff));
}


export function canReadApplication(actor: Actor, app: ApplicationRecord): boolean {
  return actsForApplicant(actor, app) || (isDistrictOfficial(actor) && app.status !== 'draft' && !(app.status === 'withdrawn' && !app.referenceNo));
}

export function canEditApplication(actor: Actor, app: ApplicationRecord, editorMembershipIds: string[]): boolean {
  if (!actsForApplicant(actor, app) || !isApplicantRole(actor)) return false;
  return actor.roles.includes(Role.OrgAdmin) || actor.membershipId === app.createdByMembershipId || editorMembershipIds.includes(actor.membershipId ?? '');
}
