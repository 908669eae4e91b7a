import { TrancheFacts, checkTranche } from './tranche-conditions';

const facts = (over: Partial<TrancheFacts> = {}): TrancheFacts => ({
  projectStatus: 'active', agreementSignedOn: null, evaluations: [], approvedReportKinds: [], releasedFen: 0n, reportedSpentFen: 0n,
  earlierUnpaid: [], trancheStatus: 'pending', ...over,
});
const unmet = (r: ReturnType<typeof checkTranche>) => r.filter((c) => !c.met).map((c) => c.type);

describe('tranche conditions', () => {
  it('the first tranche waits for the signed agreement', () => {
    expect(unmet(checkTranche([{ type: 'agreement_signed' }], facts()))).toEqual(['agreement_signed']);
    expect(unmet(checkTranche([{ type: 'agreement_signed' }], facts({ agreementSignedOn: '2026-03-01' })))).toEqual([]);
  });

  it('an evaluation must be passed with at least the minimum score', () => {
    const c = [{ type: 'evaluation_passed' as const, stage: 'midterm' as const, minScore: 70 }];
    expect(unmet(checkTranche(c, facts({ evaluations: [{ stage: 'midterm', score: 65, passed: true }] })))).toEqual(['evaluation_passed']);
    expect(unmet(checkTranche(c, facts({ evaluations: [{ stage: 'midterm', score: 75, passed: false }] })))).toEqual(['evaluation_passed']);
    expect(unmet(checkTranche(c, facts({ evaluations: [{ stage: 'midterm', score: 75, passed: true }] })))).toEqual([]);
  });

  it('spending is compared with the money paid, in whole fen', () => {
    const c = [{ type: 'spending_ratio' as const, minPercent: 60 }];
    expect(unmet(checkTranche(c, facts({ releasedFen: 100_000n, reportedSpentFen: 59_999n })))).toEqual(['spending_ratio']);
    expect(unmet(checkTranche(c, facts({ releasedFen: 100_000n, reportedSpentFen: 60_000n })))).toEqual([]);
  });

  it('lists every unmet condition together: unfunded, frozen, earlier tranches, reports', () => {
    const r = checkTranche([{ type: 'report_approved', kind: 'interim' }], facts({ projectStatus: 'unfunded', trancheStatus: 'frozen', earlierUnpaid: [1] }));
    expect(unmet(r)).toEqual(['project_funded', 'not_frozen', 'earlier_tranches_paid', 'report_approved']);
    expect(r.every((c) => c.zh && c.en)).toBe(true);
  });
});
