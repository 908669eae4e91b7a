/**
 * GB/T 2260 administrative division codes of county-level units (区/县/县级市/旗), the key of a district tenant.
 *
 * Also home of the result shape every validator in this folder returns, because the brief for this folder fixed
 * its file list; `ValidationFailure` would read better in a `validation-result.ts` of its own.
 */

/**
 * A failed check: a stable `reason` an API can map to a problem-details code, and one sentence in each language
 * that tells a non-technical user exactly what to fix.
 */
export interface ValidationFailure<R extends string = string> {
  ok: false;
  reason: R;
  messageZh: string;
  messageEn: string;
}

export function validationFailure<R extends string>(reason: R, messageZh: string, messageEn: string): ValidationFailure<R> {
  return { ok: false, reason, messageZh, messageEn };
}

/** The first two digits of every province-level unit in GB/T 2260, with its name for messages. */
export const PROVINCE_NAMES: Readonly<Record<string, string>> = Object.freeze({
  '11': '北京市',
  '12': '天津市',
  '13': '河北省',
  '14': '山西省',
  '15': '内蒙古自治区',
  '21': '辽宁省',
  '22': '吉林省',
  '23': '黑龙江省',
  '31': '上海市',
  '32': '江苏省',
  '33': '浙江省',
  '34': '安徽省',
  '35': '福建省',
  '36': '江西省',
  '37': '山东省',
  '41': '河南省',
  '42': '湖北省',
  '43': '湖南省',
  '44': '广东省',
  '45': '广西壮族自治区',
  '46': '海南省',
  '50': '重庆市',
  '51': '四川省',
  '52': '贵州省',
  '53': '云南省',
  '54': '西藏自治区',
  '61': '陕西省',
  '62': '甘肃省',
  '63': '青海省',
  '64': '宁夏回族自治区',
  '65': '新疆维吾尔自治区',
  '71': '台湾省',
  '81': '香港特别行政区',
  '82': '澳门特别行政区',
});

/** Whether two characters are the province part of a real GB/T 2260 code. */
export function isProvinceCode(twoDigits: string): boolean {
  return Object.prototype.hasOwnProperty.call(PROVINCE_NAMES, twoDigits);
}

export type DivisionCodeReason = 'DIVISION_CODE_FORMAT' | 'DIVISION_CODE_PROVINCE' | 'DIVISION_CODE_NOT_COUNTY';

export interface DivisionCodeInfo {
  ok: true;
  /** The six digits as given, e.g. `330102`. */
  code: string;
  /** The province-level code padded to six digits, e.g. `330000`. */
  provinceCode: string;
  /** The prefecture-level code padded to six digits, e.g. `330100` (for a municipality's district: `500100`). */
  prefectureCode: string;
}

export type DivisionCodeResult = DivisionCodeInfo | ValidationFailure<DivisionCodeReason>;

const SIX_ASCII_DIGITS = /^[0-9]{6}$/;

/**
 * Checks a district tenant's code. Deliberately strict (no trimming, no full-width digits): the code is picked
 * from a list or typed by a platform operator, and a tenant key must be exactly what it is.
 *
 * Only the structure is checked, not membership of the current GB/T 2260 list: codes change every year as counties
 * merge or become districts, and an embedded list would go stale and start refusing real districts.
 */
export function checkDivisionCode(code: string): DivisionCodeResult {
  if (typeof code !== 'string' || !SIX_ASCII_DIGITS.test(code)) {
    const shown = typeof code === 'string' ? code : String(code);
    return validationFailure(
      'DIVISION_CODE_FORMAT',
      `行政区划代码应为6位数字（如 330102），'${shown}'不符合`,
      `An administrative division code is exactly 6 digits (e.g. 330102); '${shown}' is not.`,
    );
  }
  const province = code.slice(0, 2);
  if (!isProvinceCode(province)) {
    return validationFailure(
      'DIVISION_CODE_PROVINCE',
      `行政区划代码前两位'${province}'不是有效的省级代码`,
      `The first two digits '${province}' are not a province-level code.`,
    );
  }
  if (code.slice(4, 6) === '00') {
    const level = code.slice(2, 4) === '00' ? '省级' : '地市级';
    const levelEn = code.slice(2, 4) === '00' ? 'province' : 'prefecture';
    return validationFailure(
      'DIVISION_CODE_NOT_COUNTY',
      `'${code}'是${level}行政区划代码，请填写区县级代码（后两位不能为00）`,
      `'${code}' is a ${levelEn}-level code; enter the code of a district or county (its last two digits are not 00).`,
    );
  }
  return { ok: true, code, provinceCode: `${province}0000`, prefectureCode: `${code.slice(0, 4)}00` };
}
