/**
 * Working days as a district counts them: Monday to Friday, except the district's calendar says otherwise — a
 * public holiday (e.g. 国庆 1–8 October) is not a working day, and a swapped weekend workday (调休, e.g. Sunday 28
 * September 2025) is. Dates are Asia/Shanghai calendar days, YYYY-MM-DD.
 */
import { addDays, isRealDay, shanghaiDay } from '@sanshe/common';

export type DayKind = 'holiday' | 'workday';
export type HolidayCalendar = ReadonlyMap<string, DayKind>;

export function isWorkingDay(day: string, calendar: HolidayCalendar): boolean {
  const override = calendar.get(day);
  if (override) return override === 'workday';
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The Nth working day after `day` (the day itself is not counted: a notice published today starts tomorrow). */
export function addWorkingDays(day: string, n: number, calendar: HolidayCalendar): string {
  if (!isRealDay(day)) throw new Error(`not a date: ${day}`);
  if (!Number.isInteger(n) || n < 1) throw new Error(`working days must be a positive integer: ${n}`);
  let current = day;
  let counted = 0;
  // A year of holidays cannot hide more than ~40 working days; the bound only guards against a broken calendar.
  for (let guard = 0; guard < 3660; guard++) {
    current = addDays(current, 1);
    if (isWorkingDay(current, calendar) && ++counted === n) return current;
  }
  throw new Error('the holiday calendar leaves no working days');
}

/** The instant a period ending with `day` is over: midnight at the start of the next day, Asia/Shanghai. */
export function endOfShanghaiDay(day: string): Date {
  return new Date(`${addDays(day, 1)}T00:00:00+08:00`);
}

/**
 * A notice period of N working days published at `publishedAt`: it ends at the end of the Nth working day after the
 * publication day.
 */
export function noticePeriod(publishedAt: Date, workingDays: number, calendar: HolidayCalendar): { lastDay: string; endsAt: Date } {
  const lastDay = addWorkingDays(shanghaiDay(publishedAt), workingDays, calendar);
  return { lastDay, endsAt: endOfShanghaiDay(lastDay) };
}
