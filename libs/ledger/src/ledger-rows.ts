import { LedgerAccount, LedgerEntry, LedgerEntryKind, LedgerPosting, LedgerReservation, ReservationStatus } from './ledger.types';

/**
 * Row shapes as PostgreSQL returns them (bigint arrives as a decimal string) and their mapping to the ledger's
 * types. Money goes string → BigInt directly, never through Number.
 */
export type Row = Record<string, unknown>;

export const ACCOUNT_COLUMNS = `id, owner_type, owner_id, kind, name, currency, floor_fen, balance_fen, reserved_fen, created_at`;
export const ENTRY_COLUMNS = `id, seq, transfer_id, request_hash, kind, cause_type, cause_id, memo, reversal_of, created_at`;
export const POSTING_COLUMNS = `id, entry_id, line_no, account_id, counterparty_account_id, amount_fen, balance_after_fen, reason`;
export const RESERVATION_COLUMNS = `id, reservation_key, request_hash, account_id, amount_fen, cause_type, cause_id, memo, status,
  posted_fen, posted_entry_id, created_at, closed_at`;

export const fen = (v: unknown): bigint => BigInt(v as string);
const fenOrNull = (v: unknown): bigint | null => (v === null || v === undefined ? null : BigInt(v as string));

export function toAccount(r: Row): LedgerAccount {
  const floorFen = fenOrNull(r.floor_fen);
  const balanceFen = fen(r.balance_fen);
  const reservedFen = fen(r.reserved_fen);
  return {
    id: r.id as string,
    ownerType: r.owner_type as string,
    ownerId: r.owner_id as string,
    kind: r.kind as string,
    name: r.name as string,
    currency: r.currency as string,
    floorFen,
    balanceFen,
    reservedFen,
    availableFen: balanceFen - reservedFen,
    createdAt: r.created_at as Date,
  };
}

export function toPosting(r: Row): LedgerPosting {
  return {
    id: r.id as string,
    lineNo: r.line_no as number,
    accountId: r.account_id as string,
    counterpartyAccountId: r.counterparty_account_id as string,
    amountFen: fen(r.amount_fen),
    balanceAfterFen: fen(r.balance_after_fen),
    reason: r.reason as string,
  };
}

export function toEntry(r: Row, postings: LedgerPosting[], replayed: boolean): LedgerEntry {
  return {
    id: r.id as string,
    seq: fen(r.seq),
    transferId: r.transfer_id as string,
    kind: r.kind as LedgerEntryKind,
    cause: r.cause_type ? { type: r.cause_type as string, id: r.cause_id as string } : null,
    memo: (r.memo as string | null) ?? null,
    reversalOf: (r.reversal_of as string | null) ?? null,
    createdAt: r.created_at as Date,
    postings,
    replayed,
  };
}

export function toReservation(r: Row, replayed: boolean): LedgerReservation {
  return {
    id: r.id as string,
    reservationId: r.reservation_key as string,
    accountId: r.account_id as string,
    amountFen: fen(r.amount_fen),
    cause: { type: r.cause_type as string, id: r.cause_id as string },
    memo: (r.memo as string | null) ?? null,
    status: r.status as ReservationStatus,
    postedFen: fenOrNull(r.posted_fen),
    postedEntryId: (r.posted_entry_id as string | null) ?? null,
    createdAt: r.created_at as Date,
    closedAt: (r.closed_at as Date | null) ?? null,
    replayed,
  };
}
