import { plainToInstance } from 'class-transformer';
import { IsOptional, validateSync } from 'class-validator';
// @nestjs/swagger keeps this key internal (dist/constants); the value is part of its stored metadata.
const API_MODEL_PROPERTIES = 'swagger/apiModelProperties';
import { ApiFenProperty, FEN_PATTERN, formatYuan, IsFen, isFen, SIGNED_FEN_PATTERN, toFen } from './fen';

describe('isFen', () => {
  it.each(['0', '1', '1500000', '999999999999999'])('accepts the canonical amount %p', (v) => {
    expect(isFen(v)).toBe(true);
  });

  it.each([
    ['007', 'a leading zero'], ['00', 'a leading zero'], ['1.5', 'a decimal point'], ['1.005', 'three decimals'], ['1e6', 'an exponent'],
    [' 1', 'a space'], ['+1', 'a plus sign'], ['-1', 'a sign where negatives mean nothing'], ['', 'nothing'],
    ['1000000000000000', 'sixteen digits'], ['１２', 'full-width digits'],
  ])('refuses %p (%s)', (v) => {
    expect(isFen(v)).toBe(false);
  });

  it.each([[1500000], [1.5], [150n], [null], [undefined], [['1']]])('refuses the non-string %p: JSON numbers cannot carry every fen', (v) => {
    expect(isFen(v)).toBe(false);
  });

  it('takes a sign only where asked, and never "-0"', () => {
    expect(isFen('-30000', { signed: true })).toBe(true);
    expect(isFen('-0', { signed: true })).toBe(false);
    expect(isFen('-007', { signed: true })).toBe(false);
  });

  it('holds the bounds inclusively, compared as integers', () => {
    expect(isFen('0', { min: 1n })).toBe(false);
    expect(isFen('1', { min: 1n })).toBe(true);
    expect(isFen('100', { max: 100n })).toBe(true);
    expect(isFen('101', { max: 100n })).toBe(false);
  });

  it('describes the same rule to OpenAPI as to the validator', () => {
    for (const v of ['0', '12', '007', '-5', '-0', '1.5']) {
      expect(new RegExp(FEN_PATTERN).test(v)).toBe(isFen(v));
      expect(new RegExp(SIGNED_FEN_PATTERN).test(v)).toBe(isFen(v, { signed: true }));
    }
  });
});

describe('formatYuan', () => {
  it.each([
    ['0', '0.00'], ['5', '0.05'], ['100', '1.00'], ['123450', '1234.50'], ['-5', '-0.05'], ['-123456', '-1234.56'],
    // 2^53 + 1 fen: a float division would print ...0.92; integer arithmetic keeps the last fen.
    ['9007199254740993', '90071992547409.93'],
  ])('shows %p fen as %p yuan', (fen, yuan) => {
    expect(formatYuan(fen)).toBe(yuan);
    expect(formatYuan(BigInt(fen))).toBe(yuan);
  });

  it('groups thousands for documents', () => {
    expect(formatYuan('123456789', { grouping: true })).toBe('1,234,567.89');
    expect(formatYuan('-100000', { grouping: true })).toBe('-1,000.00');
    expect(formatYuan('99999', { grouping: true })).toBe('999.99');
  });
});

describe('toFen', () => {
  it('turns a bigint or a safe integer into the canonical string', () => {
    expect(toFen(15n)).toBe('15');
    expect(toFen(-3)).toBe('-3');
    expect(toFen('042')).toBe('42');
  });

  it('refuses a float instead of rounding money', () => {
    expect(() => toFen(1.5)).toThrow(RangeError);
  });
});

describe('@IsFen()', () => {
  class Dto {
    @IsFen() amountFen: string;
    @IsOptional() @IsFen({ min: 1n, max: 100000n }) grantFen?: string;
    @IsOptional() @IsFen({ signed: true }) deltaFen?: string;
  }
  class Reply {
    @ApiFenProperty({ example: '100' }) balanceFen: string;
  }
  const check = (plain: object) => validateSync(plainToInstance(Dto, plain));

  it('passes canonical amounts, zero where the field allows it, and an omitted optional amount', () => {
    expect(check({ amountFen: '0' })).toEqual([]);
    expect(check({ amountFen: '1500000', grantFen: '1', deltaFen: '-20' })).toEqual([]);
  });

  it('refuses "007", a float, a three-decimal string and a JSON number with code isFen', () => {
    for (const amountFen of ['007', '1.5', '1.005', 1500]) {
      const errors = check({ amountFen });
      expect(errors.map((e) => Object.keys(e.constraints ?? {}))).toEqual([['isFen']]);
    }
  });

  it('names the field and the bounds in English and in Chinese', () => {
    const [e] = check({ amountFen: '1', grantFen: '0' });
    expect(e.property).toBe('grantFen');
    expect(e.constraints!.isFen).toContain('grantFen must be a whole number of fen');
    expect(e.constraints!.isFen).toContain('at least 1 fen and at most 100000 fen');
    expect((e.contexts!.isFen as { zh: string }).zh).toContain('不少于 0.01 元，不超过 1000.00 元');
  });

  it('describes request and response money fields alike: a string with the pattern and an example', () => {
    const req = Reflect.getMetadata(API_MODEL_PROPERTIES, Dto.prototype, 'deltaFen');
    expect(req).toMatchObject({ type: String, pattern: SIGNED_FEN_PATTERN, example: expect.any(String) });
    const res = Reflect.getMetadata(API_MODEL_PROPERTIES, Reply.prototype, 'balanceFen');
    expect(res).toMatchObject({ type: String, pattern: FEN_PATTERN, example: '100' });
  });
});
