import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LocalisedLabel } from '@sanshe/common';
import { CaseBeneficiary } from './cases.response';

/* Response bodies of this controller's operations, as documented in the OpenAPI contract. */

export class BeneficiaryCommunity {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, example: "玉林北路社区" }) name: string;
}


/** One of the fixed vulnerability tags (casework-fields.ts), with its label in both languages. */
export class VulnerabilityTagLabel {
  @ApiProperty({ type: String, example: 'dibao' }) code: string;
  @ApiProperty({ type: () => LocalisedLabel }) label: LocalisedLabel;
}


export class BeneficiaryResponse {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, example: "张大爷" }) name: string;
  @ApiProperty({ type: String, example: "male" }) gender: string;
  @ApiProperty({ type: Number, example: 1984 }) birthYear: number;
  @ApiProperty({ type: String, example: "5101**********775X" }) idNumber: string;
  @ApiProperty({ type: String, example: "138****1064" }) phone: string;
  @ApiProperty({ type: () => BeneficiaryCommunity }) community: BeneficiaryCommunity;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: Number, example: 42 }) age: number;
  @ApiProperty({ type: String, example: "已登记 / recorded (reveal to view)" }) address: string;
  @ApiProperty({ type: Boolean }) hasAddress: boolean;
  @ApiProperty({ type: Boolean }) hasHousehold: boolean;
  @ApiProperty({ type: Boolean }) hasVulnerabilityNotes: boolean;
  @ApiProperty({ type: Boolean }) hasNotes: boolean;
  @ApiProperty({ type: () => [VulnerabilityTagLabel] }) vulnerabilityTags: VulnerabilityTagLabel[];
  @ApiProperty({ type: String, nullable: true }) guardian: string | null;
  @ApiProperty({ type: [String] }) activeConsents: string[];
  @ApiProperty({ type: Number, example: 1 }) version: number;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: string;
}


export class AccessLogSummaryActor {
  @ApiProperty({ type: String, format: 'uuid' }) membershipId: string;
  @ApiProperty({ type: String, example: "吴社工" }) name: string;
}

export class AccessLogSummaryBeneficiary {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, example: "张大爷" }) name: string;
}


export class AccessLogSummary {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, format: 'date-time' }) occurredAt: string;
  @ApiProperty({ type: String, example: "reveal" }) action: string;
  @ApiProperty({ type: String, example: "beneficiary" }) subjectType: string;
  @ApiProperty({ type: String, format: 'uuid' }) subjectId: string;
  @ApiProperty({ type: () => AccessLogSummaryBeneficiary }) beneficiary: AccessLogSummaryBeneficiary;
  @ApiProperty({ type: String, example: "phone" }) field: string;
  @ApiProperty({ type: String, example: "电话预约家访时间" }) reason: string;
  @ApiProperty({ type: () => AccessLogSummaryActor }) actor: AccessLogSummaryActor;
  @ApiProperty({ type: String, format: 'uuid' }) requestId: string;
}


export class BeneficiariesRegisterResponse {
  @ApiProperty({ type: Boolean }) existing: boolean;
  @ApiProperty({ type: () => BeneficiaryResponse }) beneficiary: BeneficiaryResponse;
}


export class BeneficiariesLookupResponse {
  @ApiProperty({ type: Boolean }) found: boolean;
  @ApiProperty({ type: () => CaseBeneficiary, nullable: true }) beneficiary: CaseBeneficiary | null;
}


export class BeneficiariesRevealResponse {
  @ApiProperty({ type: String, example: "phone" }) field: string;
  @ApiProperty({ type: String, example: "13893161064" }) value: string;
}


export class BeneficiariesRecordConsentResponse {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, format: 'uuid' }) beneficiaryId: string;
  @ApiProperty({ type: String, example: "service" }) purpose: string;
  @ApiProperty({ type: String, example: "2026版" }) formVersion: string;
  @ApiProperty({ type: String, format: 'date' }) givenOn: string;
  @ApiProperty({ type: String, example: "self" }) givenBy: string;
  @ApiProperty({ type: [String] }) scope: string[];
  @ApiProperty({ type: Boolean }) active: boolean;
  @ApiProperty({ type: String, nullable: true }) endedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) endKind: string | null;
  @ApiProperty({ type: String, nullable: true }) endReason: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
}


export class BeneficiariesWithdrawResponse {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, format: 'uuid' }) beneficiaryId: string;
  @ApiProperty({ type: String, example: "referral" }) purpose: string;
  @ApiProperty({ type: String, example: "2026版" }) formVersion: string;
  @ApiProperty({ type: String, format: 'date' }) givenOn: string;
  @ApiProperty({ type: String, example: "self" }) givenBy: string;
  @ApiProperty({ type: [String] }) scope: string[];
  @ApiProperty({ type: Boolean }) active: boolean;
  @ApiProperty({ type: String, format: 'date-time' }) endedAt: string;
  @ApiProperty({ type: String, example: "withdrawn" }) endKind: string;
  @ApiProperty({ type: String, example: "服务对象不再同意转介" }) endReason: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: [String] }) cancelledReferrals: string[];
}


export class BeneficiaryCommunityRef {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, example: '晋阳社区', nullable: true }) name: string | null;
}

/** A person served, as lists show them: identifiers masked. */
export class BeneficiarySummary {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, example: '张桂兰' }) name: string;
  @ApiProperty({ type: String, example: 'female', nullable: true }) gender: string | null;
  @ApiProperty({ type: Number, example: 1948, nullable: true }) birthYear: number | null;
  @ApiProperty({ type: String, example: '5101**********123X', nullable: true }) idNumber: string | null;
  @ApiProperty({ type: String, example: '138****5678', nullable: true }) phone: string | null;
  @ApiProperty({ type: () => BeneficiaryCommunityRef, nullable: true }) community: BeneficiaryCommunityRef | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
}

/** Every consent of one person (a few, not paged). */
export class ConsentListResponse {
  @ApiProperty({ type: () => [BeneficiariesRecordConsentResponse] }) items: BeneficiariesRecordConsentResponse[];
}
