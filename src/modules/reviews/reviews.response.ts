import { ApiFenProperty, LocalisedLabel } from '@sanshe/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CallForm, Rubric } from '../calls/dto/call-settings.schema';
import { ApplicationCore } from '../applications/applications.response';
import { FORM_ANSWERS } from '../applications/dto/application.dto';
import { OutcomeResultCriterionMeans } from '../calls/outcome/outcome.response';

/* Response bodies of this controller's operations, as documented in the OpenAPI contract. */

/** A file of the application's submitted snapshot, with where to download it. */
export class AssignmentAttachment {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, example: 'proposal' }) kind: string;
  @ApiProperty({ type: () => LocalisedLabel, nullable: true }) kindLabel: LocalisedLabel | null;
  @ApiProperty({ type: String, example: '申报书.pdf' }) filename: string;
  @ApiProperty({ type: String, example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08' }) sha256: string;
  @ApiProperty({ type: String, example: '/api/v1/attachments/0b6f3c9e-2f4c-4c55-9a57-2f1f5b0e1d2a/content' }) downloadUrl: string;
}


/** A reviewer's score for one rubric criterion, as saved (a draft may not score every criterion yet). */
export class AssignmentScore {
  @ApiProperty({ type: String, example: 'need' }) code: string;
  @ApiProperty({ type: Number, example: 8 }) score: number;
  @ApiPropertyOptional({ type: String, example: '需求调研扎实' }) comment?: string;
}


export class AssignmentApplication {
  @ApiProperty({ type: String, example: "GYSB-2026-0001" }) referenceNo: string;
  @ApiProperty({ type: () => ApplicationCore }) core: ApplicationCore;
  @ApiProperty({ type: () => CallForm }) form: CallForm;
  @ApiProperty({ type: String, example: "银龄互助·社区长者陪伴计划" }) title: string;
  @ApiPropertyOptional({ type: String, example: '晋阳社会工作服务中心', description: "the applying organisation's name; left out when the call is blind-reviewed, so a reviewer never learns who applied" })
  organisationName?: string;
  @ApiProperty({ type: String, format: 'uuid' }) callId: string;
  @ApiProperty(FORM_ANSWERS) answers: Record<string, unknown>;
  @ApiProperty({ type: String, example: "为独居长者提供入户探访与集中活动。" }) summary: string;
  @ApiProperty({ type: String, example: "2026年社区公益创投大赛" }) callTitle: string;
  @ApiProperty({ type: () => [AssignmentAttachment], description: 'the files submitted with the application that this reviewer may open (none while a conflict is declared)' })
  attachments: AssignmentAttachment[];
  @ApiFenProperty({ example: '3600000' }) coFundingFen: string;
  @ApiFenProperty({ example: '18000000' }) requestedFen: string;
}


export class AssignmentCall {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, example: "2026年社区公益创投大赛" }) title: string;
  @ApiProperty({ type: () => Rubric }) rubric: Rubric;
  @ApiProperty({ type: String, format: 'date-time' }) reviewBy: string;
  @ApiProperty({ type: Boolean }) blindReview: boolean;
}


export class AssignmentResponse {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, example: "assigned" }) status: string;
  @ApiProperty({ type: Number, example: 1 }) version: number;
  @ApiProperty({ type: () => [AssignmentScore] }) scores: AssignmentScore[];
  @ApiProperty({ type: String, nullable: true }) comment: string | null;
  @ApiProperty({ type: Number, nullable: true, example: 82.5 }) weightedTotal: number | null;
  @ApiProperty({ type: String, nullable: true }) submittedAt: string | null;
  @ApiProperty({ type: () => AssignmentCall }) call: AssignmentCall;
  @ApiProperty({ type: () => AssignmentApplication }) application: AssignmentApplication;
}


export class ReviewsProgressItem {
  @ApiProperty({ type: String, format: 'uuid' }) applicationId: string;
  @ApiProperty({ type: String, example: "GYSB-2026-0001" }) referenceNo: string;
  @ApiProperty({ type: Number, example: 2 }) pending: number;
  @ApiProperty({ type: Number, example: 0 }) submitted: number;
  @ApiProperty({ type: Number, example: 0 }) conflicts: number;
}


export class ReviewsProgressResponse {
  @ApiProperty({ type: () => [ReviewsProgressItem] }) items: ReviewsProgressItem[];
}


