/**
 * Mainland China mobile numbers: a login identifier and an SMS destination, so they are stored in one normal form.
 */
import { validationFailure, type ValidationFailure } from './division-code';

export type MobilePhoneReason = 'MOBILE_PHONE_FORMAT' | 'MOBILE_PHONE_PREFIX';

export interface MobilePhoneInfo {
  ok: true;
  /** 11 digits, no country code, no separators. */
  phone: string;
}

export type MobilePhoneResult = MobilePhoneInfo | ValidationFailure<MobilePhoneReason>;

/**
 * Checks a mainland mobile number: 11 digits starting 13-19, optionally preceded by `+86` or `86`. Spaces,
 * hyphens and full-width digits are accepted and removed, because that is how numbers are copied from cards and
 * messages.
 */
export function checkMobilePhone(input: string): MobilePhoneResult {
  const compact = typeof input === 'string' ? input.normalize('NFKC').replace(/[\s-]/g, '') : '';
  const digits = compact.replace(/^\+?86(?=[0-9]{11}$)/, '');
  if (!/^[0-9]{11}$/.test(digits)) {
    const onlyDigits = /^[0-9]*$/.test(digits);
    return validationFailure(
      'MOBILE_PHONE_FORMAT',
      onlyDigits ? `手机号码应为11位数字，您输入了${digits.length}位` : '手机号码只能包含数字（可带 +86 前缀）',
      onlyDigits
        ? `A mobile number has 11 digits; ${digits.length} were entered.`
        : 'A mobile number contains only digits (optionally after +86).',
    );
  }
  if (!/^1[3-9]/.test(digits)) {
    return validationFailure(
      'MOBILE_PHONE_PREFIX',
      `'${digits.slice(0, 2)}'开头的号码不是中国大陆手机号码（应以13至19开头）`,
      `A number starting '${digits.slice(0, 2)}' is not a mainland mobile number (they start with 13 to 19).`,
    );
  }
  return { ok: true, phone: digits };
}
