/**
 * The hand-off from venture calls (公益创投) to project tracking: raised through the outbox when an application is
 * awarded (立项). The projects module turns it into a project; the payload is complete so that it needs nothing
 * else from the calls module. Money is integer fen as a decimal string (JSON has no bigint).
 */
export const GRANT_AWARDED = 'calls.grant_awarded';

export type TrancheCondition =
  | { type: 'agreement_signed' }
  | { type: 'evaluation_passed'; stage: 'midterm' | 'final'; minScore?: number }
  | { type: 'report_approved'; kind: 'monthly' | 'interim' | 'final' }
  | { type: 'spending_ratio'; minPercent: number };

export interface GrantAwardedPayload {
  awardId: string;
  callId: string;
  callTitle: string;
  applicationId: string;
  /** Human-readable reference of the award, e.g. GY-2026-0001. */
  referenceNo: string;
  organisationId: string;
  projectTitle: string;
  summary: string;
  amountFen: string;
  /** Co-funding the organisation committed, in fen (may be "0"). */
  coFundingFen: string;
  communityIds: string[];
  serviceAreas: string[];
  budgetLines: Array<{ code: string; name: string; amountFen: string }>;
  indicators: Array<{ code: string; name: string; unit: string; baseline: number; target: number }>;
  /** Percentages add up to 100; conditions gate each release. From the call's settings. */
  tranchePlan: Array<{ seq: number; name: string; percent: number; conditions: TrancheCondition[] }>;
  milestones: Array<{ name: string; dueOn: string }>;
  startsOn: string;
  endsOn: string;
  /** The programme officer who ran the call; becomes the project officer. */
  officerUserId: string;
  [key: string]: unknown;
}
