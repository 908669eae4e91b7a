import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LocalisedLabel } from '@sanshe/common';

/* Response bodies of this controller's operations, as documented in the OpenAPI contract. */

export class ReferralShared {
  @ApiProperty({ type: String, example: "张大爷" }) name: string;
  @ApiProperty({ type: String, example: "13890511081" }) phone: string;
}


export class ReferralResponse {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, example: "pending" }) status: string;
  @ApiProperty({ type: String, example: "incoming" }) direction: string;
  @ApiProperty({ type: String, format: 'uuid' }) fromOrganisationId: string;
  @ApiProperty({ type: String, format: 'uuid' }) toOrganisationId: string;
  @ApiProperty({ type: [String] }) sharedFields: string[];
  @ApiProperty({ type: String, example: "需要专业康复服务" }) reason: string;
  @ApiProperty({ type: String, example: "已安排社工跟进", nullable: true }) decisionNote: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: Number, example: 1 }) version: number;
  @ApiPropertyOptional({ type: () => ReferralShared, nullable: true }) shared?: ReferralShared | null;
  @ApiPropertyOptional({ type: String, format: 'uuid' }) caseId?: string;
}


export class ProjectTotalIndicator {
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) indicatorId: string | null;
  @ApiProperty({ type: Number, example: 4 }) hours: number;
  @ApiProperty({ oneOf: [{ type: 'number' }, { type: 'string' }] }) distinctPeople: unknown;
  @ApiProperty({ type: Number, example: 121 }) personTimes: number;
}


export class ProjectTotalSuppression {
  @ApiProperty({ type: Number, example: 5 }) below: number;
  @ApiProperty({ type: String, example: "<5" }) shownAs: string;
}


export class ProjectTotalTotal {
  @ApiProperty({ type: Number, example: 9.75 }) hours: number;
  @ApiProperty({ type: String, example: "<5" }) distinctPeople: string;
  @ApiProperty({ type: Number, example: 127 }) personTimes: number;
}


export class ProjectTotalResponse {
  @ApiProperty({ type: String, format: 'uuid' }) projectId: string;
  @ApiProperty({ type: () => ProjectTotalSuppression }) suppression: ProjectTotalSuppression;
  @ApiProperty({ type: () => [ProjectTotalIndicator] }) indicators: ProjectTotalIndicator[];
  @ApiProperty({ type: () => ProjectTotalTotal }) total: ProjectTotalTotal;
}


export class CaseworkTeamGetSettingsResponse {
  @ApiProperty({ type: Number, example: 1 }) version: number;
  @ApiProperty({ type: Boolean }) requireAssessmentApproval: boolean;
  @ApiProperty({ type: Boolean }) requirePlanApproval: boolean;
  @ApiProperty({ type: Boolean }) requireClosureApproval: boolean;
  @ApiProperty({ type: Number, example: 7 }) recordLockDays: number;
  @ApiProperty({ type: Number, example: 7 }) assessmentDueDays: number;
  @ApiProperty({ type: Number, example: 14 }) planDueDays: number;
  @ApiProperty({ type: Number, example: 30 }) followUpDueDays: number;
}


export class CaseworkTeamListSessionsItem {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, format: 'uuid' }) supervisorMembershipId: string;
  @ApiProperty({ type: String, format: 'uuid' }) workerMembershipId: string;
  @ApiProperty({ type: String, format: 'date' }) heldOn: string;
  @ApiProperty({ type: Number, example: 60 }) durationMinutes: number;
  @ApiProperty({ type: String, example: "individual" }) mode: string;
  @ApiProperty({ type: [String] }) caseIds: string[];
  @ApiProperty({ type: String, example: "讨论个案进展" }) notes: string;
}


export class CaseworkTeamListSessionsResponse {
  @ApiProperty({ type: () => [CaseworkTeamListSessionsItem] }) items: CaseworkTeamListSessionsItem[];
}


export class CaseworkTeamListCertificatesItem {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, example: "intermediate" }) level: string;
  @ApiProperty({ type: () => LocalisedLabel }) label: LocalisedLabel;
  @ApiProperty({ type: String, example: "SW7773386" }) certificateNo: string;
  @ApiProperty({ type: String, format: 'date' }) issuedOn: string;
  @ApiProperty({ type: String, nullable: true }) validUntil: string | null;
}


export class CaseworkTeamListCertificatesResponse {
  @ApiProperty({ type: String, format: 'uuid' }) membershipId: string;
  @ApiProperty({ type: () => [CaseworkTeamListCertificatesItem] }) items: CaseworkTeamListCertificatesItem[];
}


export class CaseworkTeamMineItemBeneficiary {
  @ApiProperty({ type: String, example: "张大爷" }) name: string;
}


export class CaseworkTeamMineItemDue {
  @ApiProperty({ type: String, example: "intake" }) kind: string;
  @ApiProperty({ type: String, format: 'date' }) dueOn: string;
  @ApiProperty({ type: Boolean }) overdue: boolean;
}


