import { ApiFenProperty } from '@sanshe/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ProjectTotalTotal } from '../casework/casework-team.response';
import { FundsSummaryResponse } from '../funds/funds.response';

/* Response bodies of this controller's operations, as documented in the OpenAPI contract. */

export class ProjectEvaluation {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, example: "midterm" }) stage: string;
  @ApiProperty({ type: Number, example: 85 }) score: number;
  @ApiProperty({ type: String, example: "good" }) grade: string;
  @ApiProperty({ type: Boolean }) passed: boolean;
  @ApiProperty({ type: String, example: "服务记录完整，满意度高" }) findings: string;
  @ApiProperty({ type: String, format: 'date' }) evaluatedOn: string;
}


export class ProjectMoney {
  @ApiFenProperty({ example: '10000000' }) awardedFen: string;
  @ApiFenProperty({ example: '0' }) releasedFen: string;
  @ApiFenProperty({ example: '0' }) reportedSpentFen: string;
  @ApiFenProperty({ example: '10000000' }) remainingFen: string;
  @ApiFenProperty({ example: '0' }) refundedFen: string;
}


export class ProjectNextDue {
  @ApiProperty({ type: String, example: "milestone" }) type: string;
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, example: "完成需求调研" }) name: string;
  @ApiProperty({ type: String, format: 'date' }) dueOn: string;
}


export class ProjectOfficer {
  @ApiProperty({ type: String, format: 'uuid' }) userId: string;
  @ApiProperty({ type: String, example: "李项目官员" }) name: string;
}


export class ProjectOrganisation {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, example: "测试社会工作服务中心1-392094" }) name: string;
}


export class ProjectOverdue {
  @ApiProperty({ type: Number, example: 0 }) reports: number;
  @ApiProperty({ type: Number, example: 0 }) milestones: number;
  @ApiProperty({ type: Boolean }) any: boolean;
}


export class ProjectPlanBudgetLine {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, example: "activity" }) code: string;
  @ApiProperty({ type: String, example: "活动费" }) name: string;
  @ApiFenProperty({ example: '4000000' }) awardedFen: string;
  @ApiFenProperty({ example: '4000000' }) amountFen: string;
}


export class ProjectPlanIndicator {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, example: "elders" }) code: string;
  @ApiProperty({ type: String, example: "服务老人数" }) name: string;
  @ApiProperty({ type: String, example: "人" }) unit: string;
  @ApiProperty({ type: Number, example: 0 }) baseline: number;
  @ApiProperty({ type: Number, example: 80 }) target: number;
  @ApiProperty({ type: Number, example: 520, nullable: true }) reportedValue: number | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) reportedAsOf: string | null;
  @ApiProperty({ type: () => ProjectTotalTotal }) casework: ProjectTotalTotal;
}


export class ProjectPlanMilestone {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: Number, example: 1 }) seq: number;
  @ApiProperty({ type: String, example: "完成需求调研" }) name: string;
  @ApiProperty({ type: String, format: 'date' }) dueOn: string;
  @ApiProperty({ type: String, example: "pending" }) status: string;
}


export class ProjectPlan {
  @ApiProperty({ type: String, format: 'date' }) startsOn: string;
  @ApiProperty({ type: String, format: 'date' }) endsOn: string;
  @ApiProperty({ type: () => [ProjectPlanBudgetLine] }) budgetLines: ProjectPlanBudgetLine[];
  @ApiProperty({ type: () => [ProjectPlanIndicator] }) indicators: ProjectPlanIndicator[];
  @ApiProperty({ type: () => [ProjectPlanMilestone] }) milestones: ProjectPlanMilestone[];
}


export class ProjectReport {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, example: "monthly" }) kind: string;
  @ApiProperty({ type: String, format: 'date' }) periodStart: string;
  @ApiProperty({ type: String, format: 'date' }) periodEnd: string;
  @ApiProperty({ type: String, format: 'date' }) dueOn: string;
  @ApiProperty({ type: String, example: "due" }) status: string;
  @ApiProperty({ type: Boolean }) overdue: boolean;
}


