import { Inject, Injectable } from '@nestjs/common';
import { Actor, CommonErrorCode, Page, commonError, decodeCursor, encodeCursor } from '@sanshe/common';
import { TenantContext } from '@sanshe/tenancy';
import { NotificationEntity } from './notification.entity';
import { MESSAGE_TRANSPORT, MessageTransport } from './transports/message-transport';

export interface NotificationDraft {
  userId: string;
  kind: string;
  titleZh: string;
  titleEn: string;
  bodyZh: string;
  bodyEn: string;
  data?: Record<string, unknown>;
  sourceEventId: string;
  /** Also send by e-mail (or SMS when the person has no e-mail) through the configured transport. */
  external?: boolean;
}

/**
 * In-app notifications, plus e-mail/SMS through a pluggable transport. Delivery is exactly-once per event and
 * person: the notification row and each delivery row are unique, so a redelivered job finds them and stops.
 */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly ctx: TenantContext,
    @Inject(MESSAGE_TRANSPORT) private readonly transport: MessageTransport,
  ) {}

  /** Returns false when this event already notified this person (a retried job). */
  async notify(draft: NotificationDraft): Promise<boolean> {
    const m = this.ctx.manager();
    const [created]: Array<{ id: string }> = await m.query(
      `INSERT INTO notifications (tenant_id, user_id, kind, title_zh, title_en, body_zh, body_en, data, source_event_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (tenant_id, source_event_id, user_id) DO NOTHING RETURNING id`,
      [this.ctx.tenantId(), draft.userId, draft.kind, draft.titleZh, draft.titleEn, draft.bodyZh, draft.bodyEn, JSON.stringify(draft.data ?? {}), draft.sourceEventId],
    );
    if (!created) return false;
    if (draft.external) await this.deliver(created.id, draft);
    return true;
  }

  private async deliver(notificationId: string, draft: NotificationDraft): Promise<void> {
    const [user]: Array<{ email: string | null; phone: string | null }> = await this.ctx.manager().query(
      `SELECT email, phone FROM users WHERE id = $1`, [draft.userId]);
    const channel = user?.email ? 'email' : user?.phone ? 'sms' : null;
    if (!channel) return;
    const to = (channel === 'email' ? user.email : user.phone)!;
    const [row]: Array<{ id: string }> = await this.ctx.manager().query(
      `INSERT INTO notification_deliveries (tenant_id, notification_id, channel, recipient, transport, status)
       VALUES ($1, $2, $3, $4, $5, 'sent') ON CONFLICT (tenant_id, notification_id, channel) DO NOTHING RETURNING id`,
      [this.ctx.tenantId(), notificationId, channel, to, this.transport.name],
    );
    if (!row) return;
    // Sent inside the transaction: if sending throws, the rows roll back and the job is retried.
    await this.transport.send({ channel, to, subject: draft.titleZh, text: `${draft.bodyZh}\n\n${draft.bodyEn}` });
  }

  async listMine(actor: Actor, query: { limit?: number; cursor?: string; unread?: boolean }): Promise<Page<NotificationEntity> & { unread: number }> {
    const repo = this.ctx.repo(NotificationEntity);
    const qb = repo.createQueryBuilder('n').where('n.user_id = :uid', { uid: actor.userId });
    const unread = await qb.clone().andWhere('n.read_at IS NULL').getCount();
    if (query.unread) qb.andWhere('n.read_at IS NULL');
    const total = await qb.getCount();
    const cursor = decodeCursor(query.cursor);
    if (cursor) qb.andWhere('(n.created_at, n.id) < (:cAt, :cId)', { cAt: cursor.sortKey, cId: cursor.id });
    const limit = query.limit ?? 50;
    const items = await qb.orderBy('n.created_at', 'DESC').addOrderBy('n.id', 'DESC').take(limit + 1).getMany();
    const more = items.length > limit;
    if (more) items.pop();
    const last = items[items.length - 1];
    return { items, total, unread, nextCursor: more && last ? encodeCursor(last.createdAt.toISOString(), last.id) : null };
  }

  async markRead(actor: Actor, id: string): Promise<void> {
    const res = await this.ctx.repo(NotificationEntity).createQueryBuilder().update()
      .set({ readAt: () => 'COALESCE(read_at, now())' }).where('id = :id AND user_id = :uid', { id, uid: actor.userId }).execute();
    if (!res.affected) throw commonError(CommonErrorCode.NOT_FOUND, { id });
  }

  async markAllRead(actor: Actor): Promise<number> {
    const res = await this.ctx.repo(NotificationEntity).createQueryBuilder().update()
      .set({ readAt: () => 'now()' }).where('user_id = :uid AND read_at IS NULL', { uid: actor.userId }).execute();
    return res.affected ?? 0;
  }
}
