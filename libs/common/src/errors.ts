import { COMMON_ERRORS, CommonErrorCode } from './error-code';
import { errorFactory } from './domain.exception';

/** Throw helper for the platform-wide codes. */
export const commonError = errorFactory(COMMON_ERRORS);

/** Turns a validator's refusal (`checkCreditCode`, `checkMobilePhone`, …) into a 400 naming the field. */
export function fieldRefusal(field: string, failure: { reason: string; messageZh: string; messageEn: string }) {
  return commonError(CommonErrorCode.VALIDATION_FAILED, undefined, undefined, [
    { field, code: failure.reason, zh: `${field}：${failure.messageZh}`, en: `${field}: ${failure.messageEn}` },
  ]);
}
