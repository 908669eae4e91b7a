import { checkCreditCode, creditCodeCheckChar, creditCodeMatchesOrgType, type CreditCodeInfo } from './credit-code';

/**
 * Published codes of well-known organisations (they appear on their licences and public registry pages).
 * Their check characters were recomputed here; Huawei's and the foundation's also by hand (see below).
 */
const REAL_CODES = [
  { name: '华为技术有限公司', code: '914403001922038216', departmentCode: '9', typeCode: '1', divisionCode: '440300' },
  { name: '阿里巴巴（中国）有限公司', code: '91330100799655058B', departmentCode: '9', typeCode: '1', divisionCode: '330100' },
  { name: '深圳市腾讯计算机系统有限公司', code: '91440300708461136T', departmentCode: '9', typeCode: '1', divisionCode: '440300' },
  { name: '中国社会福利基金会', code: '53100000500019795A', departmentCode: '5', typeCode: '3', divisionCode: '100000' },
] as const;

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** An independent implementation of the check character, so the tests do not grade the code with itself. */
function expectedCheckChar(first17: string): string {
  const sum = [...first17].reduce((acc, ch, i) => acc + ALPHABET.indexOf(ch) * WEIGHTS[i], 0);
  return ALPHABET[(31 - (sum % 31)) % 31];
}

/** A synthetic code (never issued to anyone) with a correct check character. */
function synthetic(first17: string): string {
  return first17 + expectedCheckChar(first17);
}

function replaceAt(code: string, position: number, ch: string): string {
  return code.slice(0, position - 1) + ch + code.slice(position);
}

function failure(code: string) {
  const result = checkCreditCode(code);
  if (result.ok) throw new Error(`expected ${code} to be refused`);
  return result;
}

