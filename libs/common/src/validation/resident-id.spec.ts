import { checkResidentId, maskPhone, maskResidentId, residentIdCheckChar } from './resident-id';

/**
 * Every ID number here is synthetic: a division code, a birth date and a sequence number chosen for the test, with
 * the check character computed below. None is taken from a real person.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** An independent ISO 7064 MOD 11-2 implementation, so the tests do not grade the code with itself. */
function withCheck(first17: string): string {
  const sum = [...first17].reduce((acc, d, i) => acc + Number(d) * WEIGHTS[i], 0);
  const value = (12 - (sum % 11)) % 11;
  return first17 + (value === 10 ? 'X' : String(value));
}

function syntheticId(division: string, birth: string, sequence: string): string {
  return withCheck(`${division}${birth}${sequence}`);
}

const NOW = new Date('2024-06-15T04:00:00Z'); // 12:00 on 15 June 2024 in Beijing

function failure(id: string, now: Date = NOW) {
  const result = checkResidentId(id, { now });
  if (result.ok) throw new Error(`expected ${id} to be refused`);
  return result;
}

describe('checkResidentId', () => {
  it('computes the check digit of a synthetic Hangzhou number exactly as worked out by hand', () => {
    // digits  3 3 0  1 0 2 1 9 9 0 0 3 0  7 0 0 1
    // weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2
    // 21+27+0+5+0+8+2+9+54+0+0+27+0+35+0+0+2 = 190; 190 mod 11 = 3; (12 - 3) mod 11 = 9
    expect(residentIdCheckChar('33010219900307001')).toBe('9');
    expect(checkResidentId('330102199003070019', { now: NOW })).toEqual({
      ok: true,
      id: '330102199003070019',
      divisionCode: '330102',
      birthDate: '1990-03-07',
      gender: 'male',
    });
  });

  it('reads an even 17th digit as female', () => {
    const id = syntheticId('510107', '20000229', '004');
    expect(checkResidentId(id, { now: NOW })).toMatchObject({ ok: true, birthDate: '2000-02-29', gender: 'female' });
  });

  it('reads an odd 17th digit as male', () => {
    const id = syntheticId('420103', '19850615', '123');
    expect(checkResidentId(id, { now: NOW })).toMatchObject({ ok: true, divisionCode: '420103', gender: 'male' });
  });

  it('accepts a final X whether typed in upper or lower case, with spaces around it', () => {
    const id = syntheticId('330102', '19900307', '006');
    expect(id.endsWith('X')).toBe(true);
    expect(checkResidentId(` ${id.toLowerCase()} `, { now: NOW })).toMatchObject({ ok: true, id });
  });

  it('accepts a number typed in full-width digits', () => {
    const id = '330102199003070019';
    const fullWidth = [...id].map((d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)).join('');
    expect(checkResidentId(fullWidth, { now: NOW })).toMatchObject({ ok: true, id });
  });

  it.each([
    ['an empty value', ''],
    ['17 characters', '33010219900307001'],
    ['19 characters', '3301021990030700190'],
    ['an old 15-digit number', '330102900307001'],
    ['a letter in the middle', '3301021990O3070019'],
    ['an X before the last position', '33010219900307X019'],
    ['separators inside', '330102-19900307-0019'],
  ])('refuses %s as a format problem', (_label, id) => {
    expect(failure(id).reason).toBe('RESIDENT_ID_FORMAT');
  });

  it('says how many characters were entered when the length is wrong', () => {
    const result = failure('33010219900307001');
    expect(result.messageZh).toContain('您输入了17位');
    expect(result.messageEn).toContain('17 were entered');
  });

  it('refuses a missing value as a format problem rather than throwing', () => {
    expect(failure(undefined as unknown as string).reason).toBe('RESIDENT_ID_FORMAT');
  });

  it.each(['990101', '000000', '100101', '720101'])('refuses a number whose division code %s has no real province', (division) => {
    const result = failure(syntheticId(division, '19900307', '001'));
    expect(result.reason).toBe('RESIDENT_ID_DIVISION');
    expect(result.messageZh).toContain(`'${division}'`);
  });

  it.each([
    ['30 February', '19900230'],
    ['29 February in 1900, which was not a leap year', '19000229'],
    ['month 13', '19901301'],
    ['month 00', '19900001'],
    ['day 00', '19900300'],
    ['31 April', '19900431'],
    ['a date before 1900', '18991231'],
    ['tomorrow', '20240616'],
    ['a date years ahead', '20990101'],
  ])('refuses a birth date on %s', (_label, birth) => {
    const result = failure(syntheticId('330102', birth, '001'));
    expect(result.reason).toBe('RESIDENT_ID_BIRTH_DATE');
    expect(result.messageZh).toContain(`'${birth}'`);
  });

  it('accepts 1 January 1900 and a baby born today', () => {
    expect(checkResidentId(syntheticId('330102', '19000101', '001'), { now: NOW })).toMatchObject({ ok: true, birthDate: '1900-01-01' });
    expect(checkResidentId(syntheticId('330102', '20240615', '002'), { now: NOW })).toMatchObject({ ok: true, birthDate: '2024-06-15' });
  });

  it('judges "today" on the Beijing calendar, not on UTC', () => {
    const lateEveningUtc = new Date('2024-06-15T17:30:00Z'); // already 01:30 on 16 June in Beijing
    expect(checkResidentId(syntheticId('330102', '20240616', '001'), { now: lateEveningUtc }).ok).toBe(true);
    const earlyMorningBeijing = new Date('2024-06-14T16:30:00Z'); // 00:30 on 15 June in Beijing
    expect(failure(syntheticId('330102', '20240616', '001'), earlyMorningBeijing).reason).toBe('RESIDENT_ID_BIRTH_DATE');
  });

  it('refuses a wrong check character and says which one was expected', () => {
    const result = failure('330102199003070018');
    expect(result.reason).toBe('RESIDENT_ID_CHECK');
    expect(result.messageZh).toContain("最后一位应为'9'");
    expect(result.messageEn).toContain("should be '9'");
  });

  it('refuses an X where the check digit should be a digit', () => {
    expect(failure('33010219900307001X').reason).toBe('RESIDENT_ID_CHECK');
  });

  it('never lets a single mistyped digit through', () => {
    const id = '330102199003070019';
    for (let position = 0; position < 17; position++) {
      for (let digit = 0; digit <= 9; digit++) {
        if (String(digit) === id[position]) continue;
        const typo = id.slice(0, position) + digit + id.slice(position + 1);
        expect(checkResidentId(typo, { now: NOW }).ok).toBe(false);
      }
    }
  });

  it('uses the server clock when no "now" is given', () => {
    expect(checkResidentId(syntheticId('330102', '20990101', '001')).ok).toBe(false);
    expect(checkResidentId('330102199003070019').ok).toBe(true);
  });
});

