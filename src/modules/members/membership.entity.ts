import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { Role } from '@sanshe/common';

export type MembershipStatus = 'invited' | 'active' | 'suspended';

/** A person's place in one district: roles, status, and (for organisation roles) the organisation acted for. */
@Entity('memberships')
export class MembershipEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId: string;
  @Column('uuid', { name: 'user_id' }) userId: string;
  @Column('text', { array: true }) roles: Role[];
  @Column('text') status: MembershipStatus;
  @Column('uuid', { name: 'organisation_id', nullable: true }) organisationId: string | null;
  @Column('uuid', { name: 'place_id', nullable: true }) placeId: string | null;
  @Column('text', { nullable: true }) title: string | null;
  @Column('text', { name: 'status_reason', nullable: true }) statusReason: string | null;
  @Column('uuid', { name: 'invited_by', nullable: true }) invitedBy: string | null;
  @VersionColumn() version: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
