/**
 * Calendar days ('YYYY-MM-DD') as people in the districts read them: on the Beijing calendar (Asia/Shanghai, UTC+8,
 * no daylight saving), whatever the server's own time zone. Deadlines, "today", due dates and ages all use these.
 */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** The Beijing calendar day of an instant. "Today" is `Clock.today()`: business time has one source. */
export function shanghaiDay(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The day `n` days after (or before, for negative n) a calendar day. */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Whole days from one calendar day to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The same day N years later (29 February becomes 28 February in a common year). */
export function addYears(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const target = new Date(Date.UTC(y + years, m - 1, d));
  if (target.getUTCMonth() !== m - 1) target.setUTCDate(0);
  return target.toISOString().slice(0, 10);
}

/**
 * A calendar day as an SQL date literal (`'2026-09-30'::date`), for a query text shared by statements whose
 * parameter lists differ (a keyset page and its count). Only a real day passes, so nothing but digits and dashes
 * ever reaches the SQL; anything else is a programming error.
 */
export function sqlDay(day: string): string {
  if (!/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`))) throw new Error(`not a calendar day: ${JSON.stringify(day)}`);
  return `'${day}'::date`;
}
