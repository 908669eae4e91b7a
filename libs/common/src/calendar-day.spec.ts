import { addDays, addYears, daysBetween, shanghaiDay } from './calendar-day';

describe('Beijing calendar days', () => {
  it('an instant late on a UTC evening is already the next day in Beijing', () => {
    expect(shanghaiDay(new Date('2026-09-30T15:59:59Z'))).toBe('2026-09-30');
    expect(shanghaiDay(new Date('2026-03-01T15:59:59Z'))).toBe('2026-03-01');
    expect(shanghaiDay(new Date('2026-03-01T16:00:00Z'))).toBe('2026-03-02');
    expect(shanghaiDay(new Date('2026-09-30T16:00:00Z'))).toBe('2026-10-01');
    expect(shanghaiDay(new Date('2026-01-31T16:30:00Z'))).toBe('2026-02-01');
  });

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('adds whole years, ending February in a common year on the 28th', () => {
    expect(addYears('2020-05-20', 3)).toBe('2023-05-20');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
  });

  it('counts whole days between two days', () => {
    expect(daysBetween('2026-01-01', '2026-12-31')).toBe(364);
    expect(daysBetween('2026-03-10', '2026-03-01')).toBe(-9);
  });
});
