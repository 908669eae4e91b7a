import { Injectable } from '@nestjs/common';
import { Actor, DISTRICT_OFFICIAL_ROLES, ORGANISATION_ROLES, Role, isDistrictOfficial } from '@sanshe/common';
import { TenantContext } from '@sanshe/tenancy';
import { ProjectsErrorCode, projectsError } from './projects.errors';

/** District officials see and steer every project of the district. */
export const PROJECT_OFFICIALS: Role[] = DISTRICT_OFFICIAL_ROLES;
/** Everyone who may open a project at all (each further limited by `ProjectAccess`). */
export const PROJECT_READERS: Role[] = [...PROJECT_OFFICIALS, Role.Evaluator, ...ORGANISATION_ROLES];
/** Who writes reports and asks for changes on behalf of the organisation. */
export const ORGANISATION_WRITERS: Role[] = [Role.OrgAdmin, Role.OrgStaff];

export interface ProjectRow {
  id: string;
  referenceNo: string;
  title: string;
  organisationId: string;
  officerUserId: string;
  status: 'unfunded' | 'active' | 'closed';
  amountFen: bigint;
  startsOn: string;
  endsOn: string;
  agreementSignedOn: string | null;
  fundAccountId: string;
  grantAccountId: string;
  planVersion: number;
  refundedFen: bigint;
  version: number;
}

const COLUMNS = `id, reference_no, title, organisation_id, officer_user_id, status, amount_fen, starts_on::text, ends_on::text,
  agreement_signed_on::text, fund_account_id, grant_account_id, plan_version, refunded_fen, version`;

function toRow(r: Record<string, any>): ProjectRow {
  return {
    id: r.id, referenceNo: r.reference_no, title: r.title, organisationId: r.organisation_id, officerUserId: r.officer_user_id,
    status: r.status, amountFen: BigInt(r.amount_fen), startsOn: r.starts_on, endsOn: r.ends_on, agreementSignedOn: r.agreement_signed_on,
    fundAccountId: r.fund_account_id, grantAccountId: r.grant_account_id, planVersion: r.plan_version, refundedFen: BigInt(r.refunded_fen), version: r.version,
  };
}


/**
 * Who sees which project — the one policy every projects service calls in one line:
 * - district officials (admin, programme officer, finance): every project of the district;
 * - an organisation's people: their organisation's projects only;
 * - an evaluator: only projects assigned to them (`evaluation_assignments`);
 * - anyone else, and everybody for another district's ids (RLS): 404, so an id reveals nothing.
 */
@Injectable()
export class ProjectAccess {
  constructor(private readonly ctx: TenantContext) {}

  /** The project if the actor may see it (404 otherwise); `lock` takes the row FOR UPDATE for a change. */
  async load(projectId: string, actor: Actor, opts: { lock?: boolean } = {}): Promise<ProjectRow> {
    const [row] = await this.ctx.manager().query(`SELECT ${COLUMNS} FROM projects WHERE id = $1 ${opts.lock ? 'FOR UPDATE' : ''}`, [projectId]);
    if (!row || !(await this.canSee(toRow(row), actor))) throw projectsError(ProjectsErrorCode.PROJECT_NOT_FOUND, { projectId });
    return toRow(row);
  }

  /** For jobs and handlers that act for the system, not a person. */
  async loadAsSystem(projectId: string, opts: { lock?: boolean } = {}): Promise<ProjectRow | undefined> {
    const [row] = await this.ctx.manager().query(`SELECT ${COLUMNS} FROM projects WHERE id = $1 ${opts.lock ? 'FOR UPDATE' : ''}`, [projectId]);
    return row ? toRow(row) : undefined;
  }

  /** Loads for a change: visible, locked, and not closed (a closed project is read-only). */
  async loadWritable(projectId: string, actor: Actor): Promise<ProjectRow> {
    const p = await this.load(projectId, actor, { lock: true });
    if (p.status === 'closed') throw projectsError(ProjectsErrorCode.PROJECT_CLOSED, { projectId });
    return p;
  }

  async canSee(p: { id: string; organisationId: string }, actor: Actor): Promise<boolean> {
    if (isDistrictOfficial(actor)) return true;
    if (this.actsForOrganisation(p.organisationId, actor)) return true;
    if (actor.roles.includes(Role.Evaluator) && actor.membershipId) return this.isAssigned(p.id, actor.membershipId);
    return false;
  }

  /** The organisation's own people (any organisation role) act for its projects; officials and evaluators do not. */
  actsForOrganisation(organisationId: string, actor: Actor): boolean {
    return !!actor.organisationId && actor.organisationId === organisationId && actor.roles.some((r) => ORGANISATION_ROLES.includes(r));
  }

  async isAssigned(projectId: string, membershipId: string): Promise<boolean> {
    const rows = await this.ctx.manager().query(
      `SELECT 1 FROM evaluation_assignments WHERE project_id = $1 AND evaluator_membership_id = $2 AND ended_at IS NULL`, [projectId, membershipId]);
    return rows.length > 0;
  }

  /** The organisation's own writers (admin, staff) for this project. */
  requireOrganisationWriter(p: ProjectRow, actor: Actor): void {
    if (actor.organisationId !== p.organisationId || !actor.roles.some((r) => ORGANISATION_WRITERS.includes(r))) {
      throw projectsError(ProjectsErrorCode.NOT_YOUR_PROJECT, { projectId: p.id });
    }
  }

  /**
   * A SQL condition on `projects p` limiting a list to what the actor may see; pushes its parameters onto `params`.
   */
  visibility(actor: Actor, params: unknown[]): string {
    if (isDistrictOfficial(actor)) return 'true';
    const parts: string[] = [];
    if (actor.organisationId && actor.roles.some((r) => ORGANISATION_ROLES.includes(r))) {
      params.push(actor.organisationId);
      parts.push(`p.organisation_id = $${params.length}`);
    }
    if (actor.roles.includes(Role.Evaluator) && actor.membershipId) {
      params.push(actor.membershipId);
      parts.push(`EXISTS (SELECT 1 FROM evaluation_assignments ea WHERE ea.project_id = p.id AND ea.evaluator_membership_id = $${params.length} AND ea.ended_at IS NULL)`);
    }
    return parts.length ? `(${parts.join(' OR ')})` : 'false';
  }
}