export class ProjectTrancheCheck {
  @ApiProperty({ type: String, example: "project_funded" }) type: string;
  @ApiProperty({ type: Boolean }) met: boolean;
  @ApiProperty({ type: String, example: "项目资金已预留（项目执行中）" }) zh: string;
  @ApiProperty({ type: String, example: "The project is funded and in progress" }) en: string;
  @ApiPropertyOptional({ type: String, example: "midterm" }) stage?: string;
  @ApiPropertyOptional({ type: Number, example: 60 }) minScore?: number;
  @ApiPropertyOptional({ type: String, example: "interim" }) kind?: string;
}

export class ProjectsUnfreezeCondition {
  @ApiProperty({ type: String, example: "evaluation_passed" }) type: string;
  @ApiPropertyOptional({ type: String, example: "midterm" }) stage?: string;
  @ApiPropertyOptional({ type: Number, example: 60 }) minScore?: number;
  @ApiPropertyOptional({ type: String, example: "interim" }) kind?: string;
}


export class ProjectTranche {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: Number, example: 1 }) seq: number;
  @ApiProperty({ type: String, example: "首期（协议签订后）" }) name: string;
  @ApiProperty({ type: Number, example: 50 }) percent: number;
  @ApiFenProperty({ example: '5000000' }) amountFen: string;
  @ApiProperty({ type: () => [ProjectsUnfreezeCondition] }) conditions: ProjectsUnfreezeCondition[];
  @ApiProperty({ type: String, example: "pending" }) status: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) releasedEntryId: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) releasedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) frozenReason: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: '冻结时间（评估不合格时）；未冻结为 null' }) frozenAt: string | null;
  @ApiProperty({ type: Number, example: 1 }) version: number;
  @ApiProperty({ type: () => [ProjectTrancheCheck] }) checks: ProjectTrancheCheck[];
  @ApiProperty({ type: Boolean }) ready: boolean;
}


export class ProjectAward {
  @ApiProperty({ type: String, format: 'uuid', description: 'the award (立项) this project was created from: GET /awards/{id}' }) id: string;
  @ApiProperty({ type: String, example: "GY-2026-016579", description: "the award's reference number, which the project keeps" }) referenceNo: string;
}


export class ProjectResponse {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, example: "GY-2026-016579" }) referenceNo: string;
  @ApiProperty({ type: String, example: "独居老人关爱行动" }) title: string;
  @ApiProperty({ type: String, example: "active" }) status: string;
  @ApiProperty({ type: String, example: "2026年度社区公益创投" }) callTitle: string;
  @ApiProperty({ type: () => ProjectOrganisation }) organisation: ProjectOrganisation;
  @ApiProperty({ type: () => ProjectOfficer }) officer: ProjectOfficer;
  @ApiProperty({ type: String, format: 'date' }) startsOn: string;
  @ApiProperty({ type: String, format: 'date' }) endsOn: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) agreementSignedOn: string | null;
  @ApiProperty({ type: Number, example: 1 }) planVersion: number;
  @ApiProperty({ type: Number, example: 2 }) version: number;
  @ApiProperty({ type: () => ProjectMoney }) money: ProjectMoney;
  @ApiProperty({ type: () => ProjectOverdue }) overdue: ProjectOverdue;
  @ApiProperty({ type: Number, example: 0 }) frozenTranches: number;
  @ApiProperty({ type: Number, example: 0 }) pendingChanges: number;
  @ApiProperty({ type: () => ProjectNextDue }) nextDue: ProjectNextDue;
  @ApiProperty({ type: () => ProjectAward }) award: ProjectAward;
  @ApiProperty({ type: String, example: "为辖区独居老人提供探访、助餐和心理支持" }) summary: string;
  @ApiProperty({ type: [String] }) communityIds: string[];
  @ApiProperty({ type: [String] }) serviceAreas: string[];
  @ApiFenProperty({ example: '1000000' }) coFundingFen: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt: string | null;
  @ApiProperty({ type: String, nullable: true, example: null, description: '提前终止的原因（未提前终止为 null）/ the early-termination reason, null unless terminated early' })
  terminationReason: string | null;
  @ApiProperty({ type: () => ProjectPlan }) plan: ProjectPlan;
  @ApiProperty({ type: () => ProjectTotalTotal }) caseworkTotal: ProjectTotalTotal;
  @ApiProperty({ type: () => [ProjectTranche] }) tranches: ProjectTranche[];
  @ApiProperty({ type: () => [ProjectReport] }) reports: ProjectReport[];
  @ApiProperty({ type: () => [ProjectEvaluation] }) evaluations: ProjectEvaluation[];
}


