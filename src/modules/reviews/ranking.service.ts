import { Injectable } from '@nestjs/common';
import { Clock } from '@sanshe/common/clock';
import { TenantContext } from '@sanshe/tenancy';
import { ApplicationsService } from '../applications/applications.service';
import { CallsService } from '../calls/calls.service';
import { aggregate, heaviestCriterion, mean, proposeSelection, rank, round4 } from './aggregation';

export interface RankedApplication {
  rank: number;
  applicationId: string;
  referenceNo: string;
  organisationId: string;
  organisationName: string;
  projectTitle: string;
  requestedFen: string;
  score: number;
  reviewCount: number;
  highestAndLowestDropped: boolean;
  criterionMeans: Record<string, number>;
  proposed: boolean;
  proposedFen: string;
  proposalNote: 'fits' | 'below_pass_mark' | 'pool_exhausted';
}

/**
 * The ranking of a call's reviewed applications and the proposal that fits the pool — officials only. Reviews count
 * once submitted; the review is finished when every assignment is submitted or the deadline has passed.
 */
@Injectable()
export class RankingService {
  constructor(
    private readonly ctx: TenantContext,
    private readonly calls: CallsService,
    private readonly applications: ApplicationsService,
    private readonly clock: Clock,
  ) {}

  async progress(callId: string) {
    await this.calls.require(callId);
    const rows = await this.ctx.manager().query(
      `SELECT ap.id, ap.reference_no, count(*) FILTER (WHERE ra.status = 'assigned')::int AS pending,
              count(*) FILTER (WHERE ra.status = 'submitted')::int AS submitted, count(*) FILTER (WHERE ra.status = 'conflict')::int AS conflicts
         FROM applications ap LEFT JOIN review_assignments ra ON ra.application_id = ap.id
        WHERE ap.call_id = $1 AND ap.status IN ('passed','awarded','declined') GROUP BY ap.id, ap.reference_no ORDER BY ap.reference_no`, [callId]);
    return { items: rows.map((r: Record<string, unknown>) => ({ applicationId: r.id, referenceNo: r.reference_no, pending: r.pending, submitted: r.submitted, conflicts: r.conflicts })) };
  }

  async finished(callId: string): Promise<boolean> {
    const call = await this.calls.require(callId);
    if (this.clock.now() >= call.reviewBy) return true;
    const [{ n }] = await this.ctx.manager().query(`SELECT count(*)::int AS n FROM review_assignments WHERE call_id = $1 AND status = 'assigned'`, [callId]);
    return n === 0;
  }

  async ranking(callId: string): Promise<{ items: RankedApplication[]; fundPoolFen: string; proposedTotalFen: string; remainingFen: string; normalised: boolean; reviewFinished: boolean }> {
    const call = await this.calls.require(callId);
    const apps = await this.applications.listForCall(callId, ['passed', 'awarded', 'declined']);
    const reviews: Array<{ application_id: string; reviewer_membership_id: string; weighted_total: string; scores: Array<{ code: string; score: number }> }> =
      await this.ctx.manager().query(
        `SELECT application_id, reviewer_membership_id, weighted_total, scores FROM review_assignments WHERE call_id = $1 AND status = 'submitted'`, [callId]);
    const scores = aggregate(
      reviews.map((r) => ({ reviewerId: r.reviewer_membership_id, applicationId: r.application_id, total: Number(r.weighted_total) })),
      { normalise: call.normaliseScores });
    const key = heaviestCriterion(call.rubric);
    const criterionMeans = (appId: string) => {
      const mine = reviews.filter((r) => r.application_id === appId);
      return Object.fromEntries(call.rubric.criteria.map((c) => {
        const xs = mine.map((r) => r.scores.find((s) => s.code === c.code)?.score).filter((x): x is number => x !== undefined);
        return [c.code, xs.length ? round4(mean(xs)) : 0];
      }));
    };
    const reviewed = apps.filter((a) => scores.has(a.id));
    const ranked = rank(reviewed.map((a) => ({
      applicationId: a.id, referenceNo: a.referenceNo!, score: scores.get(a.id)!.score,
      keyCriterion: (criterionMeans(a.id)[key] ?? 0) / call.rubric.scoreMax, requestedFen: BigInt(a.requestedFen ?? '0'), submittedAt: a.submittedAt!, app: a,
    })));
    const proposal = proposeSelection(ranked, BigInt(call.fundPoolFen), call.minScoreToFund);
    const items = ranked.map((r, i): RankedApplication => ({
      rank: r.rank, applicationId: r.applicationId, referenceNo: r.referenceNo, organisationId: r.app.organisationId, organisationName: r.app.organisationName,
      projectTitle: r.app.title, requestedFen: r.requestedFen.toString(), score: r.score, reviewCount: scores.get(r.applicationId)!.reviewCount,
      highestAndLowestDropped: scores.get(r.applicationId)!.dropped, criterionMeans: criterionMeans(r.applicationId),
      proposed: proposal.items[i].proposed, proposedFen: proposal.items[i].amountFen.toString(), proposalNote: proposal.items[i].why,
    }));
    const proposedTotal = BigInt(call.fundPoolFen) - proposal.remainingFen;
    return {
      items, fundPoolFen: call.fundPoolFen, proposedTotalFen: proposedTotal.toString(), remainingFen: proposal.remainingFen.toString(),
      normalised: call.normaliseScores, reviewFinished: await this.finished(callId),
    };
  }
}
