import { Injectable } from '@nestjs/common';
import { ROLE_LABELS } from '@sanshe/common';
import { DomainEvent, OnDomainEvent } from '@sanshe/queue';
import type { MembershipInvitedPayload } from '../members/members.service';
import { NotificationsService } from './notifications.service';

/** Tells the invited person, in the app and by e-mail (or SMS), how to join the district. */
@Injectable()
export class MembershipInvitedHandler {
  constructor(private readonly notifications: NotificationsService) {}

  @OnDomainEvent('membership.invited', 'notify-invitee')
  async handle(event: DomainEvent<MembershipInvitedPayload>): Promise<void> {
    const p = event.payload;
    const rolesZh = p.roles.map((r) => ROLE_LABELS[r]?.zh ?? r).join('、');
    const rolesEn = p.roles.map((r) => ROLE_LABELS[r]?.en ?? r).join(', ');
    await this.notifications.notify({
      userId: p.userId,
      kind: 'membership.invited',
      sourceEventId: event.id,
      external: true,
      titleZh: `邀请您加入${p.districtName}三社联动平台`,
      titleEn: `You are invited to join ${p.districtName} on Sanshe`,
      bodyZh: `${p.inviterName ?? '管理员'}邀请您以「${rolesZh}」身份加入${p.districtName}。请在 ${p.expiresAt.slice(0, 10)} 前使用邀请令牌激活：${p.acceptToken}`,
      bodyEn: `${p.inviterName ?? 'An administrator'} invited you to ${p.districtName} as ${rolesEn}. Accept before ${p.expiresAt.slice(0, 10)} with this token: ${p.acceptToken}`,
      data: { membershipId: p.membershipId, invitationId: p.invitationId },
    });
  }
}
