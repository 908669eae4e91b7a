import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LocalisedLabel, PageOf } from '@sanshe/common';

/* Response bodies of this controller's operations, as documented in the OpenAPI contract. */

export class CaseApproval {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, example: "assessment" }) step: string;
  @ApiProperty({ type: String, example: "吴社工" }) submittedBy: string;
  @ApiProperty({ type: String, format: 'date-time' }) submittedAt: string;
  @ApiProperty({ type: String, example: "returned" }) decision: string;
  @ApiProperty({ type: String, example: "郑督导" }) decidedBy: string;
  @ApiProperty({ type: String, format: 'date-time' }) decidedAt: string;
  @ApiProperty({ type: String, example: "请补充家庭支持情况", nullable: true }) comment: string | null;
}


export class CaseAssessmentRisk {
  @ApiProperty({ type: String, example: "再次跌倒" }) description: string;
  @ApiProperty({ type: String, example: "high" }) level: string;
}


export class CaseAssessment {
  @ApiProperty({ type: [String] }) needs: string[];
  @ApiProperty({ type: () => [CaseAssessmentRisk] }) risks: CaseAssessmentRisk[];
  @ApiProperty({ type: [String] }) strengths: string[];
  @ApiProperty({ type: String, nullable: true }) summary: string | null;
}


export class CaseBeneficiaryCommunity {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, example: "玉林北路社区" }) name: string;
}


export class CaseBeneficiary {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, example: "张大爷" }) name: string;
  @ApiProperty({ type: String, example: "male" }) gender: string;
  @ApiProperty({ type: Number, example: 1983 }) birthYear: number;
  @ApiProperty({ type: String, example: "5101**********701X" }) idNumber: string;
  @ApiProperty({ type: String, example: "138****1125" }) phone: string;
  @ApiProperty({ type: () => CaseBeneficiaryCommunity }) community: CaseBeneficiaryCommunity;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
}


export class CaseClosure {
  @ApiProperty({ type: String, example: "goals_achieved" }) reason: string;
  @ApiProperty({ type: String, example: "服务对象状况稳定" }) summary: string;
  @ApiProperty({ type: String, format: 'date-time' }) closedAt: string;
}


export class CaseCommentAuthor {
  @ApiProperty({ type: String, format: 'uuid' }) membershipId: string;
  @ApiProperty({ type: String, example: "郑督导" }) name: string;
}

export class CaseComment {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: () => CaseCommentAuthor }) author: CaseCommentAuthor;
  @ApiProperty({ type: String, example: "注意评估跌倒风险" }) body: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
}


export class CaseEvaluation {
  @ApiProperty({ type: String, example: "most" }) goalsAchieved: string;
  @ApiProperty({ type: Number, example: 5 }) satisfaction: number;
  @ApiProperty({ type: String, example: "目标基本达成" }) summary: string;
  @ApiProperty({ type: String, format: 'date-time' }) evaluatedAt: string;
}


export class CasePlanGoal {
  @ApiProperty({ type: String, example: "三个月内建立邻里探访网络" }) goal: string;
  @ApiPropertyOptional({ type: String, example: "每周至少一次与邻里互动", description: 'how the goal is measured, when given' }) measure?: string;
}


export class CasePlanTask {
  @ApiProperty({ type: String, example: "每周家访一次" }) task: string;
  @ApiPropertyOptional({ type: String, format: 'date', example: '2026-03-31', description: 'when the task is due, when given' }) dueOn?: string;
}


export class CasePlan {
  @ApiProperty({ type: () => [CasePlanGoal] }) goals: CasePlanGoal[];
  @ApiProperty({ type: () => [CasePlanTask] }) tasks: CasePlanTask[];
  @ApiProperty({ type: String, format: 'date' }) startOn: string;
  @ApiProperty({ type: String, format: 'date' }) endOn: string;
}


export class CaseServiceRecords {
  @ApiProperty({ type: Number, example: 0 }) count: number;
  @ApiProperty({ type: Number, example: 0 }) hours: number;
}


export class CaseWorker {
  @ApiProperty({ type: String, format: 'uuid' }) membershipId: string;
  @ApiProperty({ type: String, example: "吴社工" }) name: string;
}


