import { Injectable } from '@nestjs/common';
import { DomainEvent, OnDomainEvent } from '@sanshe/queue';
import { formatYuan } from '@sanshe/common';
import { NotificationsService } from '../../notifications/notifications.service';
import { APPLICATION_DECLINED, AWARD_OFFERED } from './award.service';

const yuan = (fen: string) => formatYuan(fen);

/** Tells organisations the outcome: an award with its agreement to accept, or a decline with the score summary. */
@Injectable()
export class OutcomeNotificationsHandler {
  constructor(private readonly notifications: NotificationsService) {}

  @OnDomainEvent(AWARD_OFFERED, 'notify-award-offered')
  async offered(event: DomainEvent<{ awardId: string; referenceNo: string; callTitle: string; projectTitle: string; amountFen: string; userIds: string[] }>) {
    const p = event.payload;
    for (const userId of p.userIds) {
      await this.notifications.notify({
        userId, kind: AWARD_OFFERED, sourceEventId: event.id, external: true,
        titleZh: `项目已立项：${p.referenceNo}`, titleEn: `Project awarded: ${p.referenceNo}`,
        bodyZh: `「${p.projectTitle}」在「${p.callTitle}」中获资助 ${yuan(p.amountFen)} 元。请登录平台查看并确认资助协议。`,
        bodyEn: `"${p.projectTitle}" was awarded CNY ${yuan(p.amountFen)} in "${p.callTitle}". Sign in to read and accept the grant agreement.`,
        data: { awardId: p.awardId },
      });
    }
  }

  @OnDomainEvent(APPLICATION_DECLINED, 'notify-application-declined')
  async declined(event: DomainEvent<{ applicationId: string; referenceNo: string; callTitle: string; projectTitle: string; score: number | null; rank: number | null; ranked: number; reviewCount: number; userIds: string[] }>) {
    const p = event.payload;
    const scoreZh = p.score === null ? '未获评分' : `综合得分 ${p.score.toFixed(2)}，排名 ${p.rank}/${p.ranked}（${p.reviewCount} 位专家评审）`;
    const scoreEn = p.score === null ? 'not scored' : `score ${p.score.toFixed(2)}, ranked ${p.rank} of ${p.ranked} (${p.reviewCount} reviewers)`;
    for (const userId of p.userIds) {
      await this.notifications.notify({
        userId, kind: APPLICATION_DECLINED, sourceEventId: event.id,
        titleZh: `申报书 ${p.referenceNo} 未入选`, titleEn: `Application ${p.referenceNo} was not selected`,
        bodyZh: `「${p.projectTitle}」未入选「${p.callTitle}」资助名单。${scoreZh}。感谢参与。`,
        bodyEn: `"${p.projectTitle}" was not selected in "${p.callTitle}": ${scoreEn}. Thank you for applying.`,
        data: { applicationId: p.applicationId, score: p.score, rank: p.rank },
      });
    }
  }
}
