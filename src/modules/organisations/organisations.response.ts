import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LocalisedLabel, PageOf } from '@sanshe/common';
import { AttachmentsUploadResponse } from '../attachments/attachments.response';
import { MembersResendResponse, UserResponse } from '../members/members.response';

/* Response bodies of this controller's operations, as documented in the OpenAPI contract. */

export class OrganisationBankAccount {
  @ApiProperty({ type: String, example: "武侯区晋阳社会工作服务中心" }) accountName: string;
  @ApiProperty({ type: String, example: "成都银行" }) bankName: string;
  @ApiProperty({ type: String, example: "6217000011112222" }) accountNo: string;
}


export class OrganisationCommunity {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, example: "晋阳社区" }) name: string;
}


export class OrganisationContact {
  @ApiProperty({ type: String, example: "孙干事" }) name: string;
  @ApiProperty({ type: String, example: "02885001234" }) phone: string;
  @ApiProperty({ type: String, example: "contact@example.org", nullable: true }) email: string | null;
}


export class OrganisationGrade {
  @ApiProperty({ type: Number, example: 4 }) grade: number;
  @ApiProperty({ type: String, example: "4A" }) label: string;
  @ApiProperty({ type: String, format: 'date' }) validFrom: string;
  @ApiProperty({ type: String, format: 'date' }) validUntil: string;
  @ApiProperty({ type: Boolean }) current: boolean;
}


export class OrganisationServiceArea {
  @ApiProperty({ type: String, example: "elderly" }) code: string;
  @ApiProperty({ type: String, example: "养老服务" }) zh: string;
  @ApiProperty({ type: String, example: "Elderly care" }) en: string;
}


/** A field or document a submission still lacks: `item` is the field name or `document:<kind>`. */
export class OrganisationMissingItem {
  @ApiProperty({ type: String, example: 'document:charter' }) item: string;
  @ApiProperty({ type: String, example: '章程' }) zh: string;
  @ApiProperty({ type: String, example: 'charter' }) en: string;
}


export class OrganisationResponse {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, example: "武侯区晋阳社会工作服务中心" }) name: string;
  @ApiProperty({ type: String, example: "5251010779UDQG740Q" }) creditCode: string;
  @ApiProperty({ type: String, example: "social_service_agency" }) orgType: string;
  @ApiProperty({ type: () => LocalisedLabel }) orgTypeLabel: LocalisedLabel;
  @ApiProperty({ type: String, example: "成都市武侯区民政局" }) registrationAuthority: string;
  @ApiProperty({ type: String, format: 'date' }) registeredOn: string;
  @ApiProperty({ type: String, example: "刘理事长" }) legalRepresentative: string;
  @ApiProperty({ type: String, example: "武侯区晋阳路 88 号" }) address: string;
  @ApiProperty({ type: () => OrganisationCommunity, nullable: true }) community: OrganisationCommunity | null;
  @ApiProperty({ type: () => [OrganisationServiceArea] }) serviceAreas: OrganisationServiceArea[];
  @ApiProperty({ type: String, nullable: true }) introduction: string | null;
  @ApiProperty({ type: () => OrganisationContact }) contact: OrganisationContact;
  @ApiProperty({ type: () => OrganisationBankAccount }) bankAccount: OrganisationBankAccount;
  @ApiProperty({ type: Number, example: 10 }) staffCount: number;
  @ApiProperty({ type: Number, example: 4 }) certifiedSocialWorkers: number;
  @ApiProperty({ type: String, example: "returned" }) status: string;
  @ApiProperty({ type: () => LocalisedLabel }) statusLabel: LocalisedLabel;
  @ApiProperty({ type: String, example: "章程扫描件缺少第3页，请重新上传", nullable: true }) statusReason: string | null;
  @ApiProperty({ type: String, example: "good" }) standing: string;
  @ApiProperty({ type: () => LocalisedLabel }) standingLabel: LocalisedLabel;
  @ApiProperty({ type: String, example: "骗取财政资金", nullable: true }) standingReason: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) standingSince: string | null;
  @ApiProperty({ type: () => OrganisationGrade, nullable: true }) grade: OrganisationGrade | null;
  @ApiProperty({ type: () => OrganisationPendingChange, nullable: true }) pendingChange: OrganisationPendingChange | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) pendingChangeAt: string | null;
  @ApiProperty({ type: String, example: "self_registration" }) source: string;
  @ApiProperty({ type: String, format: 'date-time' }) submittedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) verifiedAt: string | null;
  @ApiProperty({ type: Number, example: 4 }) version: number;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: string;
  @ApiProperty({ type: () => [AttachmentsUploadResponse] }) documents: AttachmentsUploadResponse[];
  @ApiProperty({ type: () => [OrganisationMissingItem], description: 'what must be filled in or uploaded before the record can be submitted' })
  missingForSubmission: OrganisationMissingItem[];
}


