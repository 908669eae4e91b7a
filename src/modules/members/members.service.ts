import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { IsNull } from 'typeorm';
import {
  APP_CONFIG, Actor, AppConfig, ORGANISATION_ROLES, Page, ROLE_LABELS, Role,
  checkMobilePhone, currentContext, fieldRefusal, maskPhone, nextState } from '@sanshe/common';
import { Clock } from '@sanshe/common/clock';
import { AuditService } from '@sanshe/audit';
import { IdentityService, PasswordService, secretMatches } from '@sanshe/auth';
import { assertVersion, cappedCountsBy, keysetPage } from '@sanshe/database';
import { OutboxService } from '@sanshe/queue';
import { TenantContext, TenantTransactionRunner } from '@sanshe/tenancy';
import { PlacesService } from '../places/places.service';
import { AcceptInvitationDto, ChangeRolesDto, InviteMemberDto, ListMembersQuery } from './dto/member.dto';
import { InvitationEntity } from './invitation.entity';
import { unusableTokenHash } from './invitation-links.service';
import { MembershipEntity, MembershipStatus } from './membership.entity';
import { MEMBERSHIP_TRANSITIONS } from './membership.transitions';
import { MembersErrorCode, membersError } from './members.errors';
import { WAITING_ORDER, WaitingList, toWaitingList } from '../workbench/waiting-item';

export const MEMBERSHIP_INVITED = 'membership.invited';

/**
 * Only the id: the sender reads the rest and creates the link's secret when it sends (InvitationLinksService), so
 * the outbox row and the queue job hold nothing that could activate the account.
 */
export interface MembershipInvitedPayload {
  invitationId: string;
  [key: string]: unknown;
}

interface MemberRow {
  id: string;
  user_id: string;
  name: string;
  phone: string | null;
  email: string | null;
  roles: Role[];
  status: MembershipStatus;
  place_id: string | null;
  place_name: string | null;
  organisation_id: string | null;
  title: string | null;
  status_reason: string | null;
  version: number;
  created_at: Date;
  total?: number;
}

const MEMBER_SELECT = `
  SELECT m.id, m.user_id, u.name, u.phone, u.email, m.roles, m.status, m.place_id, p.name AS place_name,
         m.organisation_id, m.title, m.status_reason, m.version, m.created_at
    FROM memberships m JOIN users u ON u.id = m.user_id LEFT JOIN places p ON p.id = m.place_id`;

/**
 * The district's people: inviting someone by phone or e-mail with roles, changing roles, suspending and
 * reactivating, and accepting an invitation. Identity is global (one login everywhere); the membership is local.
 */
