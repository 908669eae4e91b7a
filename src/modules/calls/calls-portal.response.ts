import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LocalisedLabel, ApiFenProperty } from '@sanshe/common';
import { CallEligibility, CallForm } from './dto/call-settings.schema';
import { OrganisationServiceArea } from '../organisations/organisations.response';

/* Response bodies of this controller's operations, as documented in the OpenAPI contract. */

export class PublicCallRubricCriterion {
  @ApiProperty({ type: String, example: "need" }) code: string;
  @ApiProperty({ type: String, example: "需求精准" }) name: string;
  @ApiProperty({ type: Number, example: 40 }) weight: number;
}

export class PublicCallRubric {
  @ApiProperty({ type: () => [PublicCallRubricCriterion] }) criteria: PublicCallRubricCriterion[];
}


export class PublicCallResponse {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, example: "2026年社区公益创投大赛" }) title: string;
  @ApiProperty({ type: String, example: "一老一小" }) theme: string;
  @ApiFenProperty({ example: '200000000' }) fundPoolFen: string;
  @ApiFenProperty({ example: '5000000' }) minAmountFen: string;
  @ApiFenProperty({ example: '20000000' }) maxAmountFen: string;
  @ApiProperty({ type: Number, example: 20 }) coFundingPercent: number;
  @ApiProperty({ type: () => [OrganisationServiceArea] }) serviceAreas: OrganisationServiceArea[];
  @ApiProperty({ type: [String] }) communityIds: string[];
  @ApiProperty({ type: () => CallEligibility }) eligibility: CallEligibility;
  @ApiProperty({ type: String, format: 'date-time' }) opensAt: string;
  @ApiProperty({ type: String, format: 'date-time' }) closesAt: string;
  @ApiProperty({ type: String, format: 'date-time' }) reviewBy: string;
  @ApiProperty({ type: String, format: 'date' }) noticeOn: string;
  @ApiProperty({ type: String, format: 'date' }) awardBy: string;
  @ApiProperty({ type: String, example: "published" }) status: string;
  @ApiProperty({ type: () => LocalisedLabel }) statusLabel: LocalisedLabel;
  @ApiProperty({ type: Boolean }) acceptingApplications: boolean;
  @ApiProperty({ type: String, example: "面向本区社区的养老与儿童服务项目征集。" }) description: string;
  @ApiProperty({ type: () => CallForm }) form: CallForm;
  @ApiProperty({ type: () => PublicCallRubric }) rubric: PublicCallRubric;
}


export class CallsPortalListItem {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, example: "2026年武侯区社区公益创投" }) title: string;
  @ApiProperty({ type: String, example: "一老一小·社区共治" }) theme: string;
  @ApiFenProperty({ example: '200000000' }) fundPoolFen: string;
  @ApiFenProperty({ example: '3000000' }) minAmountFen: string;
  @ApiFenProperty({ example: '20000000' }) maxAmountFen: string;
  @ApiProperty({ type: Number, example: 20 }) coFundingPercent: number;
  @ApiProperty({ type: () => [OrganisationServiceArea] }) serviceAreas: OrganisationServiceArea[];
  @ApiProperty({ type: [String] }) communityIds: string[];
  @ApiProperty({ type: () => CallEligibility }) eligibility: CallEligibility;
  @ApiProperty({ type: String, format: 'date-time' }) opensAt: string;
  @ApiProperty({ type: String, format: 'date-time' }) closesAt: string;
  @ApiProperty({ type: String, format: 'date-time' }) reviewBy: string;
  @ApiProperty({ type: String, format: 'date' }) noticeOn: string;
  @ApiProperty({ type: String, format: 'date' }) awardBy: string;
  @ApiProperty({ type: String, example: "published" }) status: string;
  @ApiProperty({ type: () => LocalisedLabel }) statusLabel: LocalisedLabel;
  @ApiProperty({ type: Boolean }) acceptingApplications: boolean;
}


export class CallsPortalListResponse {
  @ApiProperty({ type: () => [CallsPortalListItem] }) items: CallsPortalListItem[];
  @ApiProperty({ type: Number, example: 1 }) total: number;
}

