import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, ROLE_LABELS } from '@sanshe/common';
import { DomainEvent, OnDomainEvent } from '@sanshe/queue';
import type { MembershipInvitedPayload } from '../members/members.service';
import { NotificationsService } from './notifications.service';

/** Tells the invited person, in the app and by e-mail (or SMS), how to join the district. */
@Injectable()
export class MembershipInvitedHandler {
  constructor(
    private readonly notifications: NotificationsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @OnDomainEvent('membership.invited', 'notify-invitee')
  async handle(event: DomainEvent<MembershipInvitedPayload>): Promise<void> {
    const p = event.payload;
    const rolesZh = p.roles.map((r) => ROLE_LABELS[r]?.zh ?? r).join('、');
    const rolesEn = p.roles.map((r) => ROLE_LABELS[r]?.en ?? r).join(', ');
    const link = `${this.config.publicBaseUrl}/invitations/accept?token=${encodeURIComponent(p.acceptToken)}`;
    await this.notifications.notify({
      userId: p.userId,
      kind: 'membership.invited',
      sourceEventId: event.id,
      external: true,
      titleZh: `邀请您加入${p.districtName}三社联动平台`,
      titleEn: `You are invited to join ${p.districtName} on Sanshe`,
      // The in-app copy is stored; the one-time link goes only in the e-mail/SMS.
      bodyZh: `${p.inviterName ?? '管理员'}邀请您以「${rolesZh}」身份加入${p.districtName}，请在 ${p.expiresAt.slice(0, 10)} 前通过短信或邮件中的邀请链接激活。`,
      bodyEn: `${p.inviterName ?? 'An administrator'} invited you to ${p.districtName} as ${rolesEn}. Accept before ${p.expiresAt.slice(0, 10)} with the link sent by SMS or e-mail.`,
      externalText: {
        zh: `${p.inviterName ?? '管理员'}邀请您以「${rolesZh}」身份加入${p.districtName}三社联动平台。请在 ${p.expiresAt.slice(0, 10)} 前打开链接激活：${link}`,
        en: `${p.inviterName ?? 'An administrator'} invited you to ${p.districtName} on Sanshe as ${rolesEn}. Accept before ${p.expiresAt.slice(0, 10)}: ${link}`,
      },
      data: { membershipId: p.membershipId, invitationId: p.invitationId },
    });
  }
}
