import type { CallEligibility, CallForm, Rubric, TranchePlanItem } from './call-settings';
import type { CallStatus } from './call.transitions';

/** A call as other modules read it (through CallsService): money as decimal strings of fen, times as Dates. */
export interface CallRecord {
  id: string;
  title: string;
  theme: string;
  description: string;
  fundPoolFen: string;
  minAmountFen: string;
  maxAmountFen: string;
  coFundingPercent: number;
  serviceAreas: string[];
  communityIds: string[];
  eligibility: CallEligibility;
  form: CallForm;
  rubric: Rubric;
  reviewersPerApplication: number;
  blindReview: boolean;
  normaliseScores: boolean;
  minScoreToFund: number;
  applicationsPerOrganisation: number;
  noticeWorkingDays: number;
  tranchePlan: TranchePlanItem[];
  projectStartsOn: string;
  projectEndsOn: string;
  opensAt: Date;
  closesAt: Date;
  reviewBy: Date;
  noticeOn: string;
  awardBy: string;
  status: CallStatus;
  officerUserId: string;
  publishedAt: Date | null;
  closedAt: Date | null;
  reviewStartedAt: Date | null;
  noticeStartsAt: Date | null;
  noticeEndsAt: Date | null;
  awardedAt: Date | null;
  selectionReason: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** Dates come back as text (`::text`), never as a JS Date shifted by the server's zone. */
export const CALL_SELECT = `SELECT c.*, c.project_starts_on::text AS project_starts_on, c.project_ends_on::text AS project_ends_on,
  c.notice_on::text AS notice_on, c.award_by::text AS award_by FROM calls c`;

const day = (v: unknown) => String(v);

export function toCallRecord(r: Record<string, any>): CallRecord {
  return {
    id: r.id, title: r.title, theme: r.theme, description: r.description,
    fundPoolFen: String(r.fund_pool_fen), minAmountFen: String(r.min_amount_fen), maxAmountFen: String(r.max_amount_fen),
    coFundingPercent: r.co_funding_percent, serviceAreas: r.service_areas, communityIds: r.community_ids,
    eligibility: r.eligibility, form: r.form, rubric: r.rubric,
    reviewersPerApplication: r.reviewers_per_application, blindReview: r.blind_review, normaliseScores: r.normalise_scores,
    minScoreToFund: Number(r.min_score_to_fund), applicationsPerOrganisation: r.applications_per_organisation,
    noticeWorkingDays: r.notice_working_days, tranchePlan: r.tranche_plan,
    projectStartsOn: day(r.project_starts_on), projectEndsOn: day(r.project_ends_on),
    opensAt: r.opens_at, closesAt: r.closes_at, reviewBy: r.review_by, noticeOn: day(r.notice_on), awardBy: day(r.award_by),
    status: r.status, officerUserId: r.officer_user_id,
    publishedAt: r.published_at, closedAt: r.closed_at, reviewStartedAt: r.review_started_at,
    noticeStartsAt: r.notice_starts_at, noticeEndsAt: r.notice_ends_at, awardedAt: r.awarded_at,
    selectionReason: r.selection_reason, version: r.version, createdAt: r.created_at, updatedAt: r.updated_at,
  };
}
