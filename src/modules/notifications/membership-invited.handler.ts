import { Injectable } from '@nestjs/common';
import { ROLE_LABELS } from '@sanshe/common';
import { DomainEvent, OnDomainEvent } from '@sanshe/queue';
import { InvitationLinksService } from '../members/invitation-links.service';
import type { MembershipInvitedPayload } from '../members/members.service';
import { NotificationsService } from './notifications.service';

/**
 * Tells the invited person, in the app and by e-mail (or SMS), how to join the district. The link's secret is made
 * here, at send time, and goes only into the outgoing message: the event, the job and the stored notification never
 * hold it. A retried job after a successful send finds its notification and stops, keeping the mailed link valid.
 */
@Injectable()
export class MembershipInvitedHandler {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly invitations: InvitationLinksService,
  ) {}

  @OnDomainEvent('membership.invited', 'notify-invitee')
  async handle(event: DomainEvent<MembershipInvitedPayload>): Promise<void> {
    const p = await this.invitations.lockPending(event.payload.invitationId);
    if (!p || (await this.notifications.alreadyNotified(event.id, p.userId))) return;
    const link = await this.invitations.issueLink(p.invitationId);
    const rolesZh = p.roles.map((r) => ROLE_LABELS[r]?.zh ?? r).join('、');
    const rolesEn = p.roles.map((r) => ROLE_LABELS[r]?.en ?? r).join(', ');
    const until = p.expiresAt.toISOString().slice(0, 10);
    await this.notifications.notify({
      userId: p.userId,
      kind: 'membership.invited',
      sourceEventId: event.id,
      external: true,
      titleZh: `邀请您加入${p.districtName}三社联动平台`,
      titleEn: `You are invited to join ${p.districtName} on Sanshe`,
      // The in-app copy is stored; the one-time link goes only in the e-mail/SMS.
      bodyZh: `${p.inviterName ?? '管理员'}邀请您以「${rolesZh}」身份加入${p.districtName}，请在 ${until} 前通过短信或邮件中的邀请链接激活。`,
      bodyEn: `${p.inviterName ?? 'An administrator'} invited you to ${p.districtName} as ${rolesEn}. Accept before ${until} with the link sent by SMS or e-mail.`,
      externalText: {
        zh: `${p.inviterName ?? '管理员'}邀请您以「${rolesZh}」身份加入${p.districtName}三社联动平台。请在 ${until} 前打开链接激活：${link}`,
        en: `${p.inviterName ?? 'An administrator'} invited you to ${p.districtName} on Sanshe as ${rolesEn}. Accept before ${until}: ${link}`,
      },
      data: { membershipId: p.membershipId, invitationId: p.invitationId },
    });
  }
}
