import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { OrganisationType, ServiceArea } from './service-areas';

export type OrganisationStatus = 'draft' | 'submitted' | 'verified' | 'returned' | 'closed';
export type OrganisationStanding = 'good' | 'suspended' | 'blacklisted';

/**
 * The facts on the registration certificate. Changing them on a verified record needs the district's approval:
 * name, code and legal representative because the issue says so; type, authority and date because they are tied
 * to the code or decide eligibility ("registered ≥ N years").
 */
export const CORE_FACTS = ['name', 'creditCode', 'orgType', 'registrationAuthority', 'registeredOn', 'legalRepresentative'] as const;
export type CoreFact = (typeof CORE_FACTS)[number];
export type CoreFacts = Partial<Pick<OrganisationEntity, CoreFact>>;

/**
 * A social organisation's record in one district's registry. The same organisation in another district is another
 * record there. Dates are `YYYY-MM-DD` strings (calendar dates, judged in Asia/Shanghai).
 */
@Entity('organisations')
export class OrganisationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId: string;
  @Column('text') name: string;
  @Column('text', { name: 'credit_code' }) creditCode: string;
  @Column('text', { name: 'org_type' }) orgType: OrganisationType;
  @Column('text', { name: 'registration_authority' }) registrationAuthority: string;
  @Column('date', { name: 'registered_on' }) registeredOn: string;
  @Column('text', { name: 'legal_representative' }) legalRepresentative: string;
  @Column('text', { nullable: true }) address: string | null;
  @Column('uuid', { name: 'place_id', nullable: true }) placeId: string | null;
  @Column('text', { name: 'service_areas', array: true }) serviceAreas: ServiceArea[];
  @Column('text', { nullable: true }) introduction: string | null;
  @Column('text', { name: 'contact_name', nullable: true }) contactName: string | null;
  @Column('text', { name: 'contact_phone', nullable: true }) contactPhone: string | null;
  @Column('text', { name: 'contact_email', nullable: true }) contactEmail: string | null;
  @Column('text', { name: 'bank_account_name', nullable: true }) bankAccountName: string | null;
  @Column('text', { name: 'bank_name', nullable: true }) bankName: string | null;
  /** Ciphertext of the account number (district data key, field `organisation.bank_account_no`). */
  @Column('bytea', { name: 'bank_account_no_enc', nullable: true }) bankAccountNoEnc: Buffer | null;
  /** The clear account number, in memory only: OrganisationStore.find decrypts it, OrganisationRegistryService.save encrypts it. */
  bankAccountNo?: string | null;
  @Column('int', { name: 'staff_count', nullable: true }) staffCount: number | null;
  @Column('int', { name: 'certified_social_workers', nullable: true }) certifiedSocialWorkers: number | null;
  @Column('text') status: OrganisationStatus;
  @Column('text', { name: 'status_reason', nullable: true }) statusReason: string | null;
  @Column('text') standing: OrganisationStanding;
  @Column('text', { name: 'standing_reason', nullable: true }) standingReason: string | null;
  @Column('timestamptz', { name: 'standing_since', nullable: true }) standingSince: Date | null;
  @Column('smallint', { nullable: true }) grade: number | null;
  @Column('date', { name: 'grade_valid_from', nullable: true }) gradeValidFrom: string | null;
  @Column('date', { name: 'grade_valid_until', nullable: true }) gradeValidUntil: string | null;
  @Column('jsonb', { name: 'pending_change', nullable: true }) pendingChange: CoreFacts | null;
  @Column('timestamptz', { name: 'pending_change_at', nullable: true }) pendingChangeAt: Date | null;
  @Column('text') source: 'self_registration' | 'district';
  @Column('timestamptz', { name: 'submitted_at', nullable: true }) submittedAt: Date | null;
  @Column('timestamptz', { name: 'verified_at', nullable: true }) verifiedAt: Date | null;
  @Column('uuid', { name: 'verified_by', nullable: true }) verifiedBy: string | null;
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy: string | null;
  @VersionColumn() version: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
