import { Injectable } from '@nestjs/common';
import { Actor, CommonErrorCode, Page, commonError } from '@sanshe/common';
import { Clock } from '@sanshe/common/clock';
import { AuditService } from '@sanshe/audit';
import { keysetPage } from '@sanshe/database';
import { FieldCipher } from '@sanshe/crypto';
import { TenantContext } from '@sanshe/tenancy';
import { PlacesService } from '../places/places.service';
import { BeneficiariesService } from './beneficiaries.service';
import { CaseworkAccess, CaseworkScope } from './casework-access.service';
import { CaseworkErrorCode, assertIndicatorHasProject, caseworkError, writeProjectLink } from './casework.errors';
import { F } from './casework-fields';
import { ConsentsService } from './consents.service';
import { CommunityEventDto, CreateGroupDto, GroupSessionDto, ListCommunityEventsQuery, ListGroupsQuery } from './dto/group-work.dto';
import { PiiAccessLogService } from './pii-access-log.service';

/**
 * Group work (小组: a group, its sessions, who attended, the session record) and community work (社区活动: events
 * with headcounts and hours). Either can be linked to a funded project and indicator; attendance counts towards a
 * project's people served only for those whose funder consent is active when it is recorded.
 */
@Injectable()
export class GroupWorkService {
  constructor(
    private readonly clock: Clock,
    private readonly ctx: TenantContext,
    private readonly cipher: FieldCipher,
    private readonly access: CaseworkAccess,
    private readonly beneficiaries: BeneficiariesService,
    private readonly consents: ConsentsService,
    private readonly places: PlacesService,
    private readonly accessLog: PiiAccessLogService,
    private readonly audit: AuditService,
  ) {}

  async createGroup(dto: CreateGroupDto, actor: Actor) {
    const scope = await this.access.scope(actor);
    const leader = dto.leaderMembershipId ?? scope.membershipId;
    await this.access.requireOrgMember(scope, leader);
    assertIndicatorHasProject(dto);
    if (dto.communityId) await this.places.requireActive(dto.communityId, 'community');
    // The project link is checked by the database (a project of this organisation, an indicator of that project).
    const [row] = await writeProjectLink(dto, async () => this.ctx.manager().query(
      `INSERT INTO casework_groups (tenant_id, organisation_id, name, kind, objectives, leader_membership_id, community_id, planned_sessions, project_id, indicator_id)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) RETURNING id`,
      [this.ctx.tenantId(), scope.organisationId, dto.name.trim(), dto.kind, dto.objectives ?? null, leader, dto.communityId ?? null,
        dto.plannedSessions ?? null, dto.projectId ?? null, dto.indicatorId ?? null]));
    await this.audit.record({ action: 'group.created', entityType: 'casework_group', entityId: row.id, after: { ...dto, leaderMembershipId: leader } });
    return this.getGroup(row.id, actor, false);
  }

  /** Keyset page on `(tenant_id, organisation_id, [status,] created_at, id)`, newest first (see `keysetPage`). */
  async listGroups(q: ListGroupsQuery, actor: Actor): Promise<Page<unknown>> {
    const scope = await this.access.scope(actor);
    const params: unknown[] = [scope.organisationId];
    const where = ['g.organisation_id = $1'];
    if (scope.workers) { params.push(scope.workers); where.push(`g.leader_membership_id = ANY($${params.length}::uuid[])`); }
    if (q.status) { params.push(q.status); where.push(`g.status = $${params.length}`); }
    if (q.kind) { params.push(q.kind); where.push(`g.kind = $${params.length}`); }
    if (q.leaderMembershipId) { params.push(q.leaderMembershipId); where.push(`g.leader_membership_id = $${params.length}`); }
    const page = await keysetPage<Record<string, any> & { id: string }>(this.ctx.manager(), {
      select: `SELECT g.id, g.name, g.kind, g.status, g.planned_sessions, g.community_id, g.project_id, g.indicator_id, g.created_at,
              g.leader_membership_id, u.name AS leader_name,
              (SELECT count(*)::int FROM group_sessions s WHERE s.group_id = g.id) AS sessions
         FROM casework_groups g JOIN memberships m ON m.id = g.leader_membership_id JOIN users u ON u.id = m.user_id`,
      countFrom: 'FROM casework_groups g', where, params,
      order: { key: 'g.created_at', type: 'timestamptz', id: 'g.id', direction: 'desc' }, limit: q.limit, cursor: q.cursor,
    });
    return {
      ...page,
      items: page.items.map((r) => ({ id: r.id, name: r.name, kind: r.kind, status: r.status, plannedSessions: r.planned_sessions, sessionsHeld: r.sessions,
        leader: { membershipId: r.leader_membership_id, name: r.leader_name }, communityId: r.community_id, projectId: r.project_id,
        indicatorId: r.indicator_id, createdAt: r.created_at })),
    };
  }

