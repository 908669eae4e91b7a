import { createHash } from 'node:crypto';
import { LedgerErrorCode, ledgerError } from './ledger.errors';
import { LedgerCause, TransferLine } from './ledger.types';

/**
 * Pure checks and helpers for ledger requests: they run before any query, so a malformed request never reaches the
 * database (where a bad uuid would abort the caller's transaction) and the same content always hashes the same.
 */

/** The largest single amount (10 trillion yuan): far beyond any budget, far below bigint's limit even when summed. */
export const MAX_AMOUNT_FEN = 1_000_000_000_000_000n;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CODE = /^[a-z][a-z0-9_.]{0,39}$/;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

function invalid(field: string, why: string): never {
  throw ledgerError(LedgerErrorCode.LEDGER_REQUEST_INVALID, { field, why });
}

export function checkAmount(amountFen: unknown, field = 'amountFen'): bigint {
  if (typeof amountFen !== 'bigint' || amountFen <= 0n || amountFen > MAX_AMOUNT_FEN) {
    throw ledgerError(LedgerErrorCode.AMOUNT_INVALID, { field, amountFen: String(amountFen) });
  }
  return amountFen;
}

/** A floor may be negative (an overdraft limit) or null (no floor); never a float. */
export function checkFloor(floorFen: unknown): bigint | null {
  if (floorFen === null) return null;
  if (typeof floorFen !== 'bigint' || floorFen > MAX_AMOUNT_FEN || floorFen < -MAX_AMOUNT_FEN) invalid('floorFen', 'a bigint number of fen or null');
  return floorFen;
}

/** An id that cannot be an account's is reported as a missing account: the caller cannot tell the difference anyway. */
export function checkAccountId(id: unknown, field = 'account'): string {
  if (typeof id !== 'string' || !UUID.test(id)) throw ledgerError(LedgerErrorCode.ACCOUNT_NOT_FOUND, { field, accountId: String(id) });
  return id.toLowerCase();
}

export function checkUuid(id: unknown, field: string): string {
  if (typeof id !== 'string' || !UUID.test(id)) invalid(field, 'a uuid');
  return id.toLowerCase();
}

export function checkKey(key: unknown, field: string): string {
  if (typeof key !== 'string' || key.length < 1 || key.length > 100) invalid(field, '1 to 100 characters');
  return key;
}

export function checkCode(code: unknown, field: string): string {
  if (typeof code !== 'string' || !CODE.test(code)) invalid(field, 'a lower-case code such as community_fund');
  return code;
}

export function checkText(text: unknown, field: string, max: number): string {
  if (typeof text !== 'string' || text.trim().length < 1 || text.length > max) invalid(field, `1 to ${max} characters`);
  return text;
}

export function checkMemo(memo: unknown): string | null {
  if (memo === undefined || memo === null) return null;
  if (typeof memo !== 'string' || memo.length > 500) invalid('memo', 'at most 500 characters');
  return memo;
}

export function checkCause(cause: unknown): LedgerCause {
  const c = cause as Partial<LedgerCause> | undefined;
  if (!c || typeof c !== 'object') invalid('cause', 'what caused the movement: { type, id }');
  return { type: checkCode(c.type, 'cause.type'), id: checkUuid(c.id, 'cause.id') };
}

export function checkTransfers(transfers: unknown): TransferLine[] {
  if (!Array.isArray(transfers) || transfers.length < 1 || transfers.length > 100) invalid('transfers', '1 to 100 transfers');
  return transfers.map((t: Partial<TransferLine>, i) => {
    const from = checkAccountId(t?.from, `transfers[${i}].from`);
    const to = checkAccountId(t?.to, `transfers[${i}].to`);
    if (from === to) throw ledgerError(LedgerErrorCode.SAME_ACCOUNT, { line: i, accountId: from });
    return { from, to, amountFen: checkAmount(t.amountFen, `transfers[${i}].amountFen`), reason: checkText(t.reason, `transfers[${i}].reason`, 200) };
  });
}

/** Strictly increasing, duplicate-free: the order in which account rows are locked, the same in every transaction. */
export function lockOrder(ids: Iterable<string>): string[] {
  return [...new Set(ids)].sort();
}

/** The net change per account of a set of transfers (what the floor check must allow). */
export function netChanges(transfers: TransferLine[]): Map<string, bigint> {
  const net = new Map<string, bigint>();
  for (const t of transfers) {
    net.set(t.from, (net.get(t.from) ?? 0n) - t.amountFen);
    net.set(t.to, (net.get(t.to) ?? 0n) + t.amountFen);
  }
  return net;
}

function canonical(value: unknown): unknown {
  if (typeof value === 'bigint') return `${value}n`;
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** SHA-256 of the request's content, key order and undefined fields ignored: "same id, same content" made exact. */
export function requestHash(content: unknown): string {
  return createHash('sha256').update(JSON.stringify(canonical(content))).digest('hex');
}

/** Reads fen sent as a decimal string (JSON has no bigint). Never goes through a float. */
export function parseFen(value: string): bigint {
  if (typeof value !== 'string' || !/^-?(0|[1-9][0-9]{0,17})$/.test(value)) {
    throw ledgerError(LedgerErrorCode.AMOUNT_INVALID, { amountFen: String(value) });
  }
  return BigInt(value);
}
