import { Injectable } from '@nestjs/common';
import { Actor, CommonErrorCode, Page, Role, commonError } from '@sanshe/common';
import { Clock } from '@sanshe/common/clock';
import { AuditService } from '@sanshe/audit';
import { keysetPage } from '@sanshe/database';
import { FieldCipher } from '@sanshe/crypto';
import { TenantContext } from '@sanshe/tenancy';
import { CaseworkAccess, CaseworkScope } from './casework-access.service';
import { CaseworkErrorCode, caseworkError } from './casework.errors';
import { F } from './casework-fields';
import { CasesService } from './cases.service';
import { CertificateDto, ListAssignmentsQuery, SupervisionAssignmentDto, SupervisionSessionDto } from './dto/supervision.dto';

interface AssignmentRow {
  id: string;
  supervisor_membership_id: string;
  supervisor_name: string;
  worker_membership_id: string;
  worker_name: string;
  started_at: Date;
  ended_at: Date | null;
}

const ASSIGNMENT_SELECT = `SELECT a.id, a.supervisor_membership_id, su.name AS supervisor_name, a.worker_membership_id, wu.name AS worker_name, a.started_at, a.ended_at
    FROM supervision_assignments a
    JOIN memberships sm ON sm.id = a.supervisor_membership_id JOIN users su ON su.id = sm.user_id
    JOIN memberships wm ON wm.id = a.worker_membership_id JOIN users wu ON wu.id = wm.user_id`;

function assignmentOut(r: AssignmentRow) {
  return {
    id: r.id, supervisor: { membershipId: r.supervisor_membership_id, name: r.supervisor_name },
    worker: { membershipId: r.worker_membership_id, name: r.worker_name }, startedAt: r.started_at, endedAt: r.ended_at, active: !r.ended_at,
  };
}

export const CERTIFICATE_LABELS = {
  assistant: { zh: '助理社会工作师', en: 'Assistant social worker' },
  intermediate: { zh: '社会工作师', en: 'Social worker' },
  senior: { zh: '高级社会工作师', en: 'Senior social worker' },
} as const;

/**
 * Supervision (督导): the organisation admin decides who supervises whom (same organisation only); supervisors log
 * supervision sessions with their workers. Also workers' professional certificates, kept on their profile.
 */
@Injectable()
export class SupervisionService {
  constructor(
    private readonly clock: Clock,
    private readonly ctx: TenantContext,
    private readonly cipher: FieldCipher,
    private readonly access: CaseworkAccess,
    private readonly cases: CasesService,
    private readonly audit: AuditService,
  ) {}

  async assign(dto: SupervisionAssignmentDto, actor: Actor) {
    const scope = await this.access.scope(actor);
    await this.access.requireOrgMember(scope, dto.supervisorMembershipId, [Role.Supervisor]);
    await this.access.requireOrgMember(scope, dto.workerMembershipId, [Role.SocialWorker, Role.Supervisor]);
    if (dto.supervisorMembershipId === dto.workerMembershipId) throw caseworkError(CaseworkErrorCode.ROLE_MISMATCH, { reason: 'self' });
    const rows: Array<{ id: string }> = await this.ctx.manager().query(
      `INSERT INTO supervision_assignments (tenant_id, organisation_id, supervisor_membership_id, worker_membership_id, created_by, started_at)
       VALUES ($1,$2,$3,$4,$5,$6) ON CONFLICT (tenant_id, supervisor_membership_id, worker_membership_id) WHERE ended_at IS NULL DO NOTHING RETURNING id`,
      [this.ctx.tenantId(), scope.organisationId, dto.supervisorMembershipId, dto.workerMembershipId, actor.userId, this.clock.now()]);
    if (!rows[0]) throw caseworkError(CaseworkErrorCode.ASSIGNMENT_EXISTS);
    await this.audit.record({ action: 'supervision.assigned', entityType: 'supervision_assignment', entityId: rows[0].id, after: dto });
    return this.getAssignment(scope, rows[0].id);
  }

