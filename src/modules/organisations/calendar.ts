/** Calendar dates (YYYY-MM-DD) as people in the districts read them: in Asia/Shanghai, whatever the server's zone. */
const SHANGHAI = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

export function shanghaiDate(at: Date = new Date()): string {
  return SHANGHAI.format(at);
}

/** A YYYY-MM-DD string that names a real calendar day (not 2023-02-30): the platform's one check, under its old name here. */
export { isRealDay as isRealDate } from '@sanshe/common';

/** The same day N years later (29 February becomes 28 February in a common year). */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const target = new Date(Date.UTC(y + years, m - 1, d));
  if (target.getUTCMonth() !== m - 1) target.setUTCDate(0);
  return target.toISOString().slice(0, 10);
}
