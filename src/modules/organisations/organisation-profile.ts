import { checkCreditCode, checkMobilePhone, creditCodeMatchesOrgType, fieldRefusal, isRealDay } from '@sanshe/common';
import type { OrganisationType } from './service-areas';

/**
 * Checks and normalises what people type into the registration form, refusing with a message that names the field
 * and says what is wrong. Pure functions: no database.
 */

/** A credit code that passes GB 32100-2015 and fits the chosen type (civil affairs, 1/2/3 in position 2). */
export function normaliseCreditCode(input: string, orgType: OrganisationType): string {
  const checked = checkCreditCode(input);
  if (!checked.ok) throw fieldRefusal('creditCode', checked);
  const matches = creditCodeMatchesOrgType(checked, orgType);
  if (!matches.ok) throw fieldRefusal('creditCode', matches);
  return checked.code;
}

export function checkRegisteredOn(value: string, today: string): string {
  if (!isRealDay(value)) {
    throw fieldRefusal('registeredOn', { reason: 'DATE_INVALID', messageZh: `'${value}'不是有效的日期`, messageEn: `'${value}' is not a real date` });
  }
  if (value > today) {
    throw fieldRefusal('registeredOn', { reason: 'DATE_IN_FUTURE', messageZh: '成立登记日期不能晚于今天', messageEn: 'The registration date cannot be in the future' });
  }
  if (value < '1949-10-01') {
    throw fieldRefusal('registeredOn', { reason: 'DATE_TOO_EARLY', messageZh: '成立登记日期过早，请核对', messageEn: 'The registration date is implausibly early' });
  }
  return value;
}

/** A mobile number, or a landline such as 028-85001234 / 02885001234-801. */
export function normaliseContactPhone(input: string): string {
  const compact = input.normalize('NFKC').replace(/\s/g, '');
  if (/^0[1-9][0-9]{1,2}-?[0-9]{7,8}(-[0-9]{1,6})?$/.test(compact)) return compact;
  const mobile = checkMobilePhone(compact);
  if (mobile.ok) return mobile.phone;
  throw fieldRefusal('contactPhone', {
    reason: 'PHONE_FORMAT',
    messageZh: '请填写手机号码或带区号的固定电话（如 028-85001234）',
    messageEn: 'Give a mobile number or a landline with its area code (e.g. 028-85001234)',
  });
}

export function normaliseApplicantPhone(input: string): string {
  const mobile = checkMobilePhone(input);
  if (!mobile.ok) throw fieldRefusal('applicant.phone', mobile);
  return mobile.phone;
}

/** Bank account numbers are 8-30 digits; people paste them grouped with spaces or hyphens. */
export function normaliseBankAccount(input: string): string {
  const digits = input.normalize('NFKC').replace(/[\s-]/g, '');
  if (!/^[0-9]{8,30}$/.test(digits)) {
    throw fieldRefusal('bankAccountNo', { reason: 'BANK_ACCOUNT_FORMAT', messageZh: '银行账号应为8至30位数字', messageEn: 'A bank account number has 8 to 30 digits' });
  }
  return digits;
}

export function checkStaffNumbers(staffCount: number | null | undefined, certified: number | null | undefined): void {
  if (staffCount != null && certified != null && certified > staffCount) {
    throw fieldRefusal('certifiedSocialWorkers', {
      reason: 'MORE_THAN_STAFF',
      messageZh: `持证社会工作者人数（${certified}）不能多于专职工作人员数（${staffCount}）`,
      messageEn: `Certified social workers (${certified}) cannot outnumber staff (${staffCount})`,
    });
  }
}
