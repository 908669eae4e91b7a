import { DomainException } from '@sanshe/common';
import { checkAmount, checkTransfers, lockOrder, netChanges, parseFen, requestHash } from './ledger-request';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const C = '00000000-0000-4000-8000-00000000000c';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof DomainException ? e.code : `not a domain error: ${e}`;
  }
  return undefined;
}

describe('ledger requests', () => {
  it('takes only positive whole fen as bigint — never a float, a string or zero', () => {
    expect(checkAmount(1n)).toBe(1n);
    for (const bad of [0n, -5n, 10n ** 18n, 1.5, 100, '100', null, undefined]) expect(codeOf(() => checkAmount(bad))).toBe('AMOUNT_INVALID');
  });

  it('refuses a transfer from an account to itself, and an id that cannot be an account', () => {
    expect(codeOf(() => checkTransfers([{ from: A, to: A, amountFen: 1n, reason: 'x' }]))).toBe('SAME_ACCOUNT');
    expect(codeOf(() => checkTransfers([{ from: 'nope', to: A, amountFen: 1n, reason: 'x' }]))).toBe('ACCOUNT_NOT_FOUND');
    expect(codeOf(() => checkTransfers([]))).toBe('LEDGER_REQUEST_INVALID');
    expect(codeOf(() => checkTransfers([{ from: B, to: A, amountFen: 1n, reason: ' ' }]))).toBe('LEDGER_REQUEST_INVALID');
  });

  it('hashes the same content the same way whatever the key order, and different content differently', () => {
    const one = requestHash({ op: 'transfer', transfers: [{ from: A, to: B, amountFen: 5n, reason: 'r' }], memo: undefined });
    const same = requestHash({ transfers: [{ reason: 'r', amountFen: 5n, to: B, from: A }], op: 'transfer' });
    const other = requestHash({ op: 'transfer', transfers: [{ from: A, to: B, amountFen: 6n, reason: 'r' }] });
    expect(one).toBe(same);
    expect(one).not.toBe(other);
    // A bigint and the same digits as a string are different content.
    expect(requestHash({ a: 5n })).not.toBe(requestHash({ a: '5' }));
  });

  it('nets the changes per account and locks accounts in one fixed order', () => {
    const net = netChanges([
      { from: A, to: B, amountFen: 100n, reason: 'x' },
      { from: B, to: C, amountFen: 30n, reason: 'y' },
    ]);
    expect(net).toEqual(new Map([[A, -100n], [B, 70n], [C, 30n]]));
    expect(lockOrder([C, A, B, A])).toEqual([A, B, C]);
  });

  it('reads fen from decimal strings exactly, beyond what a double can hold', () => {
    expect(parseFen('9007199254740993')).toBe(9007199254740993n);
    expect(parseFen('-20')).toBe(-20n);
    for (const bad of ['1.5', '1e3', '', ' 1', '01', '0x10']) expect(codeOf(() => parseFen(bad))).toBe('AMOUNT_INVALID');
  });
});
