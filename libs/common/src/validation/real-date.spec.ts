import { plainToInstance } from 'class-transformer';
import { IsOptional, validateSync } from 'class-validator';
import { IsRealDay, isRealDay } from './real-date';

describe('isRealDay', () => {
  it.each(['2026-09-30', '2024-02-29', '2000-02-29', '1900-01-01', '2199-12-31', '2026-01-31', '2026-12-31'])('accepts the real day %s', (day) => {
    expect(isRealDay(day)).toBe(true);
  });

  it.each([
    ['2026-09-31', 'September has 30 days'],
    ['2026-02-30', 'February never has 30 days'],
    ['2026-02-29', '2026 is not a leap year'],
    ['1900-02-29', '1900 is not a leap year'],
    ['2026-13-01', 'there is no 13th month'],
    ['2026-00-10', 'there is no month 0'],
    ['2026-01-00', 'there is no day 0'],
    ['0000-01-01', 'year 0 does not exist in PostgreSQL'],
    ['1899-12-31', 'before 1900'],
    ['2200-01-01', 'after 2199'],
    ['2028-03-31T10:00:00Z', 'a timestamp is not a day'],
    ['2028-03-31 ', 'trailing space'],
    ['2028-3-31', 'month without a leading zero'],
    ['+02028-03-31', 'expanded year'],
    ['２０２６-０１-０１', 'full-width digits'],
    ['', 'empty'],
  ])("refuses '%s' (%s)", (day) => {
    expect(isRealDay(day)).toBe(false);
  });

  it.each([null, undefined, 20260101, new Date('2026-01-01'), ['2026-01-01']])('refuses the non-string %p', (value) => {
    expect(isRealDay(value)).toBe(false);
  });
});

describe('@IsRealDay()', () => {
  class Dto {
    @IsRealDay() dueOn: string;
    @IsOptional() @IsRealDay() endsOn?: string;
  }
  const check = (plain: object) => validateSync(plainToInstance(Dto, plain));

  it('passes real days and an omitted optional day', () => {
    expect(check({ dueOn: '2026-09-30' })).toEqual([]);
    expect(check({ dueOn: '2026-09-30', endsOn: '2027-06-30' })).toEqual([]);
  });

  it('names the field and the rule in the constraint', () => {
    const errors = check({ dueOn: '2026-09-31', endsOn: '2028-03-31T10:00:00Z' });
    expect(errors.map((e) => e.property)).toEqual(['dueOn', 'endsOn']);
    expect(errors[0].constraints).toEqual({ isRealDay: expect.stringContaining('dueOn must be a real calendar day YYYY-MM-DD') });
  });

  it('refuses a missing required day', () => {
    expect(check({}).map((e) => e.property)).toEqual(['dueOn']);
  });
});