export class CaseworkTeamMineItem {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, example: "GA-2026-0007" }) caseNo: string;
  @ApiProperty({ type: String, example: "intake" }) status: string;
  @ApiProperty({ type: () => LocalisedLabel }) statusLabel: LocalisedLabel;
  @ApiProperty({ type: String, nullable: true }) riskLevel: string | null;
  @ApiProperty({ type: () => CaseworkTeamMineItemBeneficiary }) beneficiary: CaseworkTeamMineItemBeneficiary;
  @ApiProperty({ type: () => CaseworkTeamMineItemDue }) due: CaseworkTeamMineItemDue;
  @ApiProperty({ type: Boolean }) awaitingApproval: boolean;
}


export class CaseworkTeamMineResponse {
  @ApiProperty({ type: Number, example: 13 }) openCases: number;
  @ApiProperty({ type: Number, example: 0 }) overdue: number;
  @ApiProperty({ type: Number, example: 0.75 }) hoursThisMonth: number;
  @ApiProperty({ type: () => [CaseworkTeamMineItem] }) items: CaseworkTeamMineItem[];
}


export class CaseworkTeamTeamPendingApprovalBeneficiary {
  @ApiProperty({ type: String, example: "张大爷" }) name: string;
}


export class CaseworkTeamTeamPendingApproval {
  @ApiProperty({ type: String, format: 'uuid' }) caseId: string;
  @ApiProperty({ type: String, example: "GA-2026-0010" }) caseNo: string;
  @ApiProperty({ type: String, example: "plan_review" }) status: string;
  @ApiProperty({ type: () => LocalisedLabel }) statusLabel: LocalisedLabel;
  @ApiProperty({ type: String, format: 'uuid' }) workerMembershipId: string;
  @ApiProperty({ type: () => CaseworkTeamTeamPendingApprovalBeneficiary }) beneficiary: CaseworkTeamTeamPendingApprovalBeneficiary;
  @ApiProperty({ type: String, format: 'date-time' }) since: string;
}


export class CaseworkTeamTeamWorker {
  @ApiProperty({ type: String, format: 'uuid' }) membershipId: string;
  @ApiProperty({ type: String, example: "吴社工" }) name: string;
  @ApiProperty({ type: Number, example: 9 }) openCases: number;
  @ApiProperty({ type: Number, example: 0 }) overdue: number;
  @ApiProperty({ type: Number, example: 1 }) awaitingApproval: number;
  @ApiProperty({ type: Number, example: 0 }) hoursThisMonth: number;
}


export class CaseworkTeamTeamResponse {
  @ApiProperty({ type: () => [CaseworkTeamTeamWorker] }) workers: CaseworkTeamTeamWorker[];
  @ApiProperty({ type: () => [CaseworkTeamTeamPendingApproval] }) pendingApprovals: CaseworkTeamTeamPendingApproval[];
}


export class CaseworkTeamDistrictAggregatesCommunityCommunity {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, example: "玉林北路社区" }) name: string;
}

export class CaseworkTeamDistrictAggregatesCommunity {
  @ApiProperty({ type: () => CaseworkTeamDistrictAggregatesCommunityCommunity }) community: CaseworkTeamDistrictAggregatesCommunityCommunity;
  @ApiProperty({ type: Number, example: 7 }) beneficiaries: number;
  @ApiProperty({ type: Number, example: 5 }) openCases: number;
  @ApiProperty({ type: Number, example: 1 }) caseHours: number;
  @ApiProperty({ type: Number, example: 0 }) communityEventHours: number;
  @ApiProperty({ type: Number, example: 0 }) communityEventHeadcount: number;
  @ApiProperty({ type: 'object', additionalProperties: true }) vulnerabilityTags: Record<string, unknown>;
}


export class CaseworkTeamDistrictAggregatesDistrict {
  @ApiProperty({ type: Number, example: 8 }) beneficiaries: number;
  @ApiProperty({ type: Number, example: 5 }) openCases: number;
  @ApiProperty({ type: Number, example: 0 }) closedCases: number;
  @ApiProperty({ type: Number, example: 1 }) caseHours: number;
  @ApiProperty({ type: Number, example: 0 }) groupHours: number;
  @ApiProperty({ type: Number, example: 0 }) communityEventHours: number;
  @ApiProperty({ type: Number, example: 0 }) communityEventHeadcount: number;
  @ApiProperty({ type: 'object', additionalProperties: true }) vulnerabilityTags: Record<string, unknown>;
  @ApiProperty({ type: 'object', additionalProperties: true }) certifiedWorkers: Record<string, unknown>;
}


export class CaseworkTeamDistrictAggregatesRange {
  @ApiProperty({ type: String, nullable: true }) from: string | null;
  @ApiProperty({ type: String, nullable: true }) to: string | null;
}


