/**
 * Review arithmetic (评分汇总), as pure functions so every rule is tested on hand-computed numbers.
 *
 * 1. A reviewer's total for an application is the weighted sum of criterion scores on a 100-point scale:
 *    Σ weightᵢ × scoreᵢ / scoreMax  (weights add up to 100; e.g. 40×8/10 + 30×7/10 + 30×9/10 = 80).
 * 2. Optional normalisation (a call setting): each reviewer's totals become z-scores over the applications that
 *    reviewer scored, z = (x − μ_reviewer) / σ_reviewer (population σ), and are put back on the call's scale as
 *    M + S × z, where M and S are the mean and population σ of every raw total in the call. A reviewer with a single
 *    review or no spread gives z = 0 (the call mean). A harsh reviewer's 60 and a lenient one's 90 then count the same
 *    when each is that reviewer's best.
 * 3. An application's score is the mean of its reviewers' totals; with five or more reviews the single highest and the
 *    single lowest are dropped first.
 * 4. Ranking: higher score first; ties broken by (a) the higher mean on the heaviest criterion (the first listed
 *    among equals), (b) the smaller amount requested, (c) the earlier submission, (d) the reference number.
 * 5. Proposal: down the ranking, each application scoring at least the call's pass mark is proposed at its requested
 *    amount if that still fits in the pool; one that does not fit is skipped and the next is considered.
 */
export interface RubricLike {
  criteria: Array<{ code: string; weight: number }>;
  scoreMin: number;
  scoreMax: number;
}

export interface CriterionScore {
  code: string;
  score: number;
}

export interface ReviewTotal {
  reviewerId: string;
  applicationId: string;
  total: number;
}

/** Scores compared and shown to 4 decimals, so float noise never decides a tie. */
export function round4(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

export function weightedTotal(scores: CriterionScore[], rubric: RubricLike): number {
  const byCode = new Map(scores.map((s) => [s.code, s.score]));
  let total = 0;
  for (const c of rubric.criteria) {
    const s = byCode.get(c.code);
    if (s === undefined) throw new Error(`missing score for ${c.code}`);
    total += (c.weight * s) / rubric.scoreMax;
  }
  return round4(total);
}

export function mean(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

function populationSd(xs: number[]): number {
  const m = mean(xs);
  return Math.sqrt(mean(xs.map((x) => (x - m) ** 2)));
}

/** Mean, dropping the single highest and single lowest value when there are five or more. */
export function trimmedMean(xs: number[]): number {
  if (!xs.length) throw new Error('no values');
  if (xs.length < 5) return mean(xs);
  const sorted = [...xs].sort((a, b) => a - b);
  return mean(sorted.slice(1, -1));
}

export function normalisePerReviewer(totals: ReviewTotal[]): ReviewTotal[] {
  if (!totals.length) return [];
  const all = totals.map((t) => t.total);
  const M = mean(all);
  const S = populationSd(all);
  const byReviewer = new Map<string, number[]>();
  for (const t of totals) byReviewer.set(t.reviewerId, [...(byReviewer.get(t.reviewerId) ?? []), t.total]);
  const stats = new Map([...byReviewer].map(([r, xs]) => [r, { m: mean(xs), sd: xs.length > 1 ? populationSd(xs) : 0 }]));
  return totals.map((t) => {
    const { m, sd } = stats.get(t.reviewerId)!;
    const z = sd > 0 ? (t.total - m) / sd : 0;
    return { ...t, total: M + S * z };
  });
}

export interface AggregatedScore {
  applicationId: string;
  score: number;
  reviewCount: number;
  dropped: boolean;
}

export function aggregate(totals: ReviewTotal[], opts: { normalise: boolean }): Map<string, AggregatedScore> {
  const used = opts.normalise ? normalisePerReviewer(totals) : totals;
  const byApp = new Map<string, number[]>();
  for (const t of used) byApp.set(t.applicationId, [...(byApp.get(t.applicationId) ?? []), t.total]);
  return new Map([...byApp].map(([applicationId, xs]) => [applicationId, { applicationId, score: round4(trimmedMean(xs)), reviewCount: xs.length, dropped: xs.length >= 5 }]));
}

export interface RankInput {
  applicationId: string;
  referenceNo: string;
  score: number;
  /** Mean score on the heaviest criterion, as a fraction of the maximum. */
  keyCriterion: number;
  requestedFen: bigint;
  submittedAt: Date;
}

export function compareForRanking(a: RankInput, b: RankInput): number {
  return (
    round4(b.score) - round4(a.score) ||
    round4(b.keyCriterion) - round4(a.keyCriterion) ||
    (a.requestedFen < b.requestedFen ? -1 : a.requestedFen > b.requestedFen ? 1 : 0) ||
    a.submittedAt.getTime() - b.submittedAt.getTime() ||
    a.referenceNo.localeCompare(b.referenceNo)
  );
}

export function rank<T extends RankInput>(items: T[]): Array<T & { rank: number }> {
  return [...items].sort(compareForRanking).map((x, i) => ({ ...x, rank: i + 1 }));
}

export function heaviestCriterion(rubric: RubricLike): string {
  return rubric.criteria.reduce((best, c) => (c.weight > best.weight ? c : best), rubric.criteria[0]).code;
}

export interface Proposal {
  applicationId: string;
  proposed: boolean;
  amountFen: bigint;
  why: 'fits' | 'below_pass_mark' | 'pool_exhausted';
}

export function proposeSelection(ranked: Array<RankInput & { rank: number }>, poolFen: bigint, passMark: number): { items: Proposal[]; remainingFen: bigint } {
  let remaining = poolFen;
  const items = ranked.map((r): Proposal => {
    if (round4(r.score) < passMark) return { applicationId: r.applicationId, proposed: false, amountFen: 0n, why: 'below_pass_mark' };
    if (r.requestedFen > remaining) return { applicationId: r.applicationId, proposed: false, amountFen: 0n, why: 'pool_exhausted' };
    remaining -= r.requestedFen;
    return { applicationId: r.applicationId, proposed: true, amountFen: r.requestedFen, why: 'fits' };
  });
  return { items, remainingFen: remaining };
}