  /**
   * Ends an assignment of the organisation. Another organisation's (or district's) id is "not found"; one already
   * ended is an illegal move of its two-state life, told apart so a retried click is not taken for a wrong id.
   */
  async endAssignment(id: string, actor: Actor) {
    const scope = await this.access.scope(actor);
    const m = this.ctx.manager();
    const [a] = await m.query(`SELECT ended_at FROM supervision_assignments WHERE id = $1 AND organisation_id = $2 FOR UPDATE`, [id, scope.organisationId]);
    if (!a) throw caseworkError(CaseworkErrorCode.ASSIGNMENT_NOT_FOUND, { id });
    if (a.ended_at) throw commonError(CommonErrorCode.INVALID_STATE_TRANSITION, { entity: 'supervision_assignment', action: 'end', from: 'ended', allowedFrom: ['active'] });
    await m.query(`UPDATE supervision_assignments SET ended_at = $2 WHERE id = $1`, [id, this.clock.now()]);
    await this.audit.record({ action: 'supervision.ended', entityType: 'supervision_assignment', entityId: id });
    return this.getAssignment(scope, id);
  }

  /** Keyset page on `(tenant_id, organisation_id, started_at, id)`, split by active / ended like the partial indexes. */
  async listAssignments(q: ListAssignmentsQuery, actor: Actor): Promise<Page<unknown>> {
    const scope = await this.access.scope(actor);
    const params: unknown[] = [scope.organisationId];
    const where = ['a.organisation_id = $1', q.status === 'ended' ? 'a.ended_at IS NOT NULL' : 'a.ended_at IS NULL'];
    if (q.supervisorMembershipId) { params.push(q.supervisorMembershipId); where.push(`a.supervisor_membership_id = $${params.length}`); }
    if (q.workerMembershipId) { params.push(q.workerMembershipId); where.push(`a.worker_membership_id = $${params.length}`); }
    const page = await keysetPage<AssignmentRow>(this.ctx.manager(), {
      select: ASSIGNMENT_SELECT, countFrom: 'FROM supervision_assignments a', where, params,
      order: { key: 'a.started_at', type: 'timestamptz', id: 'a.id', direction: 'desc' }, limit: q.limit, cursor: q.cursor,
    });
    return { ...page, items: page.items.map(assignmentOut) };
  }

  private async getAssignment(scope: CaseworkScope, id: string) {
    const [r]: AssignmentRow[] = await this.ctx.manager().query(`${ASSIGNMENT_SELECT} WHERE a.id = $1 AND a.organisation_id = $2`, [id, scope.organisationId]);
    if (!r) throw caseworkError(CaseworkErrorCode.ASSIGNMENT_NOT_FOUND, { id });
    return assignmentOut(r);
  }

  async logSession(dto: SupervisionSessionDto, actor: Actor) {
    const scope = await this.access.scope(actor);
    if (!(await this.access.supervisees(scope.membershipId)).includes(dto.workerMembershipId)) throw caseworkError(CaseworkErrorCode.NOT_YOUR_SUPERVISEE);
    for (const caseId of dto.caseIds ?? []) await this.cases.requireVisible(scope, caseId);
    const [row] = await this.ctx.manager().query(
      `INSERT INTO supervision_sessions (tenant_id, organisation_id, supervisor_membership_id, worker_membership_id, held_on, duration_minutes, mode, case_ids, notes_enc)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) RETURNING id, created_at`,
      [this.ctx.tenantId(), scope.organisationId, scope.membershipId, dto.workerMembershipId, dto.heldOn, dto.durationMinutes, dto.mode,
        dto.caseIds ?? [], await this.cipher.encrypt(F.supervisionNotes, dto.notes.trim())]);
    await this.audit.record({
      action: 'supervision.session_logged', entityType: 'supervision_session', entityId: row.id,
      after: { workerMembershipId: dto.workerMembershipId, heldOn: dto.heldOn, durationMinutes: dto.durationMinutes, mode: dto.mode, cases: dto.caseIds?.length ?? 0 },
    });
    return { id: row.id, ...dto, supervisorMembershipId: scope.membershipId, createdAt: row.created_at };
  }

