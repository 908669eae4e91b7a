import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A stored document of any module. `content` is never loaded unless asked for (downloads only). */
@Entity('attachments')
export class AttachmentEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId: string;
  @Column('text', { name: 'owner_type' }) ownerType: string;
  @Column('uuid', { name: 'owner_id' }) ownerId: string;
  @Column('text') kind: string;
  @Column('text') filename: string;
  @Column('text') mime: string;
  @Column('int') size: number;
  @Column('text') sha256: string;
  @Column('bytea', { select: false }) content: Buffer;
  @Column('uuid', { name: 'uploaded_by', nullable: true }) uploadedBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column('timestamptz', { name: 'deleted_at', nullable: true }) deletedAt: Date | null;
  @Column('uuid', { name: 'deleted_by', nullable: true }) deletedBy: string | null;
}