describe('checkCreditCode', () => {
  it.each(REAL_CODES)('accepts the published code of $name and reads its parts', (org) => {
    expect(checkCreditCode(org.code)).toEqual({
      ok: true,
      code: org.code,
      departmentCode: org.departmentCode,
      typeCode: org.typeCode,
      divisionCode: org.divisionCode,
    });
  });

  it("computes Huawei's check character '6' exactly as worked out by hand", () => {
    // values  9 1 4  4   0 3  0 0 1  9   2  2  0 3  8  2  1
    // weights 1 3 9  27 19 26 16 17 20 29 25 13 8 24 10 30 28
    // 9+3+36+108+0+78+0+0+20+261+50+26+0+72+80+60+28 = 831; 831 mod 31 = 25; 31 - 25 = 6 → '6'
    expect(creditCodeCheckChar('91440300192203821')).toBe('6');
    // 中国社会福利基金会: 5+9+9+100+8+216+70+270+140 = 827; 827 mod 31 = 21; 31 - 21 = 10 → 'A'
    expect(creditCodeCheckChar('53100000500019795')).toBe('A');
  });

  it('maps a check value of 31 to 0, and 30 to Y', () => {
    // Find synthetic prefixes whose weighted sum is 0 and 1 mod 31 by varying the last organisation character.
    const byCheck = new Map<string, string>();
    for (const ch of ALPHABET) {
      const first17 = `5233010200000000${ch}`;
      byCheck.set(creditCodeCheckChar(first17), first17);
    }
    expect(byCheck.has('0')).toBe(true);
    expect(byCheck.has('Y')).toBe(true);
    expect(checkCreditCode(`${byCheck.get('0')}0`).ok).toBe(true);
    expect(checkCreditCode(`${byCheck.get('Y')}Y`).ok).toBe(true);
  });

  it('accepts a code typed in lower case with spaces around it, and returns it upper-cased', () => {
    expect(checkCreditCode('  91330100799655058b \n')).toMatchObject({ ok: true, code: '91330100799655058B' });
  });

  it('accepts a code typed with a Chinese input method in full-width characters', () => {
    expect(checkCreditCode('９１３３０１００７９９６５５０５８Ｂ')).toMatchObject({ ok: true, code: '91330100799655058B' });
  });

  it.each([
    ['', 0],
    ['91330100799655058', 17],
    ['91330100799655058BB', 19],
    ['9133 0100 7996 5505 8B', 22],
  ])("refuses '%s' because a code has 18 characters, and says how many were entered", (code, count) => {
    const result = failure(code);
    expect(result.reason).toBe('CREDIT_CODE_LENGTH');
    expect(result.messageZh).toContain(`您输入了${count}位`);
    expect(result.messageEn).toContain(`${count} were entered`);
  });

  it('refuses a missing value as a length problem rather than throwing', () => {
    expect(failure(undefined as unknown as string).reason).toBe('CREDIT_CODE_LENGTH');
  });

  describe.each(REAL_CODES)('mutating each position of the code of $name', (org) => {
    const positions = Array.from({ length: 18 }, (_, i) => i + 1);

    it.each(positions)('position %i typed as the letter O is refused and the position is named', (position) => {
      const result = failure(replaceAt(org.code, position, 'O'));
      expect(result.reason).toBe('CREDIT_CODE_CHARSET');
      expect(result.messageZh).toContain(`第${position}位的'O'`);
      expect(result.messageEn).toContain(`Character ${position} is 'O'`);
    });

    it.each(positions)('position %i typed as any other allowed character never passes', (position) => {
      // Which rule fires depends on the position; the check character catches whatever the structure rules let by.
      const allowed: Record<string, string[]> = {
        department: ['CREDIT_CODE_DEPARTMENT', 'CREDIT_CODE_TYPE', 'CREDIT_CODE_CHECK'],
        type: ['CREDIT_CODE_TYPE', 'CREDIT_CODE_CHECK'],
        division: ['CREDIT_CODE_DIVISION', 'CREDIT_CODE_CHECK'],
        rest: ['CREDIT_CODE_CHECK'],
      };
      const part = position === 1 ? 'department' : position === 2 ? 'type' : position <= 8 ? 'division' : 'rest';
      for (const ch of ALPHABET) {
        if (ch === org.code[position - 1]) continue;
        expect(allowed[part]).toContain(failure(replaceAt(org.code, position, ch)).reason);
      }
    });
  });

  it.each(['I', 'O', 'Z', 'S', 'V', '-', '*'])("refuses the character '%s' and says which position holds it", (ch) => {
    const result = failure(replaceAt('914403001922038216', 12, ch));
    expect(result.reason).toBe('CREDIT_CODE_CHARSET');
    expect(result.messageZh).toContain(`第12位的'${ch}'`);
  });

  it('names a space inside the code as a space', () => {
    const result = failure(replaceAt('914403001922038216', 10, ' '));
    expect(result.reason).toBe('CREDIT_CODE_CHARSET');
    expect(result.messageZh).toContain('第10位的\'空格\'');
  });

  it.each(['B', 'C', 'M', 'P', 'X', '0'])("refuses '%s' in position 1 because no registration department has that code", (ch) => {
    const result = failure(replaceAt('914403001922038216', 1, ch));
    expect(result.reason).toBe('CREDIT_CODE_DEPARTMENT');
    expect(result.messageZh).toContain(`第1位'${ch}'`);
  });

  it.each([
    ['9', '9', '914403001922038216'],
    ['9', '4', '914403001922038216'],
    ['5', '4', '53100000500019795A'],
    ['5', 'A', '53100000500019795A'],
    ['Y', '2', '53100000500019795A'],
    ['1', '5', '53100000500019795A'],
  ])("refuses department '%s' with type '%s' because that department registers no such type", (dept, type, base) => {
    const result = failure(replaceAt(replaceAt(base, 1, dept), 2, type));
    expect(result.reason).toBe('CREDIT_CODE_TYPE');
    expect(result.messageZh).toContain(`第2位'${type}'`);
  });

  it.each([
    ['a letter among the division digits', replaceAt('91330100799655058B', 5, 'A')],
    ['an unknown province in the division code', replaceAt('91330100799655058B', 3, '9')],
    ['the national code typed as 200000', replaceAt('53100000500019795A', 3, '2')],
  ])('refuses %s', (_label, code) => {
    const result = failure(code);
    expect(result.reason).toBe('CREDIT_CODE_DIVISION');
    expect(result.messageZh).toContain('第3至8位');
  });

  it('refuses a wrong check character and says which one was expected', () => {
    const result = failure('914403001922038217');
    expect(result.reason).toBe('CREDIT_CODE_CHECK');
    expect(result.messageZh).toContain("第18位应为'6'");
    expect(result.messageZh).toContain("实际为'7'");
    expect(result.messageEn).toContain("should be '6'");
  });

  it('catches two neighbouring characters typed in swapped order', () => {
    // 9144030019220382 16 → …0382 61: a transposition, the commonest typing slip after a wrong key.
    expect(failure('914403001922038261').reason).toBe('CREDIT_CODE_CHECK');
    expect(failure('914403001922083216').reason).toBe('CREDIT_CODE_CHECK');
  });

  it('accepts every department and type the standard lists, given a correct check character', () => {
    const pairs = ['11', '12', '13', '19', '21', '29', '31', '32', '33', '34', '35', '39', '41', '49', '51', '52', '53', '59',
      '61', '62', '69', '71', '72', '79', '81', '89', '91', '92', '93', 'A1', 'A9', 'N1', 'N2', 'N3', 'N9', 'Y1'];
    for (const pair of pairs) {
      expect(checkCreditCode(synthetic(`${pair}330102MA2B3C4D5`))).toMatchObject({ ok: true, departmentCode: pair[0], typeCode: pair[1] });
    }
  });
});

