/**
 * Unified social credit codes (统一社会信用代码), GB 32100-2015: the identity of a social organisation in the
 * registry, checked so a mistyped character is caught at entry and the user is told which one.
 */
import { isProvinceCode, validationFailure, type ValidationFailure } from './division-code';

/** The 31 characters of the code, in value order (no I, O, Z, S, V). */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Weights of positions 1-17 for the check character (3^(i-1) mod 31). */
export const CREDIT_CODE_WEIGHTS: readonly number[] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

interface DepartmentEntry {
  zh: string;
  en: string;
  types: Readonly<Record<string, { zh: string; en: string }>>;
}

/**
 * Registration-management departments (position 1) and organisation types within each (position 2), Appendix A
 * of GB 32100-2015. Codes some localities issued outside the standard (e.g. for overseas NGO representative
 * offices) are not listed and are refused; add them here when a real one turns up.
 */
export const CREDIT_CODE_DEPARTMENTS: Readonly<Record<string, DepartmentEntry>> = Object.freeze({
  '1': {
    zh: '机构编制',
    en: 'staffing authority',
    types: {
      '1': { zh: '机关', en: 'government organ' },
      '2': { zh: '事业单位', en: 'public institution' },
      '3': { zh: '中央编办直接管理机构编制的群众团体', en: 'mass organisation staffed by the central staffing office' },
      '9': { zh: '其他', en: 'other' },
    },
  },
  '2': {
    zh: '外交',
    en: 'foreign affairs',
    types: { '1': { zh: '外国常驻新闻机构', en: 'resident foreign news agency' }, '9': { zh: '其他', en: 'other' } },
  },
  '3': {
    zh: '司法行政',
    en: 'justice administration',
    types: {
      '1': { zh: '律师执业机构', en: 'law firm' },
      '2': { zh: '公证处', en: 'notary office' },
      '3': { zh: '基层法律服务所', en: 'grassroots legal service office' },
      '4': { zh: '司法鉴定机构', en: 'forensic appraisal body' },
      '5': { zh: '仲裁委员会', en: 'arbitration commission' },
      '9': { zh: '其他', en: 'other' },
    },
  },
  '4': {
    zh: '文化',
    en: 'culture',
    types: { '1': { zh: '外国在华文化中心', en: 'foreign cultural centre in China' }, '9': { zh: '其他', en: 'other' } },
  },
  '5': {
    zh: '民政',
    en: 'civil affairs',
    types: {
      '1': { zh: '社会团体', en: 'social group' },
      '2': { zh: '社会服务机构（民办非企业单位）', en: 'social service agency' },
      '3': { zh: '基金会', en: 'foundation' },
      '9': { zh: '其他', en: 'other' },
    },
  },
  '6': {
    zh: '旅游',
    en: 'tourism',
    types: {
      '1': { zh: '外国旅游部门常驻代表机构', en: 'representative office of a foreign tourism authority' },
      '2': { zh: '港澳台地区旅游部门常驻内地（大陆）代表机构', en: 'representative office of a Hong Kong, Macao or Taiwan tourism authority' },
      '9': { zh: '其他', en: 'other' },
    },
  },
  '7': {
    zh: '宗教',
    en: 'religious affairs',
    types: {
      '1': { zh: '宗教活动场所', en: 'place of religious activity' },
      '2': { zh: '宗教院校', en: 'religious school' },
      '9': { zh: '其他', en: 'other' },
    },
  },
  '8': {
    zh: '工会',
    en: 'trade unions',
    types: { '1': { zh: '基层工会', en: 'grassroots trade union' }, '9': { zh: '其他', en: 'other' } },
  },
  '9': {
    zh: '工商',
    en: 'market regulation',
    types: {
      '1': { zh: '企业', en: 'enterprise' },
      '2': { zh: '个体工商户', en: 'individual business' },
      '3': { zh: '农民专业合作社', en: "farmers' cooperative" },
    },
  },
  A: {
    zh: '中央军委改革和编制办公室',
    en: 'CMC reform and staffing office',
    types: { '1': { zh: '军队事业单位', en: 'military public institution' }, '9': { zh: '其他', en: 'other' } },
  },
  N: {
    zh: '农业',
    en: 'agriculture',
    types: {
      '1': { zh: '组级集体经济组织', en: 'group-level collective economic organisation' },
      '2': { zh: '村级集体经济组织', en: 'village-level collective economic organisation' },
      '3': { zh: '乡镇级集体经济组织', en: 'township-level collective economic organisation' },
      '9': { zh: '其他', en: 'other' },
    },
  },
  // The standard does not subdivide 'other': its type is always 1.
  Y: { zh: '其他', en: 'other', types: { '1': { zh: '其他', en: 'other' } } },
});

