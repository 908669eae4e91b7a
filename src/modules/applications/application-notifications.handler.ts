import { Injectable } from '@nestjs/common';
import { DomainEvent, OnDomainEvent } from '@sanshe/queue';
import { NotificationsService } from '../notifications/notifications.service';
import { APPLICATION_SCREENED } from './application-screening.service';
import { APPLICATION_SUBMITTED } from './application-submission.service';

const DECISIONS = {
  pass: { zh: '资格审查通过', en: 'passed screening' },
  return: { zh: '被退回补正', en: 'was returned for correction' },
  reject: { zh: '资格审查未通过', en: 'was rejected at screening' },
} as const;

/** Tells the applicants (whoever started the application and its co-editors) what happened to it. */
@Injectable()
export class ApplicationNotificationsHandler {
  constructor(private readonly notifications: NotificationsService) {}

  @OnDomainEvent(APPLICATION_SUBMITTED, 'notify-application-submitted')
  async submitted(event: DomainEvent<{ applicationId: string; referenceNo: string; callTitle: string; projectTitle: string; submittedAt: string; userIds: string[] }>) {
    const p = event.payload;
    for (const userId of p.userIds) {
      await this.notifications.notify({
        userId, kind: APPLICATION_SUBMITTED, sourceEventId: event.id,
        titleZh: `申报书已提交：${p.referenceNo}`, titleEn: `Application submitted: ${p.referenceNo}`,
        bodyZh: `「${p.projectTitle}」已提交至「${p.callTitle}」，受理编号 ${p.referenceNo}，提交时间 ${p.submittedAt}。`,
        bodyEn: `"${p.projectTitle}" was submitted to "${p.callTitle}" as ${p.referenceNo} at ${p.submittedAt}.`,
        data: { applicationId: p.applicationId, referenceNo: p.referenceNo },
      });
    }
  }

  @OnDomainEvent(APPLICATION_SCREENED, 'notify-application-screened')
  async screened(event: DomainEvent<{ applicationId: string; referenceNo: string; decision: keyof typeof DECISIONS; reason: string; callTitle: string; userIds: string[] }>) {
    const p = event.payload;
    const d = DECISIONS[p.decision];
    for (const userId of p.userIds) {
      await this.notifications.notify({
        userId, kind: APPLICATION_SCREENED, sourceEventId: event.id,
        titleZh: `申报书 ${p.referenceNo} ${d.zh}`, titleEn: `Application ${p.referenceNo} ${d.en}`,
        bodyZh: `「${p.callTitle}」申报书 ${p.referenceNo} ${d.zh}。理由：${p.reason}`,
        bodyEn: `Application ${p.referenceNo} to "${p.callTitle}" ${d.en}. Reason: ${p.reason}`,
        data: { applicationId: p.applicationId, decision: p.decision },
      });
    }
  }
}
