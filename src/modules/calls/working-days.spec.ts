import { addWorkingDays, isWorkingDay, noticePeriod } from './working-days';

/** The State Council's 2025 arrangement for 国庆节 and 中秋节: 1–8 October off; Sunday 28 Sept and Saturday 11 Oct worked. */
const GOLDEN_WEEK_2025 = new Map<string, 'holiday' | 'workday'>([
  ['2025-09-28', 'workday'],
  ...['01', '02', '03', '04', '05', '06', '07', '08'].map((d) => [`2025-10-${d}`, 'holiday'] as [string, 'holiday']),
  ['2025-10-11', 'workday'],
]);

describe('working days on a district calendar', () => {
  it('without a calendar, counts Monday to Friday only', () => {
    expect(addWorkingDays('2025-09-26', 5, new Map())).toBe('2025-10-03'); // Fri → Mon 29 … Fri 3
    expect(addWorkingDays('2025-06-06', 1, new Map())).toBe('2025-06-09'); // Friday + 1 → Monday
  });

  it('a five-day notice published on the Friday before 国庆 counts the swapped Sunday and skips the golden week', () => {
    // Sun 28 Sept (调休) = 1, Mon 29 = 2, Tue 30 = 3, 1–8 Oct off, Thu 9 = 4, Fri 10 = 5
    expect(addWorkingDays('2025-09-26', 5, GOLDEN_WEEK_2025)).toBe('2025-10-10');
  });

  it('the Saturday after the golden week is a working day; the Sunday is not', () => {
    expect(isWorkingDay('2025-10-11', GOLDEN_WEEK_2025)).toBe(true);
    expect(isWorkingDay('2025-10-12', GOLDEN_WEEK_2025)).toBe(false);
    // Thu 9 → Fri 10 = 1, Sat 11 (调休) = 2, Mon 13 = 3
    expect(addWorkingDays('2025-10-09', 3, GOLDEN_WEEK_2025)).toBe('2025-10-13');
  });

  it('a notice published during the holiday starts counting after it', () => {
    expect(addWorkingDays('2025-10-01', 1, GOLDEN_WEEK_2025)).toBe('2025-10-09');
  });

  it('the period ends at midnight Beijing time after its last working day, whatever the publication hour', () => {
    // 23:30 on Friday 26 Sept in Beijing is 15:30 UTC: still the 26th in the district.
    const late = noticePeriod(new Date('2025-09-26T15:30:00Z'), 5, GOLDEN_WEEK_2025);
    expect(late).toEqual({ lastDay: '2025-10-10', endsAt: new Date('2025-10-10T16:00:00Z') });
    // 00:30 on Saturday 27 Sept in Beijing is still the 26th in UTC: the district's date decides.
    const early = noticePeriod(new Date('2025-09-26T16:30:00Z'), 1, GOLDEN_WEEK_2025);
    expect(early.lastDay).toBe('2025-09-28');
  });

  it('refuses nonsense instead of looping', () => {
    expect(() => addWorkingDays('2025-02-30', 1, new Map())).toThrow();
    expect(() => addWorkingDays('2025-02-03', 0, new Map())).toThrow();
  });
});
