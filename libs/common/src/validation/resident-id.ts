/**
 * PRC resident identity card numbers (居民身份证号码, GB 11643-1999) of beneficiaries, and the masks every list
 * shows instead of the clear value (PIPL: sensitive personal information is shown masked).
 */
import { shanghaiDay } from '../calendar-day';
import { checkMobilePhone } from './phone';
import { isProvinceCode, validationFailure, type ValidationFailure } from './division-code';

/** ISO 7064 MOD 11-2 weights of positions 1-17 (2^(18-i) mod 11). */
const RESIDENT_ID_WEIGHTS: readonly number[] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

const EARLIEST_BIRTH_DATE = '1900-01-01';


export type ResidentIdReason = 'RESIDENT_ID_FORMAT' | 'RESIDENT_ID_DIVISION' | 'RESIDENT_ID_BIRTH_DATE' | 'RESIDENT_ID_CHECK';

export interface ResidentIdInfo {
  ok: true;
  /** Normalised: trimmed, half-width, a final x upper-cased. */
  id: string;
  /** Positions 1-6: the division where the number was first issued (not necessarily where the person lives). */
  divisionCode: string;
  birthDate: string;
  gender: 'male' | 'female';
}

export type ResidentIdResult = ResidentIdInfo | ValidationFailure<ResidentIdReason>;

export interface ResidentIdCheckOptions {
  /** The moment "today" is taken from; defaults to the server clock. */
  now?: Date;
}

/** The check character for the first 17 digits. */
export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += Number(first17[i]) * RESIDENT_ID_WEIGHTS[i];
  }
  const value = (12 - (sum % 11)) % 11;
  return value === 10 ? 'X' : String(value);
}

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}


/**
 * Checks an 18-character resident ID number. Surrounding spaces, full-width digits and a lower-case x are accepted
 * and normalised, since that is how people type them; old 15-digit numbers are refused (all were replaced by 2013).
 */
export function checkResidentId(input: string, options: ResidentIdCheckOptions = {}): ResidentIdResult {
  const id = typeof input === 'string' ? input.normalize('NFKC').trim().toUpperCase() : '';
  if (!/^[0-9]{17}[0-9X]$/.test(id)) {
    const length = Array.from(id).length;
    return validationFailure(
      'RESIDENT_ID_FORMAT',
      length === 18
        ? '身份证号码应为17位数字加1位数字或X，其中含有不允许的字符'
        : `身份证号码应为18位（17位数字加1位数字或X），您输入了${length}位`,
      length === 18
        ? 'A resident ID number is 17 digits followed by a digit or X; this one contains another character.'
        : `A resident ID number has 18 characters (17 digits then a digit or X); ${length} were entered.`,
    );
  }
  const divisionCode = id.slice(0, 6);
  if (!isProvinceCode(id.slice(0, 2))) {
    return validationFailure(
      'RESIDENT_ID_DIVISION',
      `身份证号码前6位'${divisionCode}'不是有效的行政区划代码（前两位'${id.slice(0, 2)}'不是省级代码）`,
      `The first 6 digits '${divisionCode}' are not a division code (the first two, '${id.slice(0, 2)}', are not a province).`,
    );
  }
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  const today = shanghaiDay(options.now ?? new Date());
  if (!isRealDate(year, month, day) || birthDate < EARLIEST_BIRTH_DATE || birthDate > today) {
    const why = !isRealDate(year, month, day) ? '不是真实的日期' : birthDate > today ? '晚于今天' : '早于1900年';
    const whyEn = !isRealDate(year, month, day) ? 'is not a real date' : birthDate > today ? 'is after today' : 'is before 1900';
    return validationFailure(
      'RESIDENT_ID_BIRTH_DATE',
      `身份证号码第7至14位是出生日期，'${id.slice(6, 14)}'${why}`,
      `Digits 7 to 14 are the date of birth; '${id.slice(6, 14)}' ${whyEn}.`,
    );
  }
  const expected = residentIdCheckChar(id.slice(0, 17));
  if (id[17] !== expected) {
    return validationFailure(
      'RESIDENT_ID_CHECK',
      `身份证号码校验位不符：按前17位计算，最后一位应为'${expected}'。请逐位核对，可能有数字输错`,
      `The check character does not match: from the first 17 digits, the last one should be '${expected}'. Please compare each digit; one is probably mistyped.`,
    );
  }
  return { ok: true, id, divisionCode, birthDate, gender: Number(id[16]) % 2 === 1 ? 'male' : 'female' };
}

/**
 * `330102199001011234` → `3301**********1234`. Keeps the first and last four characters of anything longer than
 * eight; shorter input is masked entirely, since showing 4 + 4 of it would show most of it.
 */
export function maskResidentId(id: string): string {
  const value = typeof id === 'string' ? id.trim() : '';
  const chars = Array.from(value);
  if (chars.length <= 8) return '*'.repeat(chars.length);
  return `${chars.slice(0, 4).join('')}${'*'.repeat(chars.length - 8)}${chars.slice(-4).join('')}`;
}

/**
 * `13812345678` (also `+86 138-1234-5678`) → `138****5678`. Anything that is not a mainland mobile keeps its first
 * three and last two characters (`0571-87654321` → `057********21`); five characters or fewer are masked entirely.
 */
export function maskPhone(phone: string): string {
  const mobile = checkMobilePhone(phone);
  if (mobile.ok) return `${mobile.phone.slice(0, 3)}****${mobile.phone.slice(7)}`;
  const chars = Array.from(typeof phone === 'string' ? phone.trim() : '');
  if (chars.length <= 5) return '*'.repeat(chars.length);
  return `${chars.slice(0, 3).join('')}${'*'.repeat(chars.length - 5)}${chars.slice(-2).join('')}`;
}
