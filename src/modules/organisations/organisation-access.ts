import { Actor, DISTRICT_OFFICIAL_ROLES, ORGANISATION_ROLES, Role, isDistrictOfficial } from '@sanshe/common';

/**
 * Who may do what with a registry record — the one policy the services call in one line.
 * - District officials (admin, programme officer, finance) see every record with its private fields (contact,
 *   bank account); admins and programme officers decide (verify, grade, standing, qualifications).
 * - An organisation's own people see their record; its admins change it.
 * - Nobody else sees a record at all (404, so ids reveal nothing): not another organisation in the same district,
 *   and row-level security already hides other districts.
 */
export const REGISTRY_READERS: Role[] = DISTRICT_OFFICIAL_ROLES;
export const REGISTRY_DECIDERS: Role[] = [Role.DistrictAdmin, Role.ProgrammeOfficer];

export function isRegistryReader(actor: Actor): boolean {
  return isDistrictOfficial(actor);
}

export function isRegistryDecider(actor: Actor): boolean {
  return actor.roles.some((r) => REGISTRY_DECIDERS.includes(r));
}

/** The actor holds an organisation role for this very organisation. */
export function actsFor(actor: Actor, organisationId: string): boolean {
  return !!actor.organisationId && actor.organisationId === organisationId && actor.roles.some((r) => ORGANISATION_ROLES.includes(r));
}

export function isOrgAdminOf(actor: Actor, organisationId: string): boolean {
  return actor.organisationId === organisationId && actor.roles.includes(Role.OrgAdmin);
}

export function canSeeOrganisation(actor: Actor, organisationId: string): boolean {
  return isRegistryReader(actor) || actsFor(actor, organisationId);
}

/** Edit the profile, submit, upload documents, apply for qualification, invite staff. */
export function canManageOrganisation(actor: Actor, organisationId: string): boolean {
  return isRegistryDecider(actor) || isOrgAdminOf(actor, organisationId);
}