export class CaseworkTeamDistrictAggregatesSuppression {
  @ApiProperty({ type: Number, example: 5 }) below: number;
  @ApiProperty({ type: String, example: "<5" }) shownAs: string;
}


export class CaseworkTeamDistrictAggregatesResponse {
  @ApiProperty({ type: () => CaseworkTeamDistrictAggregatesRange }) range: CaseworkTeamDistrictAggregatesRange;
  @ApiProperty({ type: () => CaseworkTeamDistrictAggregatesSuppression }) suppression: CaseworkTeamDistrictAggregatesSuppression;
  @ApiProperty({ type: () => CaseworkTeamDistrictAggregatesDistrict }) district: CaseworkTeamDistrictAggregatesDistrict;
  @ApiProperty({ type: () => [CaseworkTeamDistrictAggregatesCommunity] }) communities: CaseworkTeamDistrictAggregatesCommunity[];
}


export class CaseworkTeamCreateGroupResponse {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, example: "独居老人互助小组" }) name: string;
  @ApiProperty({ type: String, example: "support" }) kind: string;
  @ApiProperty({ type: String, nullable: true }) objectives: string | null;
  @ApiProperty({ type: String, example: "active" }) status: string;
  @ApiProperty({ type: String, format: 'uuid' }) leaderMembershipId: string;
  @ApiProperty({ type: String, format: 'uuid' }) communityId: string;
  @ApiProperty({ type: Number, example: 6, nullable: true }) plannedSessions: number | null;
  @ApiProperty({ type: String, format: 'uuid' }) projectId: string;
  @ApiProperty({ type: String, format: 'uuid' }) indicatorId: string;
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true } }) sessions: Array<Record<string, unknown>>;
}


export class CaseworkTeamAddEventResponse {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, format: 'uuid' }) communityId: string;
  @ApiProperty({ type: String, example: "重阳敬老活动" }) title: string;
  @ApiProperty({ type: String, format: 'date' }) heldOn: string;
  @ApiProperty({ type: Number, example: 180 }) durationMinutes: number;
  @ApiProperty({ type: Number, example: 120 }) headcount: number;
  @ApiProperty({ type: String, format: 'uuid' }) projectId: string;
  @ApiProperty({ type: String, format: 'uuid' }) indicatorId: string;
  @ApiPropertyOptional({ type: Number, example: 10 }) volunteerCount?: number;
}


export class CaseworkTeamAssignResponse {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, format: 'uuid' }) supervisorMembershipId: string;
  @ApiProperty({ type: String, format: 'uuid' }) workerMembershipId: string;
  @ApiProperty({ type: Boolean }) active: boolean;
}


export class CaseworkTeamLogSessionResponse {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, format: 'uuid' }) workerMembershipId: string;
  @ApiProperty({ type: String, format: 'date' }) heldOn: string;
  @ApiProperty({ type: Number, example: 60 }) durationMinutes: number;
  @ApiProperty({ type: String, example: "individual" }) mode: string;
  @ApiProperty({ type: [String] }) caseIds: string[];
  @ApiProperty({ type: String, example: "讨论个案进展" }) notes: string;
  @ApiProperty({ type: String, format: 'uuid' }) supervisorMembershipId: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
}


export class CaseworkTeamAddCertificateResponse {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, format: 'uuid' }) membershipId: string;
  @ApiProperty({ type: String, example: "intermediate" }) level: string;
  @ApiProperty({ type: () => LocalisedLabel }) label: LocalisedLabel;
  @ApiProperty({ type: String, example: "SW7773386" }) certificateNo: string;
  @ApiProperty({ type: String, format: 'date' }) issuedOn: string;
  @ApiProperty({ type: String, nullable: true }) validUntil: string | null;
}


export class CaseworkTeamDecideReferralShared {
  @ApiProperty({ type: String, example: "张大爷" }) name: string;
  @ApiProperty({ type: String, example: "独居，近期摔倒后情绪低落，希望有人定期探访" }) presentingProblem: string;
}


export class CaseworkTeamDecideReferralResponse {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, example: "accepted" }) status: string;
  @ApiProperty({ type: String, example: "incoming" }) direction: string;
  @ApiProperty({ type: String, format: 'uuid' }) fromOrganisationId: string;
  @ApiProperty({ type: String, format: 'uuid' }) toOrganisationId: string;
  @ApiProperty({ type: [String] }) sharedFields: string[];
  @ApiProperty({ type: String, example: "需要法律援助" }) reason: string;
  @ApiProperty({ type: String, example: "已安排社工跟进" }) decisionNote: string;
  @ApiProperty({ type: String, format: 'date-time' }) decidedAt: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: Number, example: 2 }) version: number;
  @ApiProperty({ type: () => CaseworkTeamDecideReferralShared }) shared: CaseworkTeamDecideReferralShared;
}

