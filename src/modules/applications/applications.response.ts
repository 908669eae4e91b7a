import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LocalisedLabel, ApiFenProperty } from '@sanshe/common';
import { FORM_ANSWERS } from './dto/application.dto';
import { EligibilityReasonItem, OrganisationsEligibleOrganisation } from '../organisations/organisations.response';

/* Response bodies of this controller's operations, as documented in the OpenAPI contract. */

export class ApplicationCoreBudgetLine {
  @ApiProperty({ type: String, example: "B01" }) code: string;
  @ApiProperty({ type: String, example: "人员劳务" }) name: string;
  @ApiFenProperty({ example: '9000000' }) amountFen: string;
}

export class ApplicationCoreIndicator {
  @ApiProperty({ type: String, example: "I01" }) code: string;
  @ApiProperty({ type: String, example: "探访人次" }) name: string;
  @ApiProperty({ type: String, example: "人次" }) unit: string;
  @ApiProperty({ type: Number, example: 1200 }) target: number;
  @ApiProperty({ type: Number, example: 0 }) baseline: number;
}


export class ApplicationCoreMilestone {
  @ApiProperty({ type: String, example: "完成需求调研" }) name: string;
  @ApiProperty({ type: String, format: 'date' }) dueOn: string;
}


export class ApplicationCore {
  @ApiProperty({ type: () => [ApplicationCoreIndicator] }) indicators: ApplicationCoreIndicator[];
  @ApiProperty({ type: () => [ApplicationCoreMilestone] }) milestones: ApplicationCoreMilestone[];
  @ApiProperty({ type: () => [ApplicationCoreBudgetLine] }) budgetLines: ApplicationCoreBudgetLine[];
  @ApiProperty({ type: [String] }) communityIds: string[];
  @ApiProperty({ type: [String] }) serviceAreas: string[];
  @ApiProperty({ type: String, example: "社区 60 岁以上独居老人 120 名" }) beneficiaries: string;
}


export class ApplicationEditor {
  @ApiProperty({ type: String, format: 'uuid' }) membershipId: string;
  @ApiProperty({ type: String, example: "孙干事" }) name: string;
}


export class ApplicationEligibility {
  @ApiProperty({ type: Boolean }) eligible: boolean;
  @ApiProperty({ type: String, format: 'date' }) judgedOn: string;
  @ApiProperty({ type: () => OrganisationsEligibleOrganisation }) organisation: OrganisationsEligibleOrganisation;
}


export class ApplicationsChecksResponse {
  @ApiProperty({ type: Boolean }) eligible: boolean;
  @ApiProperty({ type: () => [EligibilityReasonItem] }) reasons: EligibilityReasonItem[];
  @ApiProperty({ type: String, format: 'date' }) judgedOn: string;
  @ApiProperty({ type: Boolean }) submittedBeforeClose: boolean;
  @ApiProperty({ type: Boolean }) snapshotPresent: boolean;
}


export class ApplicationResponse {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, format: 'uuid' }) callId: string;
  @ApiProperty({ type: String, format: 'uuid' }) organisationId: string;
  @ApiProperty({ type: String, example: "晋阳社会工作服务中心" }) organisationName: string;
  @ApiProperty({ type: String, example: "银龄互助·社区长者陪伴计划" }) title: string;
  @ApiProperty({ type: String, example: "为独居长者提供入户探访与集中活动。" }) summary: string;
  @ApiFenProperty({ example: '18000000' }) requestedFen: string;
  @ApiFenProperty({ example: '3600000' }) coFundingFen: string;
  @ApiProperty({ type: () => ApplicationCore }) core: ApplicationCore;
  @ApiProperty(FORM_ANSWERS) answers: Record<string, unknown>;
  @ApiProperty({ type: String, example: "passed" }) status: string;
  @ApiProperty({ type: String, example: "GYSB-2026-0001", nullable: true }) referenceNo: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) submittedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) snapshotSha256: string | null;
  @ApiProperty({ type: String, example: "材料齐全，符合申报条件", nullable: true }) screeningReason: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) screenedAt: string | null;
  @ApiProperty({ type: Number, example: 4 }) version: number;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: string;
  @ApiProperty({ type: () => LocalisedLabel }) statusLabel: LocalisedLabel;
  @ApiProperty({ type: () => ApplicationEligibility, nullable: true }) eligibility: ApplicationEligibility | null;
  @ApiProperty({ type: () => ApplicationsChecksResponse, nullable: true }) autoChecks: ApplicationsChecksResponse | null;
  @ApiProperty({ type: () => [ApplicationEditor] }) editors: ApplicationEditor[];
  @ApiProperty({ type: Boolean }) canEdit: boolean;
}


export class ApplicationSummary {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, format: 'uuid' }) callId: string;
  @ApiProperty({ type: String, format: 'uuid' }) organisationId: string;
  @ApiProperty({ type: String, example: "测试社会工作服务中心6-736389" }) organisationName: string;
  @ApiProperty({ type: String, example: "银龄互助·社区长者陪伴计划" }) title: string;
  @ApiProperty({ type: String, example: "为独居长者提供入户探访与集中活动。" }) summary: string;
  @ApiFenProperty({ example: '15000000' }) requestedFen: string;
  @ApiFenProperty({ example: '3000000' }) coFundingFen: string;
  @ApiProperty({ type: () => ApplicationCore }) core: ApplicationCore;
  @ApiProperty(FORM_ANSWERS) answers: Record<string, unknown>;
  @ApiProperty({ type: String, example: "passed" }) status: string;
  @ApiProperty({ type: String, example: "GYSB-2026-0001" }) referenceNo: string;
  @ApiProperty({ type: String, format: 'date-time' }) submittedAt: string;
  @ApiProperty({ type: String }) snapshotSha256: string;
  @ApiProperty({ type: String, example: "符合条件" }) screeningReason: string;
  @ApiProperty({ type: String, format: 'date-time' }) screenedAt: string;
  @ApiProperty({ type: Number, example: 3 }) version: number;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: string;
  @ApiProperty({ type: () => LocalisedLabel }) statusLabel: LocalisedLabel;
  @ApiProperty({ type: () => ApplicationEligibility }) eligibility: ApplicationEligibility;
  @ApiProperty({ type: () => ApplicationsChecksResponse }) autoChecks: ApplicationsChecksResponse;
}


export class ApplicationsHistoryItem {
  @ApiProperty({ type: String, example: "create" }) action: string;
  @ApiProperty({ type: String, example: "draft", nullable: true }) from: string | null;
  @ApiProperty({ type: String, example: "draft" }) to: string;
  @ApiProperty({ type: String, example: "材料齐全，符合申报条件", nullable: true }) reason: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) at: string;
}


export class ApplicationsHistoryResponse {
  @ApiProperty({ type: () => [ApplicationsHistoryItem] }) items: ApplicationsHistoryItem[];
}


/** The co-editors of an application after adding or removing one. */
export class ApplicationEditorsResponse {
  @ApiProperty({ type: () => [ApplicationEditor] }) editors: ApplicationEditor[];
}

