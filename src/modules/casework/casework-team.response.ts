import { ApiProperty, ApiPropertyOptional, ApiPropertyOptions, getSchemaPath } from '@nestjs/swagger';
import { LocalisedLabel } from '@sanshe/common';
import { VulnerabilityTagLabel } from './beneficiaries.response';

/* Response bodies of this controller's operations, as documented in the OpenAPI contract. */

export class ReferralAssessmentSummary {
  @ApiProperty({ type: [String], example: ['情绪支持', '定期探访'] }) needs: string[];
  @ApiProperty({ type: String, nullable: true, example: '独居，近期摔倒后情绪低落' }) summary: string | null;
}


/** What the sender shared, copied at the time of referral: only the fields in `sharedFields` are present. */
export class ReferralShared {
  @ApiPropertyOptional({ type: String, example: "张大爷" }) name?: string;
  @ApiPropertyOptional({ type: String, enum: ['male', 'female'] }) gender?: string;
  @ApiPropertyOptional({ type: Number, example: 78 }) age?: number;
  @ApiPropertyOptional({ type: String, example: "13890511081" }) phone?: string;
  @ApiPropertyOptional({ type: String, example: "510107194805201234" }) idNumber?: string;
  @ApiPropertyOptional({ type: String, example: "武侯区玉林北路 12 号" }) address?: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: "玉林北路社区" }) community?: string | null;
  @ApiPropertyOptional({ type: () => [VulnerabilityTagLabel] }) vulnerabilityTags?: VulnerabilityTagLabel[];
  @ApiPropertyOptional({ type: String, example: "独居，近期摔倒后情绪低落，希望有人定期探访" }) presentingProblem?: string;
  @ApiPropertyOptional({ type: () => ReferralAssessmentSummary, nullable: true }) assessmentSummary?: ReferralAssessmentSummary | null;
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
  @ApiPropertyOptional({ type: String, format: 'uuid', description: 'the sender\'s case (sender only)' }) caseId?: string;
  @ApiProperty({ type: String, enum: ['linked', 'opened'], nullable: true, description: 'accepted: the person joined a case already open, or a new one' })
  handover: string | null;
  @ApiPropertyOptional({ type: String, format: 'uuid', description: 'the receiver\'s own case (receiver only)' }) receivedCaseId?: string;
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
  @ApiProperty({ type: () => CaseworkTeamMineItemDue, nullable: true, description: "null when nothing is due" }) due: CaseworkTeamMineItemDue | null;
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


/** A count of people: 1 to 4 is shown as "<5" so that a small group cannot be singled out (casework-fields.ts). */
const SUPPRESSED_COUNT: ApiPropertyOptions = {
  oneOf: [{ type: 'integer', minimum: 0 }, { type: 'string', enum: ['<5'] }], example: 12,
  description: 'a count of people; 1 to 4 is shown as "<5"',
};

export type TagCount = { label: LocalisedLabel | null; people: number | '<5' };

// An honest map: keyed by the vulnerability tags present in the data, so its keys are not fixed properties.
const TAG_COUNTS: ApiPropertyOptions = {
  type: 'object',
  additionalProperties: {
    type: 'object', required: ['label', 'people'],
    properties: { label: { type: 'object', nullable: true, allOf: [{ $ref: getSchemaPath(LocalisedLabel) }] }, people: { oneOf: SUPPRESSED_COUNT.oneOf, description: SUPPRESSED_COUNT.description } },
  },
  example: { dibao: { label: { zh: '低保', en: 'Minimum living allowance (dibao)' }, people: 12 }, tekun: { label: { zh: '特困', en: 'Extreme hardship (tekun)' }, people: '<5' } },
  description: 'people with each vulnerability tag, keyed by tag code',
};


export class CaseworkTeamDistrictAggregatesCommunityCommunity {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, example: "玉林北路社区" }) name: string;
}

export class CaseworkTeamDistrictAggregatesCommunity {
  @ApiProperty({ type: () => CaseworkTeamDistrictAggregatesCommunityCommunity }) community: CaseworkTeamDistrictAggregatesCommunityCommunity;
  @ApiProperty(SUPPRESSED_COUNT) beneficiaries: number | '<5';
  @ApiProperty(SUPPRESSED_COUNT) openCases: number | '<5';
  @ApiProperty({ type: Number, example: 1 }) caseHours: number;
  @ApiProperty({ type: Number, example: 0 }) communityEventHours: number;
  @ApiProperty({ type: Number, example: 0 }) communityEventHeadcount: number;
  @ApiProperty(TAG_COUNTS) vulnerabilityTags: Record<string, TagCount>;
}


