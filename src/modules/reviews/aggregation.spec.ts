import { aggregate, normalisePerReviewer, proposeSelection, rank, trimmedMean, weightedTotal } from './aggregation';
import { assignReviewers } from './assignment';

const RUBRIC = { criteria: [{ code: 'need', weight: 40 }, { code: 'design', weight: 30 }, { code: 'budget', weight: 30 }], scoreMin: 0, scoreMax: 10 };

describe('review arithmetic', () => {
  it('a reviewer\'s total is the weighted sum on a 100-point scale', () => {
    // 40×8/10 + 30×7/10 + 30×9/10 = 32 + 21 + 27
    expect(weightedTotal([{ code: 'need', score: 8 }, { code: 'design', score: 7 }, { code: 'budget', score: 9 }], RUBRIC)).toBe(80);
    // 40×10/10 + 30×0 + 30×5/10 = 40 + 0 + 15
    expect(weightedTotal([{ code: 'budget', score: 5 }, { code: 'need', score: 10 }, { code: 'design', score: 0 }], RUBRIC)).toBe(55);
    expect(() => weightedTotal([{ code: 'need', score: 8 }], RUBRIC)).toThrow();
  });

  it('drops the highest and the lowest only when there are five or more reviews', () => {
    expect(trimmedMean([70, 80, 90, 100])).toBe(85);
    expect(trimmedMean([100, 70, 85, 90, 80])).toBe(85); // (80 + 85 + 90) / 3
    expect(trimmedMean([60, 80, 80, 80, 95, 99])).toBe(83.75); // drops one 60 and the 99 only
    expect(trimmedMean([80, 80, 80, 80, 80])).toBe(80);
  });

  it('z-score normalisation puts a harsh and a lenient reviewer on the same footing', () => {
    // A is harsh (60, 50, 40), B lenient (90, 80, 70) on three different applications each.
    const totals = [
      { reviewerId: 'A', applicationId: 'a1', total: 60 }, { reviewerId: 'A', applicationId: 'a2', total: 50 }, { reviewerId: 'A', applicationId: 'a3', total: 40 },
      { reviewerId: 'B', applicationId: 'b1', total: 90 }, { reviewerId: 'B', applicationId: 'b2', total: 80 }, { reviewerId: 'B', applicationId: 'b3', total: 70 },
    ];
    // Each reviewer: mean 50 / 80, σ = √(200/3) = 8.1650; z = +1.2247, 0, −1.2247.
    // Call: mean M = 65, σ S = √(1750/6) = 17.0783. Best of each: 65 + 17.0783 × 1.2247 = 85.9166.
    const n = new Map(normalisePerReviewer(totals).map((t) => [t.applicationId, Math.round(t.total * 100) / 100]));
    expect(n).toEqual(new Map([['a1', 85.92], ['a2', 65], ['a3', 44.08], ['b1', 85.92], ['b2', 65], ['b3', 44.08]]));
    // Without normalisation the harsh reviewer's best (60) ranks below the lenient reviewer's worst (70).
    const raw = aggregate(totals, { normalise: false });
    expect(raw.get('a1')!.score).toBeLessThan(raw.get('b3')!.score);
    const fair = aggregate(totals, { normalise: true });
    expect(fair.get('a1')!.score).toBe(fair.get('b1')!.score);
  });

  it('a reviewer with one review, or with no spread, sits at the call mean', () => {
    const n = normalisePerReviewer([
      { reviewerId: 'A', applicationId: 'x', total: 70 },
      { reviewerId: 'B', applicationId: 'y', total: 90 }, { reviewerId: 'B', applicationId: 'z', total: 90 },
    ]);
    expect(n.map((t) => Math.round(t.total * 1e4) / 1e4)).toEqual([83.3333, 83.3333, 83.3333]);
  });

  it('ranks by score, then the heaviest criterion, the smaller request, the earlier submission, the reference', () => {
    const base = { keyCriterion: 0.8, requestedFen: 100n, submittedAt: new Date('2026-05-01T00:00:00Z') };
    const ranked = rank([
      { ...base, applicationId: 'e', referenceNo: 'R5', score: 80 },
      { ...base, applicationId: 'd', referenceNo: 'R4', score: 80, submittedAt: new Date('2026-04-30T00:00:00Z') },
      { ...base, applicationId: 'c', referenceNo: 'R3', score: 80, requestedFen: 90n },
      { ...base, applicationId: 'b', referenceNo: 'R2', score: 80, keyCriterion: 0.9 },
      { ...base, applicationId: 'a', referenceNo: 'R1', score: 80.00001 },
      { ...base, applicationId: 'f', referenceNo: 'R0', score: 80 },
      { ...base, applicationId: 'top', referenceNo: 'R9', score: 91 },
    ]);
    // 80.00001 equals 80 at four decimals, so it falls to the reference tie-break with e and f.
    expect(ranked.map((r) => r.applicationId)).toEqual(['top', 'b', 'c', 'd', 'f', 'a', 'e']);
  });

  it('proposes down the ranking within the pool, skipping what does not fit or does not pass', () => {
    const at = new Date();
    const ranked = rank([
      { applicationId: 'a', referenceNo: '1', score: 90, keyCriterion: 0, requestedFen: 60n, submittedAt: at },
      { applicationId: 'b', referenceNo: '2', score: 85, keyCriterion: 0, requestedFen: 50n, submittedAt: at },
      { applicationId: 'c', referenceNo: '3', score: 80, keyCriterion: 0, requestedFen: 30n, submittedAt: at },
      { applicationId: 'd', referenceNo: '4', score: 59.99, keyCriterion: 0, requestedFen: 10n, submittedAt: at },
    ]);
    const p = proposeSelection(ranked, 100n, 60);
    expect(p.items.map((i) => [i.applicationId, i.proposed, i.why])).toEqual([
      ['a', true, 'fits'], ['b', false, 'pool_exhausted'], ['c', true, 'fits'], ['d', false, 'below_pass_mark'],
    ]);
    expect(p.remainingFen).toBe(10n);
  });
});

describe('reviewer assignment', () => {
  const apps = Array.from({ length: 6 }, (_, i) => ({ id: `app${i}`, organisationId: `org${i % 3}` }));

  it('gives every application N reviewers and keeps the loads within one of each other', () => {
    const { assignments, shortages } = assignReviewers({ applications: apps, reviewers: ['r1', 'r2', 'r3', 'r4'], perApplication: 2, existing: [], excluded: () => false });
    expect(shortages).toEqual([]);
    expect(assignments).toHaveLength(12);
    const loads = ['r1', 'r2', 'r3', 'r4'].map((r) => assignments.filter((a) => a.reviewerId === r).length);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
    for (const app of apps) expect(new Set(assignments.filter((a) => a.applicationId === app.id).map((a) => a.reviewerId)).size).toBe(2);
  });

  it('never assigns a reviewer to an organisation they are excluded from, and reports what it cannot staff', () => {
    const excluded = (r: string, org: string) => r === 'r1' && org === 'org0';
    const { assignments } = assignReviewers({ applications: apps, reviewers: ['r1', 'r2', 'r3'], perApplication: 2, existing: [], excluded });
    expect(assignments.filter((a) => a.reviewerId === 'r1' && ['app0', 'app3'].includes(a.applicationId))).toEqual([]);
    const short = assignReviewers({ applications: apps, reviewers: ['r1', 'r2'], perApplication: 2, existing: [], excluded });
    expect(short.shortages.sort()).toEqual(['app0', 'app3']);
  });
});
