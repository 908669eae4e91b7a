import { Injectable } from '@nestjs/common';
import { Actor, Role } from '@sanshe/common';
import { TenantContext } from '@sanshe/tenancy';
import { CaseworkErrorCode, caseworkError } from './casework.errors';

/**
 * Who may see which casework, decided in one place:
 *  - a social worker: cases where they are the responsible worker or an assigned assistant, and the people in them;
 *  - a supervisor: also the cases of the workers they supervise (an active supervision assignment);
 *  - the organisation admin: everything of their organisation;
 *  - district officials: aggregates only (the person routes do not admit their roles at all);
 *  - another organisation or district: nothing (RLS stops other districts; the organisation filter the rest).
 * Records outside the scope answer 404, so their existence is not revealed either.
 */
export interface CaseworkScope {
  organisationId: string;
  membershipId: string;
  userId: string;
  isOrgAdmin: boolean;
  isSupervisor: boolean;
  /** Responsible workers whose cases are visible: null = the whole organisation. */
  workers: string[] | null;
}

export const CASEWORK_ROLES: Role[] = [Role.SocialWorker, Role.Supervisor, Role.OrgAdmin];
export const OFFICIAL_ROLES: Role[] = [Role.DistrictAdmin, Role.ProgrammeOfficer, Role.FinanceOfficer];

@Injectable()
export class CaseworkAccess {
  constructor(private readonly ctx: TenantContext) {}

  async scope(actor: Actor): Promise<CaseworkScope> {
    if (!actor.organisationId || !actor.membershipId) throw caseworkError(CaseworkErrorCode.ORGANISATION_REQUIRED);
    const isOrgAdmin = actor.roles.includes(Role.OrgAdmin);
    const isSupervisor = actor.roles.includes(Role.Supervisor);
    let workers: string[] | null = null;
    if (!isOrgAdmin) {
      workers = [actor.membershipId];
      if (isSupervisor) workers.push(...(await this.supervisees(actor.membershipId)));
    }
    return { organisationId: actor.organisationId, membershipId: actor.membershipId, userId: actor.userId, isOrgAdmin, isSupervisor, workers };
  }

  async supervisees(supervisorMembershipId: string): Promise<string[]> {
    const rows: Array<{ worker_membership_id: string }> = await this.ctx.manager().query(
      `SELECT worker_membership_id FROM supervision_assignments WHERE supervisor_membership_id = $1 AND ended_at IS NULL`, [supervisorMembershipId]);
    return rows.map((r) => r.worker_membership_id);
  }

  async supervisorsOf(workerMembershipId: string): Promise<string[]> {
    const rows: Array<{ supervisor_membership_id: string }> = await this.ctx.manager().query(
      `SELECT a.supervisor_membership_id FROM supervision_assignments a JOIN memberships m ON m.id = a.supervisor_membership_id
        WHERE a.worker_membership_id = $1 AND a.ended_at IS NULL AND m.status = 'active' AND m.roles @> ARRAY['supervisor']::text[]`,
      [workerMembershipId]);
    return rows.map((r) => r.supervisor_membership_id);
  }

  /** SQL predicate for cases visible in the scope; pushes its parameters onto `params`. */
  caseFilter(scope: CaseworkScope, alias: string, params: unknown[]): string {
    params.push(scope.organisationId);
    const org = `${alias}.organisation_id = $${params.length}`;
    if (!scope.workers) return org;
    params.push(scope.workers, scope.membershipId);
    const w = params.length - 1;
    const me = params.length;
    return `(${org} AND (${alias}.worker_membership_id = ANY($${w}::uuid[])
             OR EXISTS (SELECT 1 FROM case_assistants ca WHERE ca.case_id = ${alias}.id AND ca.membership_id = $${me})))`;
  }

  /** People visible in the scope: registered by someone in it, or in a case visible in it. */
  beneficiaryFilter(scope: CaseworkScope, alias: string, params: unknown[]): string {
    params.push(scope.organisationId);
    const org = `${alias}.organisation_id = $${params.length}`;
    if (!scope.workers) return org;
    const cases = this.caseFilter(scope, 'vc', params);
    const w = params.length - 1;
    return `(${org} AND (${alias}.created_by_membership_id = ANY($${w}::uuid[])
             OR EXISTS (SELECT 1 FROM cases vc WHERE vc.beneficiary_id = ${alias}.id AND ${cases})))`;
  }

  /** An active member of the organisation holding one of the roles (for assignments, leaders, supervisors). */
  async requireOrgMember(scope: CaseworkScope, membershipId: string, roles: Role[] = [Role.SocialWorker, Role.Supervisor]): Promise<void> {
    const [row]: Array<{ roles: Role[] }> = await this.ctx.manager().query(
      `SELECT roles FROM memberships WHERE id = $1 AND organisation_id = $2 AND status = 'active'`, [membershipId, scope.organisationId]);
    if (!row) throw caseworkError(CaseworkErrorCode.MEMBER_NOT_IN_ORGANISATION, { membershipId });
    if (!roles.some((r) => row.roles.includes(r))) throw caseworkError(CaseworkErrorCode.ROLE_MISMATCH, { membershipId, neededAnyOf: roles });
  }
}