export class ProjectSummaryOfficer {
  @ApiProperty({ type: String, format: 'uuid' }) userId: string;
  @ApiProperty({ type: String, example: "李项目官员" }) name: string;
}


export class ProjectSummaryOrganisation {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, example: "测试社会工作服务中心1-392094" }) name: string;
}


export class ProjectSummary {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, example: "GY-2026-031643" }) referenceNo: string;
  @ApiProperty({ type: String, example: "独居老人关爱行动" }) title: string;
  @ApiProperty({ type: String, example: "active" }) status: string;
  @ApiProperty({ type: String, example: "2026年度社区公益创投" }) callTitle: string;
  @ApiProperty({ type: () => ProjectSummaryOrganisation }) organisation: ProjectSummaryOrganisation;
  @ApiProperty({ type: () => ProjectSummaryOfficer }) officer: ProjectSummaryOfficer;
  @ApiProperty({ type: String, format: 'date' }) startsOn: string;
  @ApiProperty({ type: String, format: 'date' }) endsOn: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) agreementSignedOn: string | null;
  @ApiProperty({ type: Number, example: 1 }) planVersion: number;
  @ApiProperty({ type: Number, example: 2 }) version: number;
  @ApiProperty({ type: () => ProjectMoney }) money: ProjectMoney;
  @ApiProperty({ type: () => ProjectOverdue }) overdue: ProjectOverdue;
  @ApiProperty({ type: Number, example: 0 }) frozenTranches: number;
  @ApiProperty({ type: Number, example: 0 }) pendingChanges: number;
  @ApiProperty({ type: () => ProjectNextDue }) nextDue: ProjectNextDue;
}


export class ProjectsGetSettingsResponse {
  @ApiProperty({ type: Number, example: 10 }) reallocationThresholdPercent: number;
  @ApiProperty({ type: Number, example: 7 }) reminderDaysBefore: number;
  @ApiProperty({ type: Number, example: 1 }) version: number;
}


export class ProjectsBudgetLine {
  @ApiProperty({ type: String, format: 'uuid' }) budgetLineId: string;
  @ApiProperty({ type: String, example: "activity" }) code: string;
  @ApiProperty({ type: String, example: "活动费" }) name: string;
  @ApiFenProperty({ example: '4000000' }) awardedFen: string;
  @ApiFenProperty({ example: '3050000' }) plannedFen: string;
  @ApiFenProperty({ example: '2900000' }) spentFen: string;
  @ApiFenProperty({ example: '0' }) awaitingReviewFen: string;
  @ApiFenProperty({ example: '150000' }) remainingFen: string;
  @ApiProperty({ type: Number, example: 95.08 }) usedPercent: number;
  @ApiProperty({ type: Boolean }) overspent: boolean;
}


export class ProjectsBudgetTotal {
  @ApiFenProperty({ example: '10000000' }) plannedFen: string;
  @ApiFenProperty({ example: '8400000' }) spentFen: string;
  @ApiFenProperty({ example: '0' }) awaitingReviewFen: string;
}


export class ProjectsBudgetResponse {
  @ApiProperty({ type: String, format: 'uuid' }) projectId: string;
  @ApiProperty({ type: () => [ProjectsBudgetLine] }) lines: ProjectsBudgetLine[];
  @ApiProperty({ type: () => ProjectsBudgetTotal }) total: ProjectsBudgetTotal;
}


