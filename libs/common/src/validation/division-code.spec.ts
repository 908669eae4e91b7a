import { checkDivisionCode, isProvinceCode } from './division-code';

describe('checkDivisionCode', () => {
  it.each([
    ['330102', '上城区', '330000', '330100'],
    ['510107', '武侯区', '510000', '510100'],
    ['420103', '江汉区', '420000', '420100'],
    ['500156', '武隆区', '500000', '500100'],
  ])('accepts %s (%s) and names its province and prefecture', (code, _name, provinceCode, prefectureCode) => {
    expect(checkDivisionCode(code)).toEqual({ ok: true, code, provinceCode, prefectureCode });
  });

  it.each(['33010', '3301a2', '3301021', '', ' 330102', '３３０１０２', '33 102'])(
    "refuses '%s' because a division code is exactly six ASCII digits",
    (code) => {
      const result = checkDivisionCode(code);
      expect(result).toMatchObject({ ok: false, reason: 'DIVISION_CODE_FORMAT' });
      if (!result.ok) expect(result.messageZh).toContain('6位数字');
    },
  );

  it('refuses a value that is not a string at all, as arrives from a careless JSON client', () => {
    expect(checkDivisionCode(330102 as unknown as string)).toMatchObject({ ok: false, reason: 'DIVISION_CODE_FORMAT' });
    expect(checkDivisionCode(undefined as unknown as string)).toMatchObject({ ok: false, reason: 'DIVISION_CODE_FORMAT' });
  });

  it.each(['990101', '100101', '190101', '240101', '300101', '470101', '550101', '700101', '720101', '830101'])(
    "refuses %s because its first two digits are no province's",
    (code) => {
      const result = checkDivisionCode(code);
      expect(result).toMatchObject({ ok: false, reason: 'DIVISION_CODE_PROVINCE' });
      if (!result.ok) expect(result.messageZh).toContain(`'${code.slice(0, 2)}'`);
    },
  );

  it('refuses the prefecture code 330100 (杭州市) because a city is not a district', () => {
    const result = checkDivisionCode('330100');
    expect(result).toMatchObject({ ok: false, reason: 'DIVISION_CODE_NOT_COUNTY' });
    if (!result.ok) expect(result.messageZh).toContain('地市级');
  });

  it('refuses the province code 330000 (浙江省) because a province is not a district', () => {
    const result = checkDivisionCode('330000');
    expect(result).toMatchObject({ ok: false, reason: 'DIVISION_CODE_NOT_COUNTY' });
    if (!result.ok) expect(result.messageZh).toContain('省级');
  });

  it('accepts every province-level prefix listed in GB/T 2260 and nothing else', () => {
    const valid: string[] = [];
    for (let i = 0; i < 100; i++) {
      const prefix = String(i).padStart(2, '0');
      if (isProvinceCode(prefix)) valid.push(prefix);
    }
    expect(valid).toEqual([
      '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
      '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
      '71', '81', '82',
    ]);
  });

  it('gives every failure a message in Chinese and in English', () => {
    for (const code of ['33010', '990101', '330100']) {
      const result = checkDivisionCode(code);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.messageZh).toMatch(/[\u4e00-\u9fff]/);
        expect(result.messageEn).toMatch(/^[\x20-\x7e]+$/);
      }
    }
  });
});