export class CaseResponse {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, example: "GA-2026-0002" }) caseNo: string;
  @ApiProperty({ type: String, example: "assessment" }) status: string;
  @ApiProperty({ type: () => LocalisedLabel }) statusLabel: LocalisedLabel;
  @ApiProperty({ type: String, example: "outreach" }) source: string;
  @ApiProperty({ type: () => CaseBeneficiary }) beneficiary: CaseBeneficiary;
  @ApiProperty({ type: () => CaseWorker }) worker: CaseWorker;
  @ApiProperty({ type: () => [CaseWorker] }) assistants: CaseWorker[];
  @ApiProperty({ type: String, example: "独居，近期摔倒后情绪低落，希望有人定期探访" }) presentingProblem: string;
  @ApiProperty({ type: String, example: "不在服务范围", nullable: true }) declineReason: string | null;
  @ApiProperty({ type: () => CaseAssessment, nullable: true }) assessment: CaseAssessment | null;
  @ApiProperty({ type: String, example: "high", nullable: true }) riskLevel: string | null;
  @ApiProperty({ type: () => CasePlan, nullable: true }) plan: CasePlan | null;
  @ApiProperty({ type: () => CaseEvaluation, nullable: true }) evaluation: CaseEvaluation | null;
  @ApiProperty({ type: () => CaseClosure, nullable: true }) closure: CaseClosure | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) followUpDueOn: string | null;
  @ApiProperty({ type: () => [CaseApproval] }) approvals: CaseApproval[];
  @ApiProperty({ type: () => [CaseComment] }) comments: CaseComment[];
  @ApiProperty({ type: () => CaseServiceRecords }) serviceRecords: CaseServiceRecords;
  @ApiProperty({ type: String, format: 'date-time' }) statusChangedAt: string;
  @ApiProperty({ type: Number, example: 2 }) version: number;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
}


export class CasesListRecordsResponse {
  // The same view a new, edited or corrected record answers with.
  @ApiProperty({ type: () => [CasesFollowUpResponse] }) items: CasesFollowUpResponse[];
  @ApiProperty({ type: Number, example: 0 }) total: number;
}


export class CasesFollowUpResponse {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, format: 'uuid' }) caseId: string;
  @ApiProperty({ type: String, example: "follow_up" }) kind: string;
  @ApiProperty({ type: String, format: 'uuid' }) workerMembershipId: string;
  @ApiProperty({ type: String, format: 'date' }) serviceDate: string;
  @ApiProperty({ type: String, nullable: true }) startTime: string | null;
  @ApiProperty({ type: Number, example: 20 }) durationMinutes: number;
  @ApiProperty({ type: String, example: "phone" }) mode: string;
  @ApiProperty({ type: String, nullable: true }) place: string | null;
  @ApiProperty({ type: String, example: "回访：状况良好" }) content: string;
  @ApiProperty({ type: String, nullable: true }) response: string | null;
  @ApiProperty({ type: String, nullable: true }) nextStep: string | null;
  @ApiProperty({ type: String, nullable: true }) projectId: string | null;
  @ApiProperty({ type: String, nullable: true }) indicatorId: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) lockedAt: string;
  @ApiProperty({ type: Boolean }) locked: boolean;
  @ApiProperty({ type: Number, example: 0 }) correctionCount: number;
  @ApiProperty({ type: Number, example: 1 }) version: number;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: string;
}


export class CasesCommentResponse {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, format: 'uuid' }) caseId: string;
  @ApiProperty({ type: String, example: "注意评估跌倒风险" }) body: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
}



export class CaseSummaryBeneficiary {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, example: '张桂兰' }) name: string;
  @ApiProperty({ type: String, example: '5101**********123X', nullable: true }) idNumber: string | null;
}

export class CaseSummaryWorker {
  @ApiProperty({ type: String, format: 'uuid' }) membershipId: string;
  @ApiProperty({ type: String, example: '吴社工' }) name: string;
}

export class CaseSummary {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, example: 'GA-2026-0001' }) caseNo: string;
  @ApiProperty({ type: String, example: 'intake' }) status: string;
  @ApiProperty({ type: () => LocalisedLabel }) statusLabel: LocalisedLabel;
  @ApiProperty({ type: String, example: 'walk_in' }) source: string;
  @ApiProperty({ type: String, example: 'low', nullable: true }) riskLevel: string | null;
  @ApiProperty({ type: () => CaseSummaryBeneficiary }) beneficiary: CaseSummaryBeneficiary;
  @ApiProperty({ type: () => CaseSummaryWorker }) worker: CaseSummaryWorker;
  @ApiProperty({ type: String, format: 'date-time' }) statusChangedAt: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
}

export class CaseStatusCounts {
  @ApiProperty() intake: number;
  @ApiProperty() declined: number;
  @ApiProperty() assessment: number;
  @ApiProperty() assessment_review: number;
  @ApiProperty() planning: number;
  @ApiProperty() plan_review: number;
  @ApiProperty() intervention: number;
  @ApiProperty() evaluation: number;
  @ApiProperty() closure_review: number;
  @ApiProperty() closed: number;
  @ApiProperty() followed_up: number;
}

/** A page of cases with the count in each status (for the tabs). */
export class CaseListResponse extends PageOf(CaseSummary) {
  @ApiProperty({ type: () => CaseStatusCounts }) counts: CaseStatusCounts;
}