  async getGroup(id: string, actor: Actor, logView = true) {
    const scope = await this.access.scope(actor);
    const g = await this.requireGroup(scope, id);
    const m = this.ctx.manager();
    const sessions: Array<Record<string, any>> = await m.query(
      `SELECT s.*, s.held_on::text AS held_on FROM group_sessions s WHERE s.group_id = $1 ORDER BY s.session_no`, [id]);
    const attendance: Array<{ session_id: string; beneficiary_id: string; name_enc: Buffer; name?: string }> = await m.query(
      `SELECT a.session_id, a.beneficiary_id, b.name_enc FROM group_attendance a JOIN group_sessions s ON s.id = a.session_id
         JOIN beneficiaries b ON b.id = a.beneficiary_id WHERE s.group_id = $1`, [id]);
    for (const a of attendance) a.name = await this.cipher.decrypt(F.name, a.name_enc);
    attendance.sort((x, y) => x.name!.localeCompare(y.name!, 'zh-CN'));
    if (logView) await this.accessLog.record(scope, { action: 'view', subjectType: 'group', subjectId: id });
    return {
      id: g.id, name: g.name, kind: g.kind, objectives: g.objectives, status: g.status, leaderMembershipId: g.leader_membership_id,
      communityId: g.community_id, plannedSessions: g.planned_sessions, projectId: g.project_id, indicatorId: g.indicator_id, version: g.version,
      sessions: await Promise.all(sessions.map(async (s) => ({
        id: s.id, sessionNo: s.session_no, heldOn: s.held_on, durationMinutes: s.duration_minutes, theme: s.theme,
        record: await this.cipher.decryptOptional(F.sessionRecord, s.record_enc),
        attendees: attendance.filter((a) => a.session_id === s.id).map((a) => ({ beneficiaryId: a.beneficiary_id, name: a.name })),
      }))),
    };
  }

  /** A session with its attendance: each attendee must be a person of the organisation who consented to services. */
  async addSession(groupId: string, dto: GroupSessionDto, actor: Actor) {
    const scope = await this.access.scope(actor);
    const g = await this.requireGroup(scope, groupId, true);
    if (dto.heldOn > this.clock.today()) {
      throw commonError(CommonErrorCode.VALIDATION_FAILED, undefined, undefined, [
        { field: 'heldOn', code: 'notFuture', zh: 'heldOn：日期不能晚于今天', en: 'heldOn: cannot be in the future' }]);
    }
    const m = this.ctx.manager();
    const [taken] = await m.query(`SELECT 1 FROM group_sessions WHERE group_id = $1 AND session_no = $2`, [groupId, dto.sessionNo]);
    if (taken) throw caseworkError(CaseworkErrorCode.SESSION_NUMBER_TAKEN, { sessionNo: dto.sessionNo });
    const attendees: Array<{ id: string; shared: boolean }> = [];
    for (const bid of dto.attendeeIds) {
      await this.beneficiaries.requireInOrganisation(scope, bid);
      await this.consents.requireActive(bid, 'service');
      attendees.push({ id: bid, shared: !!g.project_id && !!(await this.consents.active(bid, 'funder_aggregate')) });
    }
    const [session] = await m.query(
      `INSERT INTO group_sessions (tenant_id, group_id, session_no, held_on, duration_minutes, theme, record_enc, created_by_membership_id)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8) RETURNING id`,
      [this.ctx.tenantId(), groupId, dto.sessionNo, dto.heldOn, dto.durationMinutes, dto.theme.trim(),
        await this.cipher.encryptOptional(F.sessionRecord, dto.record?.trim()), scope.membershipId]);
    for (const a of attendees) {
      await m.query(`INSERT INTO group_attendance (tenant_id, session_id, beneficiary_id, shared_with_funder) VALUES ($1,$2,$3,$4)`,
        [this.ctx.tenantId(), session.id, a.id, a.shared]);
    }
    await this.audit.record({
      action: 'group.session_recorded', entityType: 'casework_group', entityId: groupId,
      after: { sessionId: session.id, sessionNo: dto.sessionNo, heldOn: dto.heldOn, durationMinutes: dto.durationMinutes, attendees: attendees.length },
    });
    return this.getGroup(groupId, actor, false);
  }

