import { Injectable } from '@nestjs/common';
import { DomainEvent, DomainEventMap, OnDomainEvent } from '@sanshe/queue';
import { TenantContext } from '@sanshe/tenancy';
import { NotificationsService } from '../notifications/notifications.service';

const STANDING = { good: ['正常', 'in good standing'], suspended: ['暂停', 'suspended'], blacklisted: ['列入黑名单', 'blacklisted'] } as Record<string, [string, string]>;

/** Tells an organisation's admins of the district's decisions on its registration, standing and qualifications. */
@Injectable()
export class OrganisationNotificationsHandler {
  constructor(
    private readonly ctx: TenantContext,
    private readonly notifications: NotificationsService,
  ) {}

  @OnDomainEvent('organisation.verified', 'organisations.notify-verified')
  verified(event: DomainEvent<DomainEventMap['organisation.verified']>) {
    return this.tell(event, (name) => [`${name}登记信息已核验通过`, `${name}: registration verified`, '贵机构已列入社会组织名录。', 'Your organisation is now in the district registry.']);
  }

  @OnDomainEvent('organisation.returned', 'organisations.notify-returned')
  returned(event: DomainEvent<DomainEventMap['organisation.returned']>) {
    const reason = event.payload.reason ?? '';
    return this.tell(event, (name) => [`${name}登记信息被退回补正`, `${name}: registration returned`, `理由：${reason}。请修改后重新提交。`, `Reason: ${reason}. Correct it and submit again.`]);
  }

  @OnDomainEvent('organisation.standing_changed', 'organisations.notify-standing')
  standing(event: DomainEvent<DomainEventMap['organisation.standing_changed']>) {
    const [zh, en] = STANDING[event.payload.to] ?? [event.payload.to, event.payload.to];
    return this.tell(event, (name) => [`${name}信用状态：${zh}`, `${name} is now ${en}`, `理由：${event.payload.reason}`, `Reason: ${event.payload.reason}`]);
  }

  @OnDomainEvent('organisation.qualification_approved', 'organisations.notify-qualification-approved')
  approved(event: DomainEvent<DomainEventMap['organisation.qualification_approved']>) {
    return this.tell(event, (name) => [`${name}承接资质已核准`, `${name}: qualification approved`, '贵机构的承接资质申请已核准。', 'Your qualification application was approved.']);
  }

  @OnDomainEvent('organisation.qualification_rejected', 'organisations.notify-qualification-rejected')
  rejected(event: DomainEvent<DomainEventMap['organisation.qualification_rejected']>) {
    return this.tell(event, (name) => [`${name}承接资质未获核准`, `${name}: qualification rejected`, '理由见资质记录。', 'The reason is on the qualification record.']);
  }

  @OnDomainEvent('organisation.qualification_revoked', 'organisations.notify-qualification-revoked')
  revoked(event: DomainEvent<DomainEventMap['organisation.qualification_revoked']>) {
    return this.tell(event, (name) => [`${name}承接资质已被撤销`, `${name}: qualification revoked`, '理由见资质记录。', 'The reason is on the qualification record.']);
  }

  private async tell(event: DomainEvent<{ organisationId: string } & Record<string, unknown>>, text: (name: string) => [string, string, string, string]) {
    const { organisationId } = event.payload;
    const [org]: Array<{ name: string }> = await this.ctx.manager().query(`SELECT name FROM organisations WHERE id = $1`, [organisationId]);
    if (!org) return;
    const [titleZh, titleEn, bodyZh, bodyEn] = text(org.name);
    const admins: Array<{ user_id: string }> = await this.ctx.manager().query(
      `SELECT user_id FROM memberships WHERE organisation_id = $1 AND status = 'active' AND 'org_admin' = ANY(roles)`, [organisationId]);
    for (const a of admins) {
      await this.notifications.notify({
        userId: a.user_id, kind: event.type, sourceEventId: event.id, titleZh, titleEn, bodyZh, bodyEn,
        data: { organisationId, ...('qualificationId' in event.payload ? { qualificationId: event.payload.qualificationId } : {}) },
      });
    }
  }
}