export class MemberListCounts {
  @ApiProperty({ type: Number, example: 0 }) invited: number;
  @ApiProperty({ type: Number, example: 2 }) active: number;
  @ApiProperty({ type: Number, example: 0 }) suspended: number;
}


export class MemberListResponse extends PageOf(UserResponse) {
  @ApiProperty({ type: () => MemberListCounts }) counts: MemberListCounts;
}


export class OrganisationSummaryCommunity {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, example: "金雁社区" }) name: string;
}


export class OrganisationSummaryContact {
  @ApiProperty({ type: String, example: "吴会长" }) name: string;
  @ApiProperty({ type: String, example: "028-85000505" }) phone: string;
}


export class OrganisationSummaryGrade {
  @ApiProperty({ type: Number, example: 4 }) grade: number;
  @ApiProperty({ type: String, example: "4A" }) label: string;
  @ApiProperty({ type: String, format: 'date' }) validUntil: string;
}


export class OrganisationSummary {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, example: "成都市武侯区助残志愿者协会" }) name: string;
  @ApiProperty({ type: String, example: "51510107MJ0A005051" }) creditCode: string;
  @ApiProperty({ type: String, example: "social_group" }) orgType: string;
  @ApiProperty({ type: () => LocalisedLabel }) orgTypeLabel: LocalisedLabel;
  @ApiProperty({ type: String, format: 'date' }) registeredOn: string;
  @ApiProperty({ type: String, example: "吴某某" }) legalRepresentative: string;
  @ApiProperty({ type: () => OrganisationSummaryCommunity, nullable: true }) community: OrganisationSummaryCommunity | null;
  @ApiProperty({ type: () => [OrganisationServiceArea] }) serviceAreas: OrganisationServiceArea[];
  @ApiProperty({ type: String, example: "submitted" }) status: string;
  @ApiProperty({ type: () => LocalisedLabel }) statusLabel: LocalisedLabel;
  @ApiProperty({ type: String, example: "good" }) standing: string;
  @ApiProperty({ type: () => LocalisedLabel }) standingLabel: LocalisedLabel;
  @ApiProperty({ type: () => OrganisationSummaryGrade, nullable: true }) grade: OrganisationSummaryGrade | null;
  @ApiProperty({ type: () => [OrganisationServiceArea] }) qualifiedAreas: OrganisationServiceArea[];
  @ApiProperty({ type: () => OrganisationSummaryContact }) contact: OrganisationSummaryContact;
  @ApiProperty({ type: Number, example: 3 }) staffCount: number;
  @ApiProperty({ type: Number, example: 0 }) certifiedSocialWorkers: number;
  @ApiProperty({ type: Boolean }) hasPendingChange: boolean;
  @ApiProperty({ type: Number, example: 1 }) version: number;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: string;
}


export class OrganisationListCounts {
  @ApiProperty({ type: Number, example: 0 }) draft: number;
  @ApiProperty({ type: Number, example: 1 }) submitted: number;
  @ApiProperty({ type: Number, example: 4 }) verified: number;
  @ApiProperty({ type: Number, example: 0 }) returned: number;
  @ApiProperty({ type: Number, example: 0 }) closed: number;
}


export class OrganisationListResponse extends PageOf(OrganisationSummary) {
  @ApiProperty({ type: () => OrganisationListCounts }) counts: OrganisationListCounts;
}


export class OrganisationsHistoryItemDetailApplied {
  @ApiProperty({ type: String, example: "武侯区新名字服务中心" }) name: string;
  @ApiProperty({ type: String, example: "李新" }) legalRepresentative: string;
}

export class OrganisationsHistoryItemDetailBefore {
  @ApiProperty({ type: String, example: "武侯区老名字服务中心" }) name: string;
  @ApiProperty({ type: String, example: "张法人" }) legalRepresentative: string;
}


export class OrganisationsHistoryItemDetailRequested {
  @ApiProperty({ type: String, example: "武侯区新名字服务中心" }) name: string;
  @ApiProperty({ type: String, example: "李新" }) legalRepresentative: string;
}


