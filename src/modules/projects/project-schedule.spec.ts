import { reportSchedule, splitByPercent } from './project-schedule';

describe('project schedule', () => {
  it('splits 100,000.01 yuan 50/30/20 in whole fen, the last tranche taking the remainder', () => {
    expect(splitByPercent(10_000_001n, [50, 30, 20])).toEqual([5_000_000n, 3_000_000n, 2_000_001n]);
    expect(splitByPercent(100n, [33.33, 33.33, 33.34])).toEqual([33n, 33n, 34n]);
  });

  it('owes a monthly report per month, an interim and a final report', () => {
    const s = reportSchedule('2026-03-15', '2026-06-30');
    expect(s.filter((r) => r.kind === 'monthly').map((r) => [r.periodStart, r.periodEnd, r.dueOn])).toEqual([
      ['2026-03-15', '2026-03-31', '2026-04-10'],
      ['2026-04-01', '2026-04-30', '2026-05-10'],
      ['2026-05-01', '2026-05-31', '2026-06-10'],
      ['2026-06-01', '2026-06-30', '2026-07-10'],
    ]);
    expect(s.find((r) => r.kind === 'final')).toEqual({ kind: 'final', periodStart: '2026-03-15', periodEnd: '2026-06-30', dueOn: '2026-07-30' });
    expect(s.find((r) => r.kind === 'interim')!.periodEnd).toBe('2026-05-07');
  });
});
