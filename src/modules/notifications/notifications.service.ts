import { Inject, Injectable } from '@nestjs/common';
import { Actor, CommonErrorCode, Page, commonError, decodeCursor, encodeCursor } from '@sanshe/common';
import { TenantContext } from '@sanshe/tenancy';
import { NotificationEntity } from './notification.entity';
import { MESSAGE_TRANSPORT, MessageTransport } from './transports/message-transport';

interface NotificationRow {
  id: string;
  kind: string;
  title_zh: string;
  title_en: string;
  body_zh: string;
  body_en: string;
  data: Record<string, unknown>;
  read_at: Date | null;
  created_at: Date;
}

export interface NotificationView {
  id: string;
  kind: string;
  titleZh: string;
  titleEn: string;
  bodyZh: string;
  bodyEn: string;
  data: Record<string, unknown>;
  readAt: Date | null;
  createdAt: Date;
}

function toView(r: NotificationRow): NotificationView {
  return { id: r.id, kind: r.kind, titleZh: r.title_zh, titleEn: r.title_en, bodyZh: r.body_zh, bodyEn: r.body_en, data: r.data, readAt: r.read_at, createdAt: r.created_at };
}

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
  /**
   * Text for the e-mail/SMS only, when it must carry something the in-app copy may not keep (a one-time link).
   * Defaults to the in-app body.
   */
  externalText?: { zh: string; en: string };
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

  /** Whether this event has already notified this person (a retried or repeated job). */
  async alreadyNotified(sourceEventId: string, userId: string): Promise<boolean> {
    const rows: unknown[] = await this.ctx.manager().query(
      `SELECT 1 FROM notifications WHERE source_event_id = $1 AND user_id = $2`, [sourceEventId, userId]);
    return rows.length > 0;
  }

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
      [this.ctx.tenantId(), notificationId, channel, to, this.transport.nameFor?.(channel) ?? this.transport.name],
    );
    if (!row) return;
    // Sent inside the transaction: if sending throws, the rows roll back and the job is retried.
    const text = draft.externalText ?? { zh: draft.bodyZh, en: draft.bodyEn };
    await this.transport.send({ channel, to, subject: draft.titleZh, text: `${text.zh}\n\n${text.en}` });
  }

  /**
   * My notifications with the unread badge count. Page and counts come from one statement, so they agree even while
   * the worker is adding notifications (separate count queries could see a newer snapshot than the page).
   */
  async listMine(actor: Actor, query: { limit?: number; cursor?: string; unread?: boolean }): Promise<Page<NotificationView> & { unread: number }> {
    const limit = query.limit ?? 50;
    const cursor = decodeCursor(query.cursor);
    const params: unknown[] = [actor.userId, !!query.unread, limit + 1];
    const after = cursor ? `AND (x.created_at, x.id) < ($${params.push(cursor.sortKey)}::timestamptz, $${params.push(cursor.id)}::uuid)` : '';
    const rows: Array<NotificationRow & { unread_count: number; all_count: number }> = await this.ctx.manager().query(
      `SELECT * FROM (
         SELECT n.id, n.kind, n.title_zh, n.title_en, n.body_zh, n.body_en, n.data, n.read_at, n.created_at,
                (count(*) FILTER (WHERE n.read_at IS NULL) OVER ())::int AS unread_count, (count(*) OVER ())::int AS all_count
           FROM notifications n WHERE n.user_id = $1) x
        WHERE (NOT $2 OR x.read_at IS NULL) ${after}
        ORDER BY x.created_at DESC, x.id DESC LIMIT $3`,
      params,
    );
    const more = rows.length > limit;
    if (more) rows.pop();
    const last = rows[rows.length - 1];
    const counts = rows[0] ?? (await this.counts(actor.userId));
    return {
      items: rows.map(toView),
      total: query.unread ? counts.unread_count : counts.all_count,
      unread: counts.unread_count,
      nextCursor: more && last ? encodeCursor(new Date(last.created_at).toISOString(), last.id) : null,
    };
  }

  private async counts(userId: string): Promise<{ unread_count: number; all_count: number }> {
    const [row] = await this.ctx.manager().query(
      `SELECT (count(*) FILTER (WHERE read_at IS NULL))::int AS unread_count, count(*)::int AS all_count FROM notifications WHERE user_id = $1`, [userId]);
    return row;
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
