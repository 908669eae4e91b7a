import { ApiFenProperty } from '@sanshe/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TranchePlanItem } from '../dto/call-settings.schema';
import { ApplicationCoreBudgetLine, ApplicationCoreIndicator } from '../../applications/applications.response';

/* Response bodies of this controller's operations, as documented in the OpenAPI contract. */

export class OutcomeResultCriterionMeans {
  @ApiProperty({ type: Number, example: 5.6 }) need: number;
  @ApiProperty({ type: Number, example: 5.6 }) design: number;
  @ApiProperty({ type: Number, example: 5.6 }) budget: number;
}


/** The award this application won, once awarded: enough for the applicant to accept it and quote its number. */
export class OutcomeResultAward {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, example: "GYCT-2026-0001" }) referenceNo: string;
  @ApiFenProperty({ example: '15000000' }) amountFen: string;
  @ApiProperty({ type: String, example: "offered" }) status: string;
}

export class OutcomeResultResponse {
  @ApiProperty({ type: String, format: 'uuid' }) applicationId: string;
  @ApiProperty({ type: String, example: "GYSB-2026-0003" }) referenceNo: string;
  @ApiProperty({ type: String, example: "declined" }) status: string;
  @ApiProperty({ type: Number, example: 60 }) score: number;
  @ApiProperty({ type: Number, example: 3 }) rank: number;
  @ApiProperty({ type: Number, example: 3 }) ranked: number;
  @ApiProperty({ type: Number, example: 5 }) reviewCount: number;
  @ApiProperty({ type: () => OutcomeResultCriterionMeans }) criterionMeans: OutcomeResultCriterionMeans;
  @ApiProperty({ type: () => OutcomeResultAward, nullable: true }) award: OutcomeResultAward | null;
}


export class OutcomeSelectItem {
  @ApiProperty({ type: String, format: 'uuid' }) applicationId: string;
  @ApiProperty({ type: Number, example: 1 }) rank: number;
  @ApiProperty({ type: Number, example: 84 }) score: number;
  @ApiFenProperty({ example: '18000000' }) requestedFen: string;
  @ApiFenProperty({ example: '18000000' }) amountFen: string;
  @ApiProperty({ type: String, example: "宣传费用偏高，核减1万元", nullable: true }) reason: string | null;
  @ApiProperty({ type: String, example: "GYSB-2026-0001" }) referenceNo: string;
  @ApiProperty({ type: String, example: "银龄互助·社区长者陪伴计划" }) projectTitle: string;
  @ApiProperty({ type: String, example: "晋阳社会工作服务中心" }) organisationName: string;
}


export class OutcomeSelectResponse {
  @ApiProperty({ type: String, format: 'uuid' }) callId: string;
  @ApiProperty({ type: Number, example: 5 }) version: number;
  @ApiProperty({ type: String, example: "reviewing" }) status: string;
  @ApiProperty({ type: () => [OutcomeSelectItem] }) items: OutcomeSelectItem[];
  @ApiFenProperty({ example: '37000000' }) totalFen: string;
  @ApiFenProperty({ example: '200000000' }) fundPoolFen: string;
  @ApiProperty({ type: String, example: "第三名得分刚达合格线，本期优先资助前两名", nullable: true }) reason: string | null;
}


export class OutcomePublishNoticeResponse {
  @ApiProperty({ type: String, format: 'uuid' }) callId: string;
  @ApiProperty({ type: Number, example: 6 }) version: number;
  @ApiProperty({ type: String, example: "notice" }) status: string;
  @ApiProperty({ type: () => [OutcomeSelectItem] }) items: OutcomeSelectItem[];
  @ApiFenProperty({ example: '37000000' }) totalFen: string;
  @ApiFenProperty({ example: '200000000' }) fundPoolFen: string;
  @ApiProperty({ type: String, example: "第三名得分刚达合格线，本期优先资助前两名", nullable: true }) reason: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) noticeStartsAt: string;
  @ApiProperty({ type: String, format: 'date-time' }) noticeEndsAt: string;
  @ApiProperty({ type: String, format: 'date' }) noticeLastDay: string;
}


export class OutcomeAnswerResponse {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, example: "answered" }) status: string;
  @ApiProperty({ type: String, example: "经核实，该机构去年项目结项评估为良好。" }) answer: string;
}


export class OutcomeAwardAward {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, example: "GY-2026-0001" }) referenceNo: string;
  @ApiProperty({ type: String, format: 'uuid' }) applicationId: string;
  @ApiFenProperty({ example: '18000000' }) amountFen: string;
}


export class OutcomeAwardResponse {
  @ApiProperty({ type: String, format: 'uuid' }) callId: string;
  @ApiProperty({ type: String, example: "awarded" }) status: string;
  @ApiProperty({ type: () => [OutcomeAwardAward] }) awards: OutcomeAwardAward[];
  @ApiProperty({ type: Number, example: 9, description: 'the call\'s version after the award' }) version: number;
}