describe('maskResidentId', () => {
  it('keeps the first four and last four characters of an 18-character number', () => {
    expect(maskResidentId('33010219900307006X')).toBe('3301**********006X');
    expect(maskResidentId('330102199003070019')).toBe('3301**********0019');
  });

  it('hides the birth date and the sequence number completely', () => {
    const masked = maskResidentId('330102199003070019');
    expect(masked).not.toContain('1990');
    expect(masked).toHaveLength(18);
  });

  it('masks an old 15-digit number the same way, and masks very short input entirely', () => {
    expect(maskResidentId('330102900307001')).toBe('3301*******7001');
    expect(maskResidentId('12345678')).toBe('********');
    expect(maskResidentId('')).toBe('');
  });
});

describe('maskPhone', () => {
  it('shows a mobile number as 138****5678', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });

  it('masks a mobile number written with +86 and separators the same way', () => {
    expect(maskPhone('+86 138-1234-5678')).toBe('138****5678');
  });

  it('keeps the first three and last two characters of anything else', () => {
    expect(maskPhone('0571-87654321')).toBe('057********21');
    expect(maskPhone('87654321')).toBe('876***21');
  });

  it('masks five characters or fewer entirely', () => {
    expect(maskPhone('12345')).toBe('*****');
    expect(maskPhone('')).toBe('');
  });
});
