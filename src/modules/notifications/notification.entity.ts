import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An in-app message to one person in one district, created once per source event. */
@Entity('notifications')
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId: string;
  @Column('uuid', { name: 'user_id' }) userId: string;
  @Column('text') kind: string;
  @Column('text', { name: 'title_zh' }) titleZh: string;
  @Column('text', { name: 'title_en' }) titleEn: string;
  @Column('text', { name: 'body_zh' }) bodyZh: string;
  @Column('text', { name: 'body_en' }) bodyEn: string;
  @Column('jsonb') data: Record<string, unknown>;
  @Column('uuid', { name: 'source_event_id' }) sourceEventId: string;
  @Column('timestamptz', { name: 'read_at', nullable: true }) readAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
