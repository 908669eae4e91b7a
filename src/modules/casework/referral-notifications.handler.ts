import { Injectable } from '@nestjs/common';
import { DomainEvent, OnDomainEvent } from '@sanshe/queue';
import { TenantContext } from '@sanshe/tenancy';
import { NotificationsService } from '../notifications/notifications.service';
import { REFERRAL_CREATED, REFERRAL_DECIDED } from './referrals.service';

interface ReferralCreatedPayload { referralId: string; fromOrganisationId: string; toOrganisationId: string }
interface ReferralDecidedPayload extends ReferralCreatedPayload { status: 'accepted' | 'declined' }

/**
 * Tells the receiving organisation's admins that a referral waits for them, and the referring worker how it was
 * decided. The texts name organisations only, never the person: notifications are stored in clear. Idempotent
 * through the notification row's (event, person) key.
 */
@Injectable()
export class ReferralNotificationsHandler {
  constructor(
    private readonly ctx: TenantContext,
    private readonly notifications: NotificationsService,
  ) {}

  @OnDomainEvent(REFERRAL_CREATED, 'notify-referral-received')
  async created(event: DomainEvent<ReferralCreatedPayload>): Promise<void> {
    const p = event.payload;
    const from = await this.organisationName(p.fromOrganisationId);
    const admins: Array<{ user_id: string }> = await this.ctx.manager().query(
      `SELECT DISTINCT user_id FROM memberships WHERE organisation_id = $1 AND status = 'active' AND roles @> ARRAY['org_admin']::text[]`,
      [p.toOrganisationId]);
    for (const a of admins) {
      await this.notifications.notify({
        userId: a.user_id, kind: REFERRAL_CREATED, sourceEventId: event.id,
        titleZh: `收到转介：${from}`, titleEn: `Referral received from ${from}`,
        bodyZh: `${from}向本机构转介了一名服务对象，请在“转介”中查看并决定是否接收。`,
        bodyEn: `${from} referred a person to your organisation. Open Referrals to review it and accept or decline.`,
        data: { referralId: p.referralId },
      });
    }
  }

  @OnDomainEvent(REFERRAL_DECIDED, 'notify-referral-decided')
  async decided(event: DomainEvent<ReferralDecidedPayload>): Promise<void> {
    const p = event.payload;
    const to = await this.organisationName(p.toOrganisationId);
    const [creator]: Array<{ user_id: string }> = await this.ctx.manager().query(
      `SELECT m.user_id FROM referrals r JOIN memberships m ON m.id = r.created_by_membership_id WHERE r.id = $1`, [p.referralId]);
    if (!creator) return;
    const accepted = p.status === 'accepted';
    await this.notifications.notify({
      userId: creator.user_id, kind: REFERRAL_DECIDED, sourceEventId: event.id,
      titleZh: `${to}${accepted ? '已接收' : '未接收'}您的转介`, titleEn: `${to} ${accepted ? 'accepted' : 'declined'} your referral`,
      bodyZh: accepted ? `${to}已接收转介并建立个案。` : `${to}未接收该转介，可在转介详情中查看说明。`,
      bodyEn: accepted ? `${to} accepted the referral and opened a case.` : `${to} declined the referral; see its note in the referral.`,
      data: { referralId: p.referralId, status: p.status },
    });
  }

  private async organisationName(id: string): Promise<string> {
    const [o]: Array<{ name: string }> = await this.ctx.manager().query(`SELECT name FROM organisations WHERE id = $1`, [id]);
    return o?.name ?? '其他机构';
  }
}
