import { fenToYuan, yuanToFen } from './money';

describe('money in the browser: fen strings ↔ yuan with integer arithmetic only', () => {
  it('shows fen as yuan with two decimals and grouped thousands', () => {
    expect(fenToYuan('0')).toBe('0.00');
    expect(fenToYuan('5')).toBe('0.05');
    expect(fenToYuan('100')).toBe('1.00');
    expect(fenToYuan('123456789')).toBe('1,234,567.89');
    expect(fenToYuan('-250')).toBe('-2.50');
    expect(fenToYuan('-0')).toBe('0.00');
    expect(fenToYuan('123456', { group: false })).toBe('1234.56');
  });

  it('keeps amounts beyond floating-point precision exact', () => {
    expect(fenToYuan('900719925474099312')).toBe('9,007,199,254,740,993.12');
    expect(yuanToFen('9007199254740993.12')).toBe('900719925474099312');
  });

  it('refuses what is not an integer number of fen', () => {
    expect(() => fenToYuan('1.5')).toThrow();
    expect(() => fenToYuan('abc')).toThrow();
    expect(() => fenToYuan('')).toThrow();
  });

  it('reads yuan as typed into fen', () => {
    expect(yuanToFen('0.1')).toBe('10');
    expect(yuanToFen('0.29')).toBe('29'); // 0.29 * 100 is 28.999999999999996 in floating point
    expect(yuanToFen('1,234.5')).toBe('123450');
    expect(yuanToFen(' 12 ')).toBe('1200');
    expect(yuanToFen('-3.07')).toBe('-307');
    expect(yuanToFen('-0.00')).toBe('0');
  });

  it('refuses yuan with more than two decimals or stray characters', () => {
    for (const bad of ['1.234', '', '.5', '1.', '1e3', '¥5', 'abc', '--1']) expect(yuanToFen(bad)).toBeNull();
  });
});
