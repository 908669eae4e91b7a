import { addYears, isRealDate, shanghaiDate } from './calendar';

describe('calendar dates in Asia/Shanghai', () => {
  it('counts a moment after 16:00 UTC as the next day in Shanghai', () => {
    expect(shanghaiDate(new Date('2026-03-01T15:59:59Z'))).toBe('2026-03-01');
    expect(shanghaiDate(new Date('2026-03-01T16:00:00Z'))).toBe('2026-03-02');
  });

  it('accepts real days only', () => {
    expect(isRealDate('2024-02-29')).toBe(true);
    expect(isRealDate('2023-02-29')).toBe(false);
    expect(isRealDate('2023-13-01')).toBe(false);
    expect(isRealDate('2023-1-01')).toBe(false);
  });

  it('adds whole years, ending February in a common year on the 28th', () => {
    expect(addYears('2020-05-20', 3)).toBe('2023-05-20');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
  });
});