export class OrganisationsHistoryItemDetail {
  @ApiPropertyOptional({ type: String, example: "刘理事长" }) applicant?: string;
  @ApiPropertyOptional({ type: () => OrganisationsHistoryItemDetailBefore }) before?: OrganisationsHistoryItemDetailBefore;
  @ApiPropertyOptional({ type: () => OrganisationsHistoryItemDetailRequested }) requested?: OrganisationsHistoryItemDetailRequested;
  @ApiPropertyOptional({ type: () => OrganisationsHistoryItemDetailApplied }) applied?: OrganisationsHistoryItemDetailApplied;
}


export class OrganisationsHistoryItem {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, example: "registered" }) action: string;
  @ApiProperty({ type: () => LocalisedLabel }) actionLabel: LocalisedLabel;
  @ApiProperty({ type: String, example: "draft", nullable: true }) fromStatus: string | null;
  @ApiProperty({ type: String, example: "draft", nullable: true }) toStatus: string | null;
  @ApiProperty({ type: String, example: "good", nullable: true }) fromStanding: string | null;
  @ApiProperty({ type: String, example: "suspended", nullable: true }) toStanding: string | null;
  @ApiProperty({ type: String, example: "章程扫描件缺少第3页，请重新上传", nullable: true }) reason: string | null;
  @ApiProperty({ type: () => OrganisationsHistoryItemDetail, nullable: true }) detail: OrganisationsHistoryItemDetail | null;
  @ApiProperty({ type: String, example: "刘理事长", nullable: true }) actorName: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) occurredAt: string;
}


export class OrganisationsHistoryResponse {
  @ApiProperty({ type: () => [OrganisationsHistoryItem] }) items: OrganisationsHistoryItem[];
  @ApiProperty({ type: Number, example: 5 }) total: number;
}


export class OrganisationsEligibleOrganisation {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, example: "测试社会工作服务中心20-724333" }) name: string;
  @ApiProperty({ type: String, example: "52510107PFJUUAPK3N" }) creditCode: string;
  @ApiProperty({ type: String, example: "social_service_agency" }) orgType: string;
  @ApiProperty({ type: String, example: "verified" }) status: string;
  @ApiProperty({ type: String, example: "good" }) standing: string;
  @ApiProperty({ type: Number, example: 4, nullable: true }) grade: number | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) gradeValidUntil: string | null;
  @ApiProperty({ type: String, format: 'date' }) registeredOn: string;
  @ApiProperty({ type: [String] }) qualifiedAreas: string[];
}


/** An unmet condition of eligibility (organisation-eligibility.service.ts), in both languages. */
export class EligibilityReasonItem {
  @ApiProperty({ type: String, example: 'GRADE_TOO_LOW' }) code: string;
  @ApiProperty({ type: String, example: '评估等级低于3A' }) zh: string;
  @ApiProperty({ type: String, example: 'Assessment grade below 3A' }) en: string;
}


export class OrganisationsEligibleResponse {
  @ApiProperty({ type: Boolean }) eligible: boolean;
  @ApiProperty({ type: () => [EligibilityReasonItem] }) reasons: EligibilityReasonItem[];
  @ApiProperty({ type: String, format: 'date' }) judgedOn: string;
  @ApiProperty({ type: () => OrganisationsEligibleOrganisation }) organisation: OrganisationsEligibleOrganisation;
}


/** Certificate facts changed on a verified record and awaiting the district's approval: only the changed ones are present. */
export class OrganisationPendingChange {
  @ApiPropertyOptional({ type: String, example: "武侯区新名字服务中心" }) name?: string;
  @ApiPropertyOptional({ type: String, example: "52510107MJ0000001X" }) creditCode?: string;
  @ApiPropertyOptional({ type: String, example: "social_service_agency" }) orgType?: string;
  @ApiPropertyOptional({ type: String, example: "武侯区民政局" }) registrationAuthority?: string;
  @ApiPropertyOptional({ type: String, format: 'date', example: "2019-05-20" }) registeredOn?: string;
  @ApiPropertyOptional({ type: String, example: "李新" }) legalRepresentative?: string;
}


export class OrganisationRecordCommunity {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, example: "晋阳社区" }) name: string;
}