/** Positions 3-8 of organisations registered by a national authority (e.g. 民政部). */
const NATIONAL_DIVISION_CODE = '100000';

export type CreditCodeReason =
  | 'CREDIT_CODE_LENGTH'
  | 'CREDIT_CODE_CHARSET'
  | 'CREDIT_CODE_DEPARTMENT'
  | 'CREDIT_CODE_TYPE'
  | 'CREDIT_CODE_DIVISION'
  | 'CREDIT_CODE_CHECK';

export interface CreditCodeInfo {
  ok: true;
  /** Normalised: trimmed, half-width, upper case. */
  code: string;
  /** Position 1, registration-management department. */
  departmentCode: string;
  /** Position 2, organisation type within the department. */
  typeCode: string;
  /** Positions 3-8, the registering authority's division code (`100000` for a national one). */
  divisionCode: string;
}

export type CreditCodeResult = CreditCodeInfo | ValidationFailure<CreditCodeReason>;

/** The check character for the first 17 characters, which must all be in the alphabet. */
export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += CREDIT_CODE_ALPHABET.indexOf(first17[i]) * CREDIT_CODE_WEIGHTS[i];
  }
  const value = 31 - (sum % 31);
  return CREDIT_CODE_ALPHABET[value === 31 ? 0 : value];
}

/**
 * Checks a unified social credit code. Accepts what people paste: surrounding spaces, lower case and full-width
 * characters (NFKC) are normalised first; spaces inside the code are not, because they would hide a missing
 * character.
 */
export function checkCreditCode(input: string): CreditCodeResult {
  const code = typeof input === 'string' ? input.normalize('NFKC').trim().toUpperCase() : '';
  // Array.from counts characters, not UTF-16 units, so a pasted emoji is one wrong character, not two.
  const chars = Array.from(code);
  if (chars.length !== 18) {
    return validationFailure(
      'CREDIT_CODE_LENGTH',
      `统一社会信用代码应为18位，您输入了${chars.length}位`,
      `A unified social credit code has 18 characters; ${chars.length} were entered.`,
    );
  }
  for (let i = 0; i < 18; i++) {
    if (!CREDIT_CODE_ALPHABET.includes(chars[i])) {
      const shown = chars[i] === ' ' ? '空格' : chars[i];
      const shownEn = chars[i] === ' ' ? 'a space' : `'${chars[i]}'`;
      return validationFailure(
        'CREDIT_CODE_CHARSET',
        `第${i + 1}位的'${shown}'不能出现在统一社会信用代码中（只使用数字和除I、O、Z、S、V以外的大写字母）`,
        `Character ${i + 1} is ${shownEn}, which a unified social credit code never contains (digits and capital letters except I, O, Z, S, V).`,
      );
    }
  }
  const departmentCode = code[0];
  const department = CREDIT_CODE_DEPARTMENTS[departmentCode];
  if (!department) {
    return validationFailure(
      'CREDIT_CODE_DEPARTMENT',
      `第1位'${departmentCode}'不是有效的登记管理部门代码（应为1-9、A、N或Y）`,
      `Character 1 is '${departmentCode}', which is not a registration department code (1-9, A, N or Y).`,
    );
  }
  const typeCode = code[1];
  if (!department.types[typeCode]) {
    const allowed = Object.keys(department.types).join('、');
    return validationFailure(
      'CREDIT_CODE_TYPE',
      `第2位'${typeCode}'不是${department.zh}部门登记的机构类别（应为${allowed}之一）`,
      `Character 2 is '${typeCode}', which is not an organisation type registered by ${department.en} (one of ${Object.keys(department.types).join(', ')}).`,
    );
  }
  const divisionCode = code.slice(2, 8);
  if (!/^[0-9]{6}$/.test(divisionCode) || (divisionCode !== NATIONAL_DIVISION_CODE && !isProvinceCode(divisionCode.slice(0, 2)))) {
    return validationFailure(
      'CREDIT_CODE_DIVISION',
      `第3至8位应为登记机关的6位行政区划代码，'${divisionCode}'不是`,
      `Characters 3 to 8 must be the registering authority's 6-digit division code; '${divisionCode}' is not.`,
    );
  }
  const expected = creditCodeCheckChar(code.slice(0, 17));
  if (code[17] !== expected) {
    return validationFailure(
      'CREDIT_CODE_CHECK',
      `校验位不符：按前17位计算，第18位应为'${expected}'，实际为'${code[17]}'。请逐位核对，可能有字符输错`,
      `The check character does not match: from the first 17 characters, character 18 should be '${expected}', not '${code[17]}'. Please compare each character; one is probably mistyped.`,
    );
  }
  return { ok: true, code, departmentCode, typeCode, divisionCode };
}