  async addEvent(dto: CommunityEventDto, actor: Actor) {
    const scope = await this.access.scope(actor);
    assertIndicatorHasProject(dto);
    await this.places.requireActive(dto.communityId, 'community');
    const [row] = await writeProjectLink(dto, async () => this.ctx.manager().query(
      `INSERT INTO community_events (tenant_id, organisation_id, community_id, title, held_on, duration_minutes, headcount, volunteer_count, summary,
                                     worker_membership_id, project_id, indicator_id)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12) RETURNING id`,
      [this.ctx.tenantId(), scope.organisationId, dto.communityId, dto.title.trim(), dto.heldOn, dto.durationMinutes, dto.headcount,
        dto.volunteerCount ?? 0, dto.summary ?? null, scope.membershipId, dto.projectId ?? null, dto.indicatorId ?? null]));
    await this.audit.record({ action: 'community_event.recorded', entityType: 'community_event', entityId: row.id, after: dto });
    return { id: row.id, ...dto };
  }

  /** Keyset page on `(tenant_id, organisation_id, [community_id,] held_on, id)`, the latest day first. */
  async listEvents(q: ListCommunityEventsQuery, actor: Actor): Promise<Page<unknown>> {
    const scope = await this.access.scope(actor);
    const params: unknown[] = [scope.organisationId];
    const where = ['e.organisation_id = $1'];
    if (q.communityId) { params.push(q.communityId); where.push(`e.community_id = $${params.length}`); }
    if (q.from) { params.push(q.from); where.push(`e.held_on >= $${params.length}::date`); }
    if (q.to) { params.push(q.to); where.push(`e.held_on <= $${params.length}::date`); }
    const page = await keysetPage<Record<string, any> & { id: string }>(this.ctx.manager(), {
      select: `SELECT e.id, e.title, e.held_on::text AS held_on, e.duration_minutes, e.headcount, e.volunteer_count, e.community_id, p.name AS community_name,
              e.summary, e.worker_membership_id, e.project_id, e.indicator_id
         FROM community_events e JOIN places p ON p.id = e.community_id`,
      countFrom: 'FROM community_events e', where, params,
      order: { key: 'e.held_on', type: 'date', id: 'e.id', direction: 'desc' }, limit: q.limit, cursor: q.cursor,
    });
    return {
      ...page,
      items: page.items.map((e) => ({ id: e.id, title: e.title, heldOn: e.held_on, durationMinutes: e.duration_minutes, headcount: e.headcount,
        volunteerCount: e.volunteer_count, community: { id: e.community_id, name: e.community_name }, summary: e.summary,
        workerMembershipId: e.worker_membership_id, projectId: e.project_id, indicatorId: e.indicator_id })),
    };
  }

  private async requireGroup(scope: CaseworkScope, id: string, lock = false): Promise<Record<string, any>> {
    const params: unknown[] = [id, scope.organisationId];
    let where = 'id = $1 AND organisation_id = $2';
    if (scope.workers) { params.push(scope.workers); where += ` AND leader_membership_id = ANY($3::uuid[])`; }
    const [g] = await this.ctx.manager().query(`SELECT * FROM casework_groups WHERE ${where}${lock ? ' FOR UPDATE' : ''}`, params);
    if (!g) throw caseworkError(CaseworkErrorCode.GROUP_NOT_FOUND, { id });
    return g;
  }
}
