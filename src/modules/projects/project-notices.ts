import { Injectable } from '@nestjs/common';
import { DomainEvent, OnDomainEvent, OutboxService } from '@sanshe/queue';
import { TenantContext } from '@sanshe/tenancy';
import { NotificationsService } from '../notifications/notifications.service';

export const PROJECT_NOTICE = 'projects.notice';

export interface ProjectNoticePayload {
  kind: string;
  userIds: string[];
  titleZh: string;
  titleEn: string;
  bodyZh: string;
  bodyEn: string;
  data: Record<string, unknown>;
  [key: string]: unknown;
}

export interface NoticeText {
  kind: string;
  titleZh: string;
  titleEn: string;
  bodyZh: string;
  bodyEn: string;
  data?: Record<string, unknown>;
}

export type Audience = 'organisation' | 'officer' | 'finance';

/**
 * Telling people about a project: the recipients are resolved when the change happens and the notice goes through
 * the outbox with it, so a notice exists exactly when its change committed; the handler delivers it once per person.
 */
@Injectable()
export class ProjectNotices {
  constructor(
    private readonly ctx: TenantContext,
    private readonly outbox: OutboxService,
    private readonly notifications: NotificationsService,
  ) {}

  async send(project: { id: string; organisationId: string; officerUserId: string; referenceNo: string }, audience: Audience[], notice: NoticeText): Promise<void> {
    const userIds = new Set<string>();
    if (audience.includes('officer')) userIds.add(project.officerUserId);
    if (audience.includes('organisation') || audience.includes('finance')) {
      const rows: Array<{ user_id: string }> = await this.ctx.manager().query(
        `SELECT user_id FROM memberships WHERE status = 'active' AND (
           ($1 AND organisation_id = $2 AND roles && ARRAY['org_admin','org_staff']::text[]) OR ($3 AND 'finance_officer' = ANY(roles)))`,
        [audience.includes('organisation'), project.organisationId, audience.includes('finance')]);
      for (const r of rows) userIds.add(r.user_id);
    }
    if (!userIds.size) return;
    await this.outbox.publish(PROJECT_NOTICE, {
      ...notice,
      userIds: [...userIds],
      data: { projectId: project.id, referenceNo: project.referenceNo, ...(notice.data ?? {}) },
    } satisfies ProjectNoticePayload);
  }

  @OnDomainEvent(PROJECT_NOTICE, 'projects.deliver-notice')
  async deliver(event: DomainEvent<ProjectNoticePayload>): Promise<void> {
    const p = event.payload;
    for (const userId of p.userIds) {
      await this.notifications.notify({
        userId, kind: p.kind, sourceEventId: event.id, titleZh: p.titleZh, titleEn: p.titleEn, bodyZh: p.bodyZh, bodyEn: p.bodyEn, data: p.data,
      });
    }
  }
}
