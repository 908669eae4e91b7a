import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { ServiceArea } from './service-areas';

export type QualificationStatus = 'applied' | 'approved' | 'rejected' | 'withdrawn' | 'revoked';

/**
 * An application for, and the district's decision on, the qualification to undertake government purchases of
 * services (承接政府购买服务资质) in chosen service areas. An approved one is in force from `validFrom` until
 * `validUntil` (inclusive; open-ended when null).
 */
@Entity('organisation_qualifications')
export class OrganisationQualificationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId: string;
  @Column('uuid', { name: 'organisation_id' }) organisationId: string;
  @Column('text', { name: 'service_areas', array: true }) serviceAreas: ServiceArea[];
  @Column('text', { nullable: true }) statement: string | null;
  @Column('text') status: QualificationStatus;
  @Column('text', { name: 'decision_reason', nullable: true }) decisionReason: string | null;
  @Column('date', { name: 'valid_from', nullable: true }) validFrom: string | null;
  @Column('date', { name: 'valid_until', nullable: true }) validUntil: string | null;
  @Column('uuid', { name: 'applied_by', nullable: true }) appliedBy: string | null;
  @Column('uuid', { name: 'decided_by', nullable: true }) decidedBy: string | null;
  @Column('timestamptz', { name: 'decided_at', nullable: true }) decidedAt: Date | null;
  @VersionColumn() version: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