  /** Sessions a supervisor held, or (for a worker) received; the organisation admin sees all of the organisation. */
  async listSessions(actor: Actor) {
    const scope = await this.access.scope(actor);
    const params: unknown[] = [scope.organisationId];
    let where = 's.organisation_id = $1';
    if (!scope.isOrgAdmin) { params.push(scope.membershipId); where += ' AND (s.supervisor_membership_id = $2 OR s.worker_membership_id = $2)'; }
    const rows: Array<Record<string, any>> = await this.ctx.manager().query(
      `SELECT s.*, s.held_on::text AS held_on FROM supervision_sessions s WHERE ${where} ORDER BY s.held_on DESC, s.created_at DESC LIMIT 200`, params);
    return {
      items: await Promise.all(rows.map(async (s) => ({
        id: s.id, supervisorMembershipId: s.supervisor_membership_id, workerMembershipId: s.worker_membership_id, heldOn: s.held_on,
        durationMinutes: s.duration_minutes, mode: s.mode, caseIds: s.case_ids, notes: await this.cipher.decrypt(F.supervisionNotes, s.notes_enc),
      }))),
    };
  }

  async addCertificate(dto: CertificateDto, actor: Actor) {
    const scope = await this.access.scope(actor);
    const membershipId = dto.membershipId ?? scope.membershipId;
    if (membershipId !== scope.membershipId) {
      if (!scope.isOrgAdmin) throw caseworkError(CaseworkErrorCode.NOT_YOUR_SUPERVISEE);
      await this.access.requireOrgMember(scope, membershipId);
    }
    const rows: Array<{ id: string; version: number }> = await this.ctx.manager().query(
      `INSERT INTO worker_certificates (tenant_id, membership_id, level, certificate_no, issued_on, valid_until, created_by)
       VALUES ($1,$2,$3,$4,$5,$6,$7) ON CONFLICT (tenant_id, certificate_no) DO NOTHING RETURNING id, version`,
      [this.ctx.tenantId(), membershipId, dto.level, dto.certificateNo.toUpperCase(), dto.issuedOn, dto.validUntil ?? null, actor.userId]);
    if (!rows[0]) throw caseworkError(CaseworkErrorCode.CERTIFICATE_TAKEN);
    await this.audit.record({ action: 'certificate.added', entityType: 'worker_certificate', entityId: rows[0].id, after: { ...dto, membershipId } });
    return { id: rows[0].id, membershipId, level: dto.level, label: CERTIFICATE_LABELS[dto.level], certificateNo: dto.certificateNo.toUpperCase(), issuedOn: dto.issuedOn, validUntil: dto.validUntil ?? null, version: rows[0].version };
  }

  /** Certificates of a worker of the organisation (default: yourself). */
  async listCertificates(membershipId: string | undefined, actor: Actor) {
    const scope = await this.access.scope(actor);
    const target = membershipId ?? scope.membershipId;
    if (target !== scope.membershipId) await this.access.requireOrgMember(scope, target, [Role.SocialWorker, Role.Supervisor, Role.OrgAdmin, Role.OrgStaff]);
    const rows: Array<Record<string, any>> = await this.ctx.manager().query(
      `SELECT id, level, certificate_no, issued_on::text AS issued_on, valid_until::text AS valid_until FROM worker_certificates WHERE membership_id = $1 ORDER BY issued_on`, [target]);
    return {
      membershipId: target,
      items: rows.map((r) => ({ id: r.id, level: r.level, label: CERTIFICATE_LABELS[r.level as keyof typeof CERTIFICATE_LABELS], certificateNo: r.certificate_no, issuedOn: r.issued_on, validUntil: r.valid_until })),
    };
  }
}