export class OutcomeAcceptRecordMilestone {
  @ApiProperty({ type: String, example: "完成需求调研" }) name: string;
  @ApiProperty({ type: String, format: 'date' }) dueOn: string;
}

export class OutcomeAcceptRecord {
  @ApiProperty({ type: String, format: 'uuid' }) callId: string;
  @ApiProperty({ type: String, format: 'date' }) endsOn: string;
  @ApiProperty({ type: String, format: 'uuid' }) awardId: string;
  @ApiProperty({ type: String, example: "为独居长者提供入户探访与集中活动。" }) summary: string;
  @ApiProperty({ type: String, format: 'date' }) startsOn: string;
  @ApiFenProperty({ example: '18000000' }) amountFen: string;
  @ApiProperty({ type: String, example: "2026年社区公益创投大赛" }) callTitle: string;
  @ApiProperty({ type: () => [ApplicationCoreIndicator] }) indicators: ApplicationCoreIndicator[];
  @ApiProperty({ type: () => [OutcomeAcceptRecordMilestone] }) milestones: OutcomeAcceptRecordMilestone[];
  @ApiProperty({ type: () => [ApplicationCoreBudgetLine] }) budgetLines: ApplicationCoreBudgetLine[];
  @ApiProperty({ type: String, example: "GY-2026-0001" }) referenceNo: string;
  @ApiProperty({ type: () => [TranchePlanItem] }) tranchePlan: TranchePlanItem[];
  @ApiFenProperty({ example: '3600000' }) coFundingFen: string;
  @ApiProperty({ type: [String] }) communityIds: string[];
  @ApiProperty({ type: String, example: "银龄互助·社区长者陪伴计划" }) projectTitle: string;
  @ApiFenProperty({ example: '18000000' }) requestedFen: string;
  @ApiProperty({ type: [String] }) serviceAreas: string[];
  @ApiProperty({ type: String, format: 'uuid' }) applicationId: string;
  @ApiProperty({ type: String, format: 'uuid' }) officerUserId: string;
  @ApiProperty({ type: String, format: 'uuid' }) organisationId: string;
  @ApiProperty({ type: String, example: "GYSB-2026-0001" }) applicationReferenceNo: string;
}


export class AwardProjectLink {
  @ApiProperty({ type: String, format: 'uuid', description: 'GET /projects/{id}' }) id: string;
  @ApiProperty({ type: String, example: "active" }) status: string;
}


export class OutcomeAcceptResponse {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, format: 'uuid' }) callId: string;
  @ApiProperty({ type: String, format: 'uuid' }) applicationId: string;
  @ApiProperty({ type: String, format: 'uuid' }) organisationId: string;
  @ApiProperty({ type: String, example: "GY-2026-0001" }) referenceNo: string;
  @ApiFenProperty({ example: '18000000' }) amountFen: string;
  @ApiProperty({ type: String, example: "accepted" }) status: string;
  @ApiProperty({ type: String, format: 'date-time' }) acceptedAt: string;
  @ApiProperty({ type: String }) agreementSha256: string;
  @ApiProperty({ type: String }) agreementUrl: string;
  @ApiProperty({ type: () => OutcomeAcceptRecord }) record: OutcomeAcceptRecord;
  @ApiProperty({ type: () => AwardProjectLink, nullable: true, description: 'the project this award became; null until the projects module has created it' }) project: AwardProjectLink | null;
  @ApiProperty({ type: String, enum: ['awaiting_acceptance', 'pending', 'created'], example: 'pending',
    description: "awaiting_acceptance: agreement not accepted; pending: accepted, the project is being created (poll GET /awards/{id}); created: see project" })
  projectStatus: 'awaiting_acceptance' | 'pending' | 'created';
  @ApiProperty({ type: Boolean, description: "true while projectStatus is 'pending'" }) projectPending: boolean;
  @ApiProperty({ type: Number, example: 2 }) version: number;
}


/** The awards of a call (a handful per call, not paged). */
export class AwardListResponse {
  @ApiProperty({ type: () => [OutcomeAcceptResponse] }) items: OutcomeAcceptResponse[];
}

/** An objection as officials read it: the filer's contact details are for officials only. */
export class ObjectionView {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) applicationId: string | null;
  @ApiProperty({ type: String, example: '张先生' }) name: string;
  @ApiProperty({ type: String, example: '13800001111' }) contact: string;
  @ApiProperty({ type: String }) content: string;
  @ApiProperty({ type: String, enum: ['open', 'answered'] }) status: string;
  @ApiProperty({ type: String, nullable: true }) answer: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) answeredAt: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) receivedAt: string;
}

export class ObjectionListResponse {
  @ApiProperty({ type: () => [ObjectionView] }) items: ObjectionView[];
}