export class ProjectsPlanVersionsItem {
  @ApiProperty({ type: Number, example: 4 }) versionNo: number;
  @ApiProperty({ type: String, example: "项目延期：疫情影响延期" }) reason: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) changeId: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, example: "李项目官员", nullable: true }) createdByName: string | null;
  @ApiProperty({ type: () => ProjectPlan }) plan: ProjectPlan;
}


export class ProjectsPlanVersionsResponse {
  @ApiProperty({ type: () => [ProjectsPlanVersionsItem] }) items: ProjectsPlanVersionsItem[];
  @ApiProperty({ type: Number, example: 4 }) total: number;
}


export class ProjectsListTranchesResponse {
  @ApiProperty({ type: () => [ProjectTranche] }) items: ProjectTranche[];
}


export class ProjectsSignResponse {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, format: 'date' }) agreementSignedOn: string;
  @ApiProperty({ type: Number, example: 3 }) version: number;
}


export class ProjectsUnfreezeResponse {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: Number, example: 2 }) seq: number;
  @ApiProperty({ type: String, example: "中期（中期评估合格后）" }) name: string;
  @ApiProperty({ type: Number, example: 30 }) percent: number;
  @ApiFenProperty({ example: '3000000' }) amountFen: string;
  @ApiProperty({ type: () => [ProjectsUnfreezeCondition] }) conditions: ProjectsUnfreezeCondition[];
  @ApiProperty({ type: String, example: "pending" }) status: string;
  @ApiProperty({ type: String, nullable: true }) releasedEntryId: string | null;
  @ApiProperty({ type: String, nullable: true }) releasedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) frozenReason: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: '冻结时间（评估不合格时）；未冻结为 null' }) frozenAt: string | null;
  @ApiProperty({ type: Number, example: 3 }) version: number;
}


export class ProjectsReleaseResponse {
  @ApiProperty({ type: () => ProjectsUnfreezeResponse }) tranche: ProjectsUnfreezeResponse;
  @ApiProperty({ type: String, format: 'uuid' }) entryId: string;
  @ApiFenProperty({ example: '5000000' }) amountFen: string;
  @ApiFenProperty({ example: '5000000' }) grantAccountBalanceFen: string;
}


export class ProjectsCloseResponse {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, example: "closed" }) status: string;
  @ApiFenProperty({ example: '10000000' }) releasedFen: string;
  @ApiFenProperty({ example: '8400000' }) reportedSpentFen: string;
  @ApiFenProperty({ example: '1600000' }) refundFen: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null when nothing was left to refund' }) refundEntryId: string | null;
  @ApiProperty({ type: [Number], example: [2, 3], description: 'the sequence numbers of the unpaid tranches cancelled by the closing' }) cancelledTranches: number[];
  @ApiFenProperty({ example: '0' }) returnedReservationsFen: string;
  @ApiProperty({ type: () => FundsSummaryResponse }) fund: FundsSummaryResponse;
  @ApiProperty({ type: String, nullable: true, example: null, description: '提前终止的原因；执行期结束后结项为 null / the early-termination reason; null when closed after the end date' })
  terminationReason: string | null;
  @ApiProperty({ type: Number, example: 6, description: 'the project\'s version after closing' }) version: number;
}


export class TrancheRowProject {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, example: 'GY-2026-01' }) referenceNo: string;
  @ApiProperty({ type: String, example: '独居老人关爱行动' }) title: string;
  @ApiProperty({ type: String, example: 'active' }) status: string;
  @ApiProperty({ type: String, example: '2026年度社区公益创投' }) callTitle: string;
}

export class TrancheRowOrganisation {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, example: '晋阳社会工作服务中心' }) name: string;
}

/**
 * A row of the district's tranche list: the tranche as the project's own list shows it, with its project and
 * organisation. `checks` are judged only for tranches still to pay (pending, frozen); paid and cancelled ones have none.
 */
export class TrancheListRow extends ProjectTranche {
  @ApiProperty({ type: () => TrancheRowProject }) project: TrancheRowProject;
  @ApiProperty({ type: () => TrancheRowOrganisation }) organisation: TrancheRowOrganisation;
}