export class OrganisationRecordResponse {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, example: "武侯区晋阳社会工作服务中心" }) name: string;
  @ApiProperty({ type: String, example: "5251010779UDQG740Q" }) creditCode: string;
  @ApiProperty({ type: String, example: "social_service_agency" }) orgType: string;
  @ApiProperty({ type: () => LocalisedLabel }) orgTypeLabel: LocalisedLabel;
  @ApiProperty({ type: String, example: "成都市武侯区民政局" }) registrationAuthority: string;
  @ApiProperty({ type: String, format: 'date' }) registeredOn: string;
  @ApiProperty({ type: String, example: "刘理事长" }) legalRepresentative: string;
  @ApiProperty({ type: String, example: "武侯区晋阳路 88 号" }) address: string;
  @ApiProperty({ type: () => OrganisationRecordCommunity, nullable: true }) community: OrganisationRecordCommunity | null;
  @ApiProperty({ type: () => [OrganisationServiceArea] }) serviceAreas: OrganisationServiceArea[];
  @ApiProperty({ type: String, nullable: true }) introduction: string | null;
  @ApiProperty({ type: () => OrganisationContact }) contact: OrganisationContact;
  @ApiProperty({ type: () => OrganisationBankAccount }) bankAccount: OrganisationBankAccount;
  @ApiProperty({ type: Number, example: 10 }) staffCount: number;
  @ApiProperty({ type: Number, example: 4 }) certifiedSocialWorkers: number;
  @ApiProperty({ type: String, example: "draft" }) status: string;
  @ApiProperty({ type: () => LocalisedLabel }) statusLabel: LocalisedLabel;
  @ApiProperty({ type: String, nullable: true }) statusReason: string | null;
  @ApiProperty({ type: String, example: "good" }) standing: string;
  @ApiProperty({ type: () => LocalisedLabel }) standingLabel: LocalisedLabel;
  @ApiProperty({ type: String, nullable: true }) standingReason: string | null;
  @ApiProperty({ type: String, nullable: true }) standingSince: string | null;
  @ApiProperty({ type: String, nullable: true }) grade: string | null;
  @ApiProperty({ type: () => OrganisationPendingChange, nullable: true }) pendingChange: OrganisationPendingChange | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) pendingChangeAt: string | null;
  @ApiProperty({ type: String, example: "self_registration" }) source: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) submittedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) verifiedAt: string | null;
  @ApiProperty({ type: Number, example: 2 }) version: number;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: string;
}


export class OrganisationsCreateResponse {
  @ApiProperty({ type: () => OrganisationRecordResponse }) organisation: OrganisationRecordResponse;
  @ApiProperty({ type: String, nullable: true }) adminInvitation: string | null;
}


export class OrganisationsInviteResponse {
  @ApiProperty({ type: () => UserResponse }) member: UserResponse;
  @ApiProperty({ type: () => MembersResendResponse }) invitation: MembersResendResponse;
}


export class QualificationResponse {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, format: 'uuid' }) organisationId: string;
  @ApiProperty({ type: () => [OrganisationServiceArea] }) serviceAreas: OrganisationServiceArea[];
  @ApiProperty({ type: String, example: "已承接养老项目三年", nullable: true }) statement: string | null;
  @ApiProperty({ type: String, example: "applied" }) status: string;
  @ApiProperty({ type: () => LocalisedLabel }) statusLabel: LocalisedLabel;
  @ApiProperty({ type: String, example: "applied" }) effectiveStatus: string;
  @ApiProperty({ type: Boolean }) inForce: boolean;
  @ApiProperty({ type: String, nullable: true }) decisionReason: string | null;
  @ApiProperty({ type: String, nullable: true }) validFrom: string | null;
  @ApiProperty({ type: String, nullable: true }) validUntil: string | null;
  @ApiProperty({ type: String, nullable: true }) decidedAt: string | null;
  @ApiProperty({ type: Number, example: 1 }) version: number;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
}


export class QualificationOrganisation {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, example: '武侯区晋阳社会工作服务中心' }) name: string;
  @ApiProperty({ type: String, example: '5251010779UDQG740Q' }) creditCode: string;
}

/** A qualification in the district's review queue, with the organisation it belongs to. */
export class QualificationQueueItem extends QualificationResponse {
  @ApiProperty({ type: () => QualificationOrganisation }) organisation: QualificationOrganisation;
}

/** Every qualification of one organisation (not paged: a handful per organisation). */
export class QualificationListResponse {
  @ApiProperty({ type: () => [QualificationResponse] }) items: QualificationResponse[];
  @ApiProperty({ type: Number, example: 2 }) total: number;
}
