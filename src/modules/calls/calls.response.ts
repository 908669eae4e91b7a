import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LocalisedLabel, ApiFenProperty } from '@sanshe/common';
import { CallEligibility, CallForm, Rubric, TranchePlanItem } from './dto/call-settings.schema';

/* Response bodies of this controller's operations, as documented in the OpenAPI contract. */

export class CallResponse {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, example: "2026年社区公益创投大赛" }) title: string;
  @ApiProperty({ type: String, example: "一老一小" }) theme: string;
  @ApiProperty({ type: String, example: "面向本区社区的养老与儿童服务项目征集。" }) description: string;
  @ApiFenProperty({ example: '200000000' }) fundPoolFen: string;
  @ApiFenProperty({ example: '5000000' }) minAmountFen: string;
  @ApiFenProperty({ example: '20000000' }) maxAmountFen: string;
  @ApiProperty({ type: Number, example: 20 }) coFundingPercent: number;
  @ApiProperty({ type: [String] }) serviceAreas: string[];
  @ApiProperty({ type: [String] }) communityIds: string[];
  @ApiProperty({ type: () => CallEligibility }) eligibility: CallEligibility;
  @ApiProperty({ type: () => CallForm }) form: CallForm;
  @ApiProperty({ type: () => Rubric }) rubric: Rubric;
  @ApiProperty({ type: Number, example: 5 }) reviewersPerApplication: number;
  @ApiProperty({ type: Boolean }) blindReview: boolean;
  @ApiProperty({ type: Boolean }) normaliseScores: boolean;
  @ApiProperty({ type: Number, example: 60 }) minScoreToFund: number;
  @ApiProperty({ type: Number, example: 1 }) applicationsPerOrganisation: number;
  @ApiProperty({ type: Number, example: 5 }) noticeWorkingDays: number;
  @ApiProperty({ type: () => [TranchePlanItem] }) tranchePlan: TranchePlanItem[];
  @ApiProperty({ type: String, format: 'date' }) projectStartsOn: string;
  @ApiProperty({ type: String, format: 'date' }) projectEndsOn: string;
  @ApiProperty({ type: String, format: 'date-time' }) opensAt: string;
  @ApiProperty({ type: String, format: 'date-time' }) closesAt: string;
  @ApiProperty({ type: String, format: 'date-time' }) reviewBy: string;
  @ApiProperty({ type: String, format: 'date' }) noticeOn: string;
  @ApiProperty({ type: String, format: 'date' }) awardBy: string;
  @ApiProperty({ type: String, example: "closed" }) status: string;
  @ApiProperty({ type: String, format: 'date-time' }) publishedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) reviewStartedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) noticeStartsAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) noticeEndsAt: string | null;
  @ApiProperty({ type: String, nullable: true }) awardedAt: string | null;
  @ApiProperty({ type: Number, example: 3 }) version: number;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: string;
  @ApiProperty({ type: () => LocalisedLabel }) statusLabel: LocalisedLabel;
  @ApiProperty({ type: Boolean }) acceptingApplications: boolean;
  @ApiProperty({ type: String, format: 'uuid' }) officerUserId: string;
  @ApiProperty({ type: String, example: "第三名得分刚达合格线，本期优先资助前两名", nullable: true }) selectionReason: string | null;
}


export class DistrictHolidayResponse {
  @ApiProperty({ type: String, format: 'date' }) day: string;
  @ApiProperty({ type: String, example: "holiday" }) kind: string;
  @ApiProperty({ type: String, example: "区级调休" }) name: string;
}


export class CallsListHolidaysResponse {
  @ApiProperty({ type: Number, example: 2026 }) year: number;
  @ApiProperty({ type: () => [DistrictHolidayResponse] }) items: DistrictHolidayResponse[];
}
