import { Injectable } from '@nestjs/common';
import { DomainEvent, DomainEventMap, OnDomainEvent } from '@sanshe/queue';
import { TenantContext } from '@sanshe/tenancy';
import { NotificationsService } from '../notifications/notifications.service';

type Created = DomainEventMap['casework.referral.created'];
type Decided = DomainEventMap['casework.referral.decided'];

/**
 * Tells organisations about referrals between them. The messages name organisations only: who is referred is
 * personal information, read in the referral itself by those allowed to.
 */
@Injectable()
export class ReferralNotificationsHandler {
  constructor(
    private readonly ctx: TenantContext,
    private readonly notifications: NotificationsService,
  ) {}

  @OnDomainEvent('casework.referral.created', 'casework.notify-referral-received')
  async created(event: DomainEvent<Created>) {
    const p = event.payload;
    const from = await this.organisationName(p.fromOrganisationId);
    for (const userId of await this.adminsOf(p.toOrganisationId)) {
      await this.notifications.notify({
        userId, kind: event.type, sourceEventId: event.id,
        titleZh: `收到个案转介：来自${from}`, titleEn: `Case referral received from ${from}`,
        bodyZh: `${from}向本机构转介了一个个案，请在“个案转介”中查看并接收或拒绝。`,
        bodyEn: `${from} referred a case to your organisation. Open the referral to accept or decline it.`,
        data: { referralId: p.referralId },
      });
    }
  }

  @OnDomainEvent('casework.referral.decided', 'casework.notify-referral-decided')
  async decided(event: DomainEvent<Decided>) {
    const p = event.payload;
    const to = await this.organisationName(p.toOrganisationId);
    const accepted = p.status === 'accepted';
    const [referrer]: Array<{ user_id: string }> = await this.ctx.manager().query(
      `SELECT m.user_id FROM referrals r JOIN memberships m ON m.id = r.created_by_membership_id WHERE r.id = $1`, [p.referralId]);
    const userIds = new Set([...(referrer ? [referrer.user_id] : []), ...(await this.adminsOf(p.fromOrganisationId))]);
    for (const userId of userIds) {
      await this.notifications.notify({
        userId, kind: event.type, sourceEventId: event.id,
        titleZh: `${to}${accepted ? '已接收' : '未接收'}个案转介`, titleEn: `${to} ${accepted ? 'accepted' : 'declined'} a case referral`,
        bodyZh: `您机构发出的个案转介已被${to}${accepted ? '接收' : '拒绝'}，详情见该转介。`,
        bodyEn: `${to} ${accepted ? 'accepted' : 'declined'} your organisation's case referral; see the referral for details.`,
        data: { referralId: p.referralId, status: p.status },
      });
    }
  }

  private async adminsOf(organisationId: string): Promise<string[]> {
    const rows: Array<{ user_id: string }> = await this.ctx.manager().query(
      `SELECT user_id FROM memberships WHERE organisation_id = $1 AND status = 'active' AND 'org_admin' = ANY(roles)`, [organisationId]);
    return rows.map((r) => r.user_id);
  }

  private async organisationName(id: string): Promise<string> {
    const [row]: Array<{ name: string }> = await this.ctx.manager().query(`SELECT name FROM organisations WHERE id = $1`, [id]);
    return row?.name ?? '另一机构';
  }
}