describe('creditCodeMatchesOrgType', () => {
  function parsed(code: string): CreditCodeInfo {
    const result = checkCreditCode(code);
    if (!result.ok) throw new Error(`fixture ${code} is invalid: ${result.reason}`);
    return result;
  }

  const socialGroup = parsed(synthetic('51330102MJ0000001'));
  const serviceAgency = parsed(synthetic('52330102MJ0000002'));
  const foundation = parsed('53100000500019795A');

  it('accepts a foundation registered by civil affairs as a foundation', () => {
    expect(creditCodeMatchesOrgType(foundation, 'foundation')).toEqual({ ok: true, orgType: 'foundation' });
  });

  it('accepts a social group and a social service agency as what they are', () => {
    expect(creditCodeMatchesOrgType(socialGroup, 'social_group')).toEqual({ ok: true, orgType: 'social_group' });
    expect(creditCodeMatchesOrgType(serviceAgency, 'social_service_agency')).toEqual({ ok: true, orgType: 'social_service_agency' });
  });

  it('tells the user that a social service agency code does not fit the type social group they chose', () => {
    const result = creditCodeMatchesOrgType(serviceAgency, 'social_group');
    expect(result).toMatchObject({ ok: false, reason: 'CREDIT_CODE_TYPE_MISMATCH' });
    if (!result.ok) {
      expect(result.messageZh).toBe("第2位为'2'表示社会服务机构，与所选类型'社会团体'不一致");
      expect(result.messageEn).toContain("Character 2 is '2'");
    }
  });

  it("tells the user that a foundation's code does not fit the type social service agency", () => {
    const result = creditCodeMatchesOrgType(foundation, 'social_service_agency');
    expect(result).toMatchObject({ ok: false, reason: 'CREDIT_CODE_TYPE_MISMATCH' });
    if (!result.ok) expect(result.messageZh).toBe("第2位为'3'表示基金会，与所选类型'社会服务机构'不一致");
  });

  it('refuses a company registered by market regulation as any kind of social organisation', () => {
    for (const orgType of ['social_group', 'social_service_agency', 'foundation'] as const) {
      const result = creditCodeMatchesOrgType(parsed('914403001922038216'), orgType);
      expect(result).toMatchObject({ ok: false, reason: 'CREDIT_CODE_TYPE_MISMATCH' });
      if (!result.ok) expect(result.messageZh).toContain("第1位为'9'表示由工商部门登记");
    }
  });

  it("refuses civil affairs' 'other' type (59) for every social organisation type", () => {
    const other = parsed(synthetic('59330102MJ0000003'));
    const result = creditCodeMatchesOrgType(other, 'foundation');
    expect(result).toMatchObject({ ok: false, reason: 'CREDIT_CODE_TYPE_MISMATCH' });
    if (!result.ok) expect(result.messageZh).toContain("第2位为'9'");
  });
});