export class CaseworkTeamDistrictAggregatesDistrict {
  @ApiProperty(SUPPRESSED_COUNT) beneficiaries: number | '<5';
  @ApiProperty(SUPPRESSED_COUNT) openCases: number | '<5';
  @ApiProperty(SUPPRESSED_COUNT) closedCases: number | '<5';
  @ApiProperty({ type: Number, example: 1 }) caseHours: number;
  @ApiProperty({ type: Number, example: 0 }) groupHours: number;
  @ApiProperty({ type: Number, example: 0 }) communityEventHours: number;
  @ApiProperty({ type: Number, example: 0 }) communityEventHeadcount: number;
  @ApiProperty(TAG_COUNTS) vulnerabilityTags: Record<string, TagCount>;
  @ApiProperty({
    type: 'object', additionalProperties: { type: 'integer', minimum: 0 }, example: { assistant: 3, intermediate: 2 },
    description: 'workers holding a social-work certificate, keyed by certificate level (a map: the levels present in the district)',
  }) certifiedWorkers: Record<string, number>;
}


export class CaseworkTeamDistrictAggregatesRange {
  @ApiProperty({ type: String, nullable: true }) from: string | null;
  @ApiProperty({ type: String, nullable: true }) to: string | null;
}


export class CaseworkTeamDistrictAggregatesSuppression {
  @ApiProperty({ type: Number, example: 5 }) below: number;
  @ApiProperty({ type: String, example: "<5" }) shownAs: string;
}


const SUPPRESSED_RECORDS: ApiPropertyOptions = {
  oneOf: SUPPRESSED_COUNT.oneOf, example: 27,
  description: 'a count of service records; 1 to 4 is shown as "<5" (a small count of records would bound the people behind it)',
};

/** What a group of case service records in the range adds up to; never who. */
export class CaseworkServiceFigures {
  @ApiProperty({ type: Number, example: 12.5, description: 'service hours (not suppressed: hours are not about people)' }) hours: number;
  @ApiProperty(SUPPRESSED_RECORDS) records: number | '<5';
  @ApiProperty({ ...SUPPRESSED_COUNT, description: 'distinct people served; 1 to 4 is shown as "<5"' }) people: number | '<5';
}

export class CaseworkServicesByCommunity extends CaseworkServiceFigures {
  @ApiProperty({ type: () => CaseworkTeamDistrictAggregatesCommunityCommunity, nullable: true, description: 'the served person\'s community; null: none recorded' })
  community: CaseworkTeamDistrictAggregatesCommunityCommunity | null;
}

export class CaseworkServicesByMode extends CaseworkServiceFigures {
  @ApiProperty({ type: String, enum: ['face_to_face', 'home_visit', 'phone', 'online'], description: '面谈 / 家访 / 电话 / 线上 (every method, 0 when unused)' })
  mode: string;
}

export class CaseworkServicesByMonth extends CaseworkServiceFigures {
  @ApiProperty({ type: String, example: '2026-03', description: 'calendar month of the service date (months without records are left out)' }) month: string;
}

/**
 * Case service records (service and follow-up) whose service date falls in the range, in total and broken down by
 * community, method and month. A person's vulnerability tags are encrypted, so tags are counted per person only
 * (`district.vulnerabilityTags`, people now on the register, not limited to the range), not per service record.
 */
export class CaseworkServicesAggregates {
  @ApiProperty({ type: () => CaseworkServiceFigures }) total: CaseworkServiceFigures;
  @ApiProperty({ type: () => [CaseworkServicesByCommunity], description: 'communities with records in the range, by name' }) byCommunity: CaseworkServicesByCommunity[];
  @ApiProperty({ type: () => [CaseworkServicesByMode] }) byMode: CaseworkServicesByMode[];
  @ApiProperty({ type: () => [CaseworkServicesByMonth], description: 'oldest month first' }) byMonth: CaseworkServicesByMonth[];
}


export class CaseworkTeamDistrictAggregatesResponse {
  @ApiProperty({ type: () => CaseworkTeamDistrictAggregatesRange }) range: CaseworkTeamDistrictAggregatesRange;
  @ApiProperty({ type: () => CaseworkTeamDistrictAggregatesSuppression }) suppression: CaseworkTeamDistrictAggregatesSuppression;
  @ApiProperty({ type: () => CaseworkTeamDistrictAggregatesDistrict }) district: CaseworkTeamDistrictAggregatesDistrict;
  @ApiProperty({ type: () => [CaseworkTeamDistrictAggregatesCommunity] }) communities: CaseworkTeamDistrictAggregatesCommunity[];
  @ApiProperty({ type: () => CaseworkServicesAggregates }) services: CaseworkServicesAggregates;
}