export type SocialOrganisationType = 'social_group' | 'social_service_agency' | 'foundation';

const ORG_TYPE_CODES: Readonly<Record<SocialOrganisationType, { typeCode: string; zh: string; en: string }>> = {
  social_group: { typeCode: '1', zh: '社会团体', en: 'social group' },
  social_service_agency: { typeCode: '2', zh: '社会服务机构', en: 'social service agency' },
  foundation: { typeCode: '3', zh: '基金会', en: 'foundation' },
};

export interface CreditCodeOrgTypeMatch {
  ok: true;
  orgType: SocialOrganisationType;
}

export type CreditCodeOrgTypeResult = CreditCodeOrgTypeMatch | ValidationFailure<'CREDIT_CODE_TYPE_MISMATCH'>;

/**
 * Whether a parsed credit code belongs to a social organisation of the chosen type: registered by civil affairs
 * (position 1 = '5') with position 2 = 1 社会团体, 2 社会服务机构, 3 基金会.
 */
export function creditCodeMatchesOrgType(
  parsed: Pick<CreditCodeInfo, 'departmentCode' | 'typeCode'>,
  orgType: SocialOrganisationType,
): CreditCodeOrgTypeResult {
  const wanted = ORG_TYPE_CODES[orgType];
  if (parsed.departmentCode !== '5') {
    const department = CREDIT_CODE_DEPARTMENTS[parsed.departmentCode];
    const zh = department ? `${department.zh}部门` : '非民政部门';
    const en = department ? `the ${department.en} department` : 'a department other than civil affairs';
    return validationFailure(
      'CREDIT_CODE_TYPE_MISMATCH',
      `第1位为'${parsed.departmentCode}'表示由${zh}登记，不是民政部门登记的社会组织，与所选类型'${wanted.zh}'不一致`,
      `Character 1 is '${parsed.departmentCode}', meaning it was registered by ${en}, not by civil affairs; it cannot be the selected type '${wanted.en}'.`,
    );
  }
  if (parsed.typeCode !== wanted.typeCode) {
    const actual = Object.values(ORG_TYPE_CODES).find((t) => t.typeCode === parsed.typeCode);
    const actualZh = actual ? actual.zh : '其他类型的民政登记机构';
    const actualEn = actual ? `a ${actual.en}` : 'another kind of civil-affairs registration';
    return validationFailure(
      'CREDIT_CODE_TYPE_MISMATCH',
      `第2位为'${parsed.typeCode}'表示${actualZh}，与所选类型'${wanted.zh}'不一致`,
      `Character 2 is '${parsed.typeCode}', which means ${actualEn}; this does not match the selected type '${wanted.en}'.`,
    );
  }
  return { ok: true, orgType };
}