@Injectable()
export class MembersService {
  constructor(
    private readonly clock: Clock,
    private readonly ctx: TenantContext,
    private readonly runner: TenantTransactionRunner,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly identity: IdentityService,
    private readonly passwords: PasswordService,
    private readonly places: PlacesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private get memberships() {
    return this.ctx.repo(MembershipEntity);
  }

  async invite(dto: InviteMemberDto, actor: Actor) {
    const phone = dto.phone ? this.normalisePhone(dto.phone) : null;
    const email = dto.email?.trim().toLowerCase() ?? null;
    if (!phone && !email) throw membersError(MembersErrorCode.CONTACT_REQUIRED);
    await this.checkScope(dto.roles, dto.placeId, dto.organisationId);

    const person = await this.identity.findOrCreate({ name: dto.name, phone, email });
    if (person.conflict) throw membersError(MembersErrorCode.CONTACT_BELONGS_TO_TWO_PEOPLE);
    const existing = await this.memberships.findOne({ where: { userId: person.userId } });
    if (existing) throw membersError(MembersErrorCode.MEMBER_EXISTS, { memberId: existing.id, status: existing.status });

    const membership = await this.memberships.save(
      this.memberships.create({
        tenantId: this.ctx.tenantId(),
        userId: person.userId,
        roles: dto.roles,
        status: 'invited',
        placeId: dto.placeId ?? null,
        organisationId: dto.organisationId ?? null,
        title: dto.title ?? null,
        invitedBy: actor.userId,
      }),
    );
    const invitation = await this.issueInvitation(membership, actor);
    await this.audit.record({ action: 'membership.invited', entityType: 'membership', entityId: membership.id, after: { ...membership, phone, email } });
    return { member: await this.view(membership.id), invitation };
  }

  /** A new link for someone who has not accepted yet; earlier links stop working. */
  /**
   * A fresh invitation link. The district admin may resend any; an organisation admin those of their own
   * organisation's people (whom they invited in the first place) — anyone else's is as absent as a made-up id.
   */
  async resendInvitation(id: string, actor: Actor) {
    const membership = await this.find(id, true);
    const ownStaff = actor.roles.includes(Role.OrgAdmin) && !!actor.organisationId && membership.organisationId === actor.organisationId;
    if (!actor.roles.includes(Role.DistrictAdmin) && !ownStaff) throw membersError(MembersErrorCode.MEMBER_NOT_FOUND, { id });
    if (membership.status !== 'invited') throw membersError(MembersErrorCode.MEMBERSHIP_STATE, { status: membership.status });
    await this.ctx.repo(InvitationEntity).update({ membershipId: id, acceptedAt: IsNull() }, { expiresAt: this.clock.now() });
    const invitation = await this.issueInvitation(membership, actor);
    await this.audit.record({ action: 'membership.invitation_resent', entityType: 'membership', entityId: id });
    return invitation;
  }

  /** Accepting needs only the link; a person with no password yet sets one here. */
  async accept(dto: AcceptInvitationDto) {
    const parts = dto.token.split('.');
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    if (parts.length !== 3 || !uuid.test(parts[0]) || !uuid.test(parts[1])) throw membersError(MembersErrorCode.INVITATION_INVALID);
    const [tenantId, invitationId, secret] = parts;
    // The district comes from the link, and nothing is read or changed unless its secret matches.
    return this.runner.run({ tenantId }, async () => {
      const invitation = await this.ctx.repo(InvitationEntity).findOne({ where: { id: invitationId }, lock: { mode: 'pessimistic_write' } });
      if (!invitation || !secretMatches(secret, invitation.tokenHash)) throw membersError(MembersErrorCode.INVITATION_INVALID);
      if (invitation.acceptedAt) throw membersError(MembersErrorCode.INVITATION_USED);
      if (invitation.expiresAt < this.clock.now()) throw membersError(MembersErrorCode.INVITATION_EXPIRED);
      const membership = await this.find(invitation.membershipId, true);
      this.transition(membership, 'accept');
      const [user]: Array<{ password_hash: string | null }> = await this.ctx.manager().query(
        `SELECT password_hash FROM users WHERE id = $1 FOR UPDATE`, [membership.userId]);
      if (!user.password_hash) {
        if (!dto.password) throw membersError(MembersErrorCode.PASSWORD_REQUIRED);
        this.passwords.assertStrong(dto.password);
        await this.identity.setPasswordHash(membership.userId, await this.passwords.hash(dto.password), dto.name);
      }
      // The audit row names the person accepting, although they are not signed in.
      const state = currentContext();
      if (state && !state.actor) state.actor = { userId: membership.userId, isPlatformOperator: false, roles: [] };
      invitation.acceptedAt = this.clock.now();
      await this.ctx.repo(InvitationEntity).save(invitation);
      const before = { ...membership };
      const saved = await this.memberships.save(membership);
      await this.audit.record({ action: 'membership.accepted', entityType: 'membership', entityId: saved.id, before, after: saved });
      const district = await this.ctx.district();
      return { districtCode: district.code, districtName: district.name, memberId: saved.id, roles: saved.roles };
    });
  }

  async list(query: ListMembersQuery, actor: Actor): Promise<Page<ReturnType<MembersService['present']>> & { counts: Record<string, number> }> {
    // Explicitly this district: memberships' RLS also lets a person read their own memberships in other districts
    // (for choosing one), which must not show up in this district's list. It also lets the index lead with tenant_id.
    const where: string[] = ['m.tenant_id = $1'];
    const params: unknown[] = [this.ctx.tenantId()];
    const add = (sql: string, value: unknown) => { params.push(value); where.push(sql.replace('?', `$${params.length}`)); };
    if (query.role) add('m.roles @> ARRAY[?]::text[]', query.role);
    if (query.placeId) add('m.place_id = ?', query.placeId);
    if (query.organisationId) add('m.organisation_id = ?', query.organisationId);
    if (query.q) {
      params.push(`%${query.q.replace(/[%_\\]/g, '\\$&')}%`);
      // Only those who see contact details in full may search by them: matching a masked phone digit by digit would
      // reveal it to everyone else.
      where.push(this.seesContacts(actor)
        ? `(u.name LIKE $${params.length} OR u.phone LIKE $${params.length} OR u.email LIKE $${params.length})`
        : `u.name LIKE $${params.length}`);
    }
    // Counts per status for the page's tabs, under the same filters except status itself.
    // Counting needs the users join only to search by name or contact.
    const countFrom = query.q ? 'FROM memberships m JOIN users u ON u.id = m.user_id' : 'FROM memberships m';
    const m = this.ctx.manager();
    const tabs = await cappedCountsBy(m, 'm.status', ['invited', 'active', 'suspended'], `${countFrom} WHERE ${where.join(' AND ')}`, params);
    if (query.status) add('m.status = ?', query.status);
    const page = await keysetPage<MemberRow>(m, {
      select: MEMBER_SELECT, countFrom, where, params,
      total: query.status ? tabs.totalOf(query.status) : tabs.all,
      order: { key: 'm.created_at', type: 'timestamptz', id: 'm.id', direction: 'desc' }, limit: query.limit, cursor: query.cursor,
    });
    return { ...page, items: page.items.map((r) => this.present(r, actor)), counts: tabs.counts };
  }

  async get(id: string, actor: Actor) {
    const member = await this.view(id, actor);
    const [invitation]: Array<{ expires_at: Date; accepted_at: Date | null; created_at: Date }> = await this.ctx.manager().query(
      `SELECT expires_at, accepted_at, created_at FROM invitations WHERE membership_id = $1 ORDER BY created_at DESC LIMIT 1`, [id]);
    return {
      ...member,
      invitation: invitation
        ? { sentAt: invitation.created_at, expiresAt: invitation.expires_at, acceptedAt: invitation.accepted_at,
            state: invitation.accepted_at ? 'accepted' : invitation.expires_at < this.clock.now() ? 'expired' : 'pending' }
        : null,
    };
  }

  /** A person as seen from this district: 404 unless they are a member here. */
  async getUser(userId: string, actor: Actor) {
    const membership = await this.memberships.findOne({ where: { userId } });
    if (!membership) throw membersError(MembersErrorCode.USER_NOT_FOUND, { userId });
    return this.view(membership.id, actor);
  }

  async changeRoles(id: string, dto: ChangeRolesDto, actor: Actor) {
    const membership = await this.find(id, true);
    assertVersion(membership, dto.version);
    if (membership.status === 'suspended') throw membersError(MembersErrorCode.MEMBERSHIP_STATE, { status: membership.status });
    const placeId = dto.placeId ?? membership.placeId ?? undefined;
    const organisationId = dto.organisationId ?? membership.organisationId ?? undefined;
    await this.checkScope(dto.roles, placeId, organisationId);
    if (membership.roles.includes(Role.DistrictAdmin) && !dto.roles.includes(Role.DistrictAdmin)) await this.assertAnotherAdmin(id);
    const before = { ...membership };
    Object.assign(membership, { roles: dto.roles, placeId: placeId ?? null, organisationId: organisationId ?? null });
    const saved = await this.memberships.save(membership);
    await this.audit.record({ action: 'membership.roles_changed', entityType: 'membership', entityId: id, before, after: saved });
    return this.view(id, actor);
  }

  async suspend(id: string, reason: string, version: number, actor: Actor) {
    const membership = await this.find(id, true);
    if (membership.userId === actor.userId) throw membersError(MembersErrorCode.CANNOT_SUSPEND_SELF);
    assertVersion(membership, version);
    const before = { ...membership };
    this.transition(membership, 'suspend');
    if (membership.roles.includes(Role.DistrictAdmin)) await this.assertAnotherAdmin(id);
    membership.statusReason = reason;
    const saved = await this.memberships.save(membership);
    await this.audit.record({ action: 'membership.suspended', entityType: 'membership', entityId: id, before, after: saved });
    return this.view(id, actor);
  }

  async reactivate(id: string, version: number, actor: Actor) {
    const membership = await this.find(id, true);
    assertVersion(membership, version);
    const before = { ...membership };
    this.transition(membership, 'reactivate');
    membership.statusReason = null;
    const saved = await this.memberships.save(membership);
    await this.audit.record({ action: 'membership.reactivated', entityType: 'membership', entityId: id, before, after: saved });
    return this.view(id, actor);
  }

  private transition(membership: MembershipEntity, action: keyof typeof MEMBERSHIP_TRANSITIONS): void {
    membership.status = nextState('membership', MEMBERSHIP_TRANSITIONS, action, membership.status, {
      entity: { zh: '成员', en: 'the membership' },
      states: { invited: { zh: '已邀请', en: 'Invited' }, active: { zh: '在用', en: 'Active' }, suspended: { zh: '已停用', en: 'Suspended' } },
      actions: { accept: { zh: '接受邀请', en: 'accept' }, suspend: { zh: '停用', en: 'suspend' }, reactivate: { zh: '恢复', en: 'reactivate' } },
    });
  }

  /**
   * Records the invitation and asks for its message. The inviter gets the record, never the link: only the invited
   * person, through their own e-mail or phone, can accept.
   */
  private async issueInvitation(membership: MembershipEntity, actor: Actor): Promise<{ id: string; expiresAt: Date; state: 'pending' }> {
    const id = randomUUID();
    const expiresAt = new Date(this.clock.now().getTime() + this.config.invitationTtlDays * 86400_000);
    await this.ctx.repo(InvitationEntity).insert({
      id, tenantId: this.ctx.tenantId(), membershipId: membership.id, tokenHash: unusableTokenHash(), expiresAt, createdBy: actor.userId,
    });
    const payload: MembershipInvitedPayload = { invitationId: id };
    await this.outbox.publish(MEMBERSHIP_INVITED, payload);
    return { id, expiresAt, state: 'pending' };
  }

  /** Organisation roles name their organisation; community staff name their community. */
  private async checkScope(roles: Role[], placeId?: string, organisationId?: string): Promise<void> {
    if (roles.some((r) => ORGANISATION_ROLES.includes(r)) && !organisationId) throw membersError(MembersErrorCode.ORGANISATION_REQUIRED);
    if (roles.includes(Role.CommunityStaff)) {
      if (!placeId) throw membersError(MembersErrorCode.COMMUNITY_REQUIRED);
      await this.places.requireActive(placeId, 'community');
    } else if (placeId) {
      await this.places.requireActive(placeId);
    }
  }

  private async assertAnotherAdmin(exceptId: string): Promise<void> {
    const [{ n }]: Array<{ n: number }> = await this.ctx.manager().query(
      `SELECT count(*)::int AS n FROM memberships WHERE id <> $1 AND status = 'active' AND roles @> ARRAY['district_admin']::text[]`, [exceptId]);
    if (n === 0) throw membersError(MembersErrorCode.LAST_DISTRICT_ADMIN);
  }

  private normalisePhone(phone: string): string {
    const checked = checkMobilePhone(phone);
    if (!checked.ok) throw fieldRefusal('phone', checked);
    return checked.phone;
  }

  private async find(id: string, lock = false): Promise<MembershipEntity> {
    const membership = await this.memberships.findOne({ where: { id }, lock: lock ? { mode: 'pessimistic_write' } : undefined });
    if (!membership) throw membersError(MembersErrorCode.MEMBER_NOT_FOUND, { id });
    return membership;
  }

  private async view(id: string, actor?: Actor) {
    const [row]: MemberRow[] = await this.ctx.manager().query(`${MEMBER_SELECT} WHERE m.id = $1`, [id]);
    if (!row) throw membersError(MembersErrorCode.MEMBER_NOT_FOUND, { id });
    return this.present(row, actor);
  }

  /** District admins see contact details in full (they invite and reach people); others see them masked. */
  private seesContacts(actor?: Actor): boolean {
    return !actor || actor.roles.includes(Role.DistrictAdmin);
  }

  private present(r: MemberRow, actor?: Actor) {
    const full = this.seesContacts(actor);
    return {
      id: r.id,
      userId: r.user_id,
      name: r.name,
      phone: r.phone && !full ? maskPhone(r.phone) : r.phone,
      email: r.email && !full ? r.email.replace(/^(.).*(@.*)$/, '$1***$2') : r.email,
      roles: r.roles.map((role) => ({ role, label: ROLE_LABELS[role] })),
      status: r.status,
      statusReason: r.status_reason,
      place: r.place_id ? { id: r.place_id, name: r.place_name } : null,
      organisationId: r.organisation_id,
      title: r.title,
      version: r.version,
      createdAt: r.created_at,
    };
  }

  /**
   * Workbench: people invited and not yet in, with their latest invitation's expiry — an expired one is overdue
   * (the admin resends it).
   */
  async pendingInvitations(): Promise<WaitingList> {
    const rows = await this.ctx.manager().query(
      `SELECT m.id, u.name, i.expires_at AS due_at, m.created_at AS sort_key, count(*) OVER () AS total
         FROM memberships m JOIN users u ON u.id = m.user_id
         LEFT JOIN LATERAL (SELECT expires_at FROM invitations WHERE membership_id = m.id ORDER BY created_at DESC LIMIT 1) i ON true
        WHERE m.status = 'invited' ${WAITING_ORDER}`);
    return toWaitingList(rows, (r: Record<string, any>) => ({ id: r.id, title: r.name, reference: null, dueAt: r.due_at, path: '/settings/members' }));
  }
}
