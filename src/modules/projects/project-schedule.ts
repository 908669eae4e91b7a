/**
 * Dates of a project's plan, as calendar days ('YYYY-MM-DD', Asia/Shanghai business days; no time zone math needed
 * once a day is a day). Pure functions, unit-tested.
 */
import { addDays, daysBetween } from '@sanshe/common';

export interface ScheduledReport {
  kind: 'monthly' | 'interim' | 'final';
  periodStart: string;
  periodEnd: string;
  dueOn: string;
}

/**
 * The reports a project owes: a monthly report per calendar month of the project (due on the 10th of the next
 * month), an interim report for the first half (due 15 days after the midpoint) and a final report for the whole
 * project (due 30 days after the end).
 */
export function reportSchedule(startsOn: string, endsOn: string): ScheduledReport[] {
  const out: ScheduledReport[] = [];
  let monthStart = startsOn;
  while (monthStart <= endsOn) {
    const [y, m] = monthStart.split('-').map(Number);
    const nextMonth = new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
    const monthEnd = addDays(nextMonth, -1);
    out.push({ kind: 'monthly', periodStart: monthStart, periodEnd: monthEnd < endsOn ? monthEnd : endsOn, dueOn: addDays(nextMonth, 9) });
    monthStart = nextMonth;
  }
  const mid = addDays(startsOn, Math.floor(daysBetween(startsOn, endsOn) / 2));
  out.push({ kind: 'interim', periodStart: startsOn, periodEnd: mid, dueOn: addDays(mid, 15) });
  out.push({ kind: 'final', periodStart: startsOn, periodEnd: endsOn, dueOn: addDays(endsOn, 30) });
  return out;
}

/** Splits an amount by percentages in whole fen; the last tranche takes the rounding remainder. */
export function splitByPercent(amountFen: bigint, percents: number[]): bigint[] {
  const parts = percents.map((p) => (amountFen * BigInt(Math.round(p * 100))) / 10_000n);
  const rest = amountFen - parts.reduce((a, b) => a + b, 0n);
  parts[parts.length - 1] += rest;
  return parts;
}
