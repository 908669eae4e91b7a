import { checkMobilePhone } from './phone';

describe('checkMobilePhone', () => {
  it.each(['13012345678', '13912345678', '15012345678', '16612345678', '17712345678', '18812345678', '19912345678'])(
    'accepts the mainland mobile number %s',
    (phone) => {
      expect(checkMobilePhone(phone)).toEqual({ ok: true, phone });
    },
  );

  it.each([
    ['+8613812345678', 'with +86'],
    ['8613812345678', 'with 86'],
    ['+86 138 1234 5678', 'with +86 and spaces'],
    ['138-1234-5678', 'with hyphens'],
    [' 13812345678 ', 'with spaces around it'],
    ['１３８１２３４５６７８', 'in full-width digits'],
  ])("normalises '%s' (%s) to eleven digits", (input) => {
    expect(checkMobilePhone(input)).toEqual({ ok: true, phone: '13812345678' });
  });

  it.each([
    ['1381234567', 10],
    ['138123456789', 12],
    ['', 0],
    ['861381234567', 12],
  ])("refuses '%s' and says it has %i digits, not 11", (input, count) => {
    const result = checkMobilePhone(input);
    expect(result).toMatchObject({ ok: false, reason: 'MOBILE_PHONE_FORMAT' });
    if (!result.ok) expect(result.messageZh).toContain(`您输入了${count}位`);
  });

  it.each(['138l2345678', '+1 415 555 0100', '138.1234.5678', '(0571)87654321'])(
    "refuses '%s' because a mobile number is digits only",
    (input) => {
      const result = checkMobilePhone(input);
      expect(result).toMatchObject({ ok: false, reason: 'MOBILE_PHONE_FORMAT' });
      if (!result.ok) expect(result.messageZh).toContain('只能包含数字');
    },
  );

  it.each(['12345678901', '10086123456', '05718765432', '11012345678', '+8605718765432'])(
    "refuses '%s' because mainland mobile numbers start with 13 to 19",
    (input) => {
      const result = checkMobilePhone(input);
      expect(result).toMatchObject({ ok: false, reason: 'MOBILE_PHONE_PREFIX' });
      if (!result.ok) expect(result.messageEn).toContain('13 to 19');
    },
  );

  it('refuses a missing value rather than throwing', () => {
    expect(checkMobilePhone(undefined as unknown as string)).toMatchObject({ ok: false, reason: 'MOBILE_PHONE_FORMAT' });
  });
});