export class ReviewsRankItem {
  @ApiProperty({ type: Number, example: 1 }) rank: number;
  @ApiProperty({ type: String, format: 'uuid' }) applicationId: string;
  @ApiProperty({ type: String, example: "GYSB-2026-0001" }) referenceNo: string;
  @ApiProperty({ type: String, format: 'uuid' }) organisationId: string;
  @ApiProperty({ type: String, example: "晋阳社会工作服务中心" }) organisationName: string;
  @ApiProperty({ type: String, example: "银龄互助·社区长者陪伴计划" }) projectTitle: string;
  @ApiFenProperty({ example: '18000000' }) requestedFen: string;
  @ApiProperty({ type: Number, example: 84 }) score: number;
  @ApiProperty({ type: Number, example: 5 }) reviewCount: number;
  @ApiProperty({ type: Boolean }) highestAndLowestDropped: boolean;
  @ApiProperty({ type: () => OutcomeResultCriterionMeans }) criterionMeans: OutcomeResultCriterionMeans;
  @ApiProperty({ type: Boolean }) proposed: boolean;
  @ApiFenProperty({ example: '18000000' }) proposedFen: string;
  @ApiProperty({ type: String, example: "fits" }) proposalNote: string;
}


export class ReviewsRankResponse {
  @ApiProperty({ type: () => [ReviewsRankItem] }) items: ReviewsRankItem[];
  @ApiFenProperty({ example: '200000000' }) fundPoolFen: string;
  @ApiFenProperty({ example: '53000000' }) proposedTotalFen: string;
  @ApiFenProperty({ example: '147000000' }) remainingFen: string;
  @ApiProperty({ type: Boolean }) normalised: boolean;
  @ApiProperty({ type: Boolean }) reviewFinished: boolean;
}


export class ReviewsMineItem {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, example: "assigned" }) status: string;
  @ApiProperty({ type: String, nullable: true }) submittedAt: string | null;
  @ApiProperty({ type: String, format: 'uuid' }) callId: string;
  @ApiProperty({ type: String, example: "2026年社区公益创投大赛" }) callTitle: string;
  @ApiProperty({ type: String, format: 'date-time' }) reviewBy: string;
  @ApiProperty({ type: String, example: "GYSB-2026-0001" }) referenceNo: string;
  @ApiProperty({ type: String, example: "银龄互助·社区长者陪伴计划" }) projectTitle: string;
  @ApiPropertyOptional({ type: String, example: "测试社会工作服务中心7-363255" }) organisationName?: string;
}


export class ReviewsMineResponse {
  @ApiProperty({ type: () => [ReviewsMineItem] }) items: ReviewsMineItem[];
}


export class ReviewsSetPanelItem {
  @ApiProperty({ type: String, format: 'uuid' }) membershipId: string;
  @ApiProperty({ type: String, example: "评审专家5" }) name: string;
  @ApiProperty({ type: Number, example: 0 }) assignments: number;
}

export class ReviewsSetPanelResponse {
  @ApiProperty({ type: () => [ReviewsSetPanelItem] }) items: ReviewsSetPanelItem[];
}


export class ReviewsAssignResponse {
  @ApiProperty({ type: Number, example: 15 }) created: number;
  @ApiProperty({ type: String, example: "reviewing" }) callStatus: string;
  @ApiProperty({ type: () => [ReviewsSetPanelItem] }) panel: ReviewsSetPanelItem[];
}


/** The assignment after its reviewer declared a conflict (the assignment view itself is closed to them from now on). */
export class ReviewsConflictResponse {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, example: "conflict" }) status: string;
  @ApiProperty({ type: Boolean, description: 'another reviewer of the panel took the application over' }) replaced: boolean;
  @ApiProperty({ type: Number, example: 2 }) version: number;
}



/** A reviewer kept away from an application: a conflict they declared (with its reason) or a staff link to the applicant. */
export class ReviewsCallConflictItem {
  @ApiProperty({ type: String, format: 'uuid' }) membershipId: string;
  @ApiProperty({ type: String, example: '评审专家2' }) reviewerName: string;
  @ApiProperty({ type: String, format: 'uuid' }) organisationId: string;
  @ApiProperty({ type: String, example: '晋阳社会工作服务中心' }) organisationName: string;
  @ApiProperty({ type: String, format: 'uuid' }) applicationId: string;
  @ApiProperty({ type: String, example: 'GYSB-2026-0001' }) referenceNo: string;
  @ApiProperty({ type: String, enum: ['declared', 'staff'], description: 'declared: the reviewer declared it; staff: they work or worked for the applicant' })
  kind: 'declared' | 'staff';
  @ApiProperty({ type: String, nullable: true, example: '曾为该机构提供督导', description: 'the reason the reviewer gave (declared only)' }) reason: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) declaredAt: string | null;
}

export class ReviewsCallConflictsResponse {
  @ApiProperty({ type: () => [ReviewsCallConflictItem] }) items: ReviewsCallConflictItem[];
}