export class CaseworkMemberRef {
  @ApiProperty({ type: String, format: 'uuid' }) membershipId: string;
  @ApiProperty({ type: String, example: '吴社工' }) name: string;
}


export class GroupAttendee {
  @ApiProperty({ type: String, format: 'uuid' }) beneficiaryId: string;
  @ApiProperty({ type: String, example: '张大爷' }) name: string;
}


export class GroupSessionEntry {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: Number, example: 1 }) sessionNo: number;
  @ApiProperty({ type: String, format: 'date' }) heldOn: string;
  @ApiProperty({ type: Number, example: 90 }) durationMinutes: number;
  @ApiProperty({ type: String, example: '相识与破冰' }) theme: string;
  @ApiProperty({ type: String, nullable: true, example: '组员彼此介绍' }) record: string | null;
  @ApiProperty({ type: () => [GroupAttendee] }) attendees: GroupAttendee[];
}


/** A group with its sessions and who attended (the answer of create, add-session and detail alike). */
export class GroupResponse {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, example: '独居老人互助小组' }) name: string;
  @ApiProperty({ type: String, example: 'support' }) kind: string;
  @ApiProperty({ type: String, nullable: true }) objectives: string | null;
  @ApiProperty({ type: String, enum: ['active', 'completed'], example: 'active' }) status: string;
  @ApiProperty({ type: String, format: 'uuid' }) leaderMembershipId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) communityId: string | null;
  @ApiProperty({ type: Number, example: 6, nullable: true }) plannedSessions: number | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) projectId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) indicatorId: string | null;
  @ApiProperty({ type: Number, example: 1 }) version: number;
  @ApiProperty({ type: () => [GroupSessionEntry] }) sessions: GroupSessionEntry[];
}


/** A row of the group list: no session records and no attendees' names. */
export class GroupSummary {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, example: '独居老人互助小组' }) name: string;
  @ApiProperty({ type: String, example: 'support' }) kind: string;
  @ApiProperty({ type: String, enum: ['active', 'completed'], example: 'active' }) status: string;
  @ApiProperty({ type: Number, example: 6, nullable: true }) plannedSessions: number | null;
  @ApiProperty({ type: Number, example: 2 }) sessionsHeld: number;
  @ApiProperty({ type: () => CaseworkMemberRef }) leader: CaseworkMemberRef;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) communityId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) projectId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) indicatorId: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
}


export class CommunityRef {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, example: '玉林北路社区' }) name: string;
}


export class CommunityEventSummary {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, example: '重阳敬老活动' }) title: string;
  @ApiProperty({ type: String, format: 'date' }) heldOn: string;
  @ApiProperty({ type: Number, example: 180 }) durationMinutes: number;
  @ApiProperty({ type: Number, example: 120 }) headcount: number;
  @ApiProperty({ type: Number, example: 10 }) volunteerCount: number;
  @ApiProperty({ type: () => CommunityRef }) community: CommunityRef;
  @ApiProperty({ type: String, nullable: true }) summary: string | null;
  @ApiProperty({ type: String, format: 'uuid' }) workerMembershipId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) projectId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) indicatorId: string | null;
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


/** A supervision assignment, as listed and as answered by assign and end. */
export class SupervisionAssignmentResponse {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: () => CaseworkMemberRef }) supervisor: CaseworkMemberRef;
  @ApiProperty({ type: () => CaseworkMemberRef }) worker: CaseworkMemberRef;
  @ApiProperty({ type: String, format: 'date-time' }) startedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) endedAt: string | null;
  @ApiProperty({ type: Boolean, description: 'not ended' }) active: boolean;
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
  @ApiProperty({ type: Number, example: 1 }) version: number;
}




/** A row of the referral list: what and when, never what was shared (that is read, and logged, on the referral). */
export class ReferralSummary {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, enum: ['pending', 'accepted', 'declined', 'cancelled'], example: 'pending' }) status: string;
  @ApiProperty({ type: String, enum: ['incoming', 'outgoing'], example: 'incoming' }) direction: string;
  @ApiProperty({ type: [String], example: ['name', 'presenting_problem'] }) sharedFields: string[];
  @ApiProperty({ type: String, format: 'uuid' }) fromOrganisationId: string;
  @ApiProperty({ type: String, format: 'uuid' }) toOrganisationId: string;
  @ApiPropertyOptional({ type: String, format: 'uuid', description: 'the sender\'s case (outgoing only)' }) caseId?: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt: string | null;
}
