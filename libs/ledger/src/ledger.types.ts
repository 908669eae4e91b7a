/** What caused money to move: an award, a tranche, a refund … (a type code and the record's id). */
export interface LedgerCause {
  type: string;
  id: string;
}

export interface OpenAccountInput {
  /** Who the account belongs to, e.g. `district_programme`, `community_fund`, `project`, `organisation`. */
  ownerType: string;
  ownerId: string;
  /** What the account holds for that owner, e.g. `fund`, `commitment`, `grant_receipts`, `appropriation_source`. */
  kind: string;
  name: string;
  /** The lowest balance allowed (default 0). `null`: no floor, for source accounts that record money coming in. */
  floorFen?: bigint | null;
  currency?: string;
}

export interface LedgerAccount {
  id: string;
  ownerType: string;
  ownerId: string;
  kind: string;
  name: string;
  currency: string;
  floorFen: bigint | null;
  balanceFen: bigint;
  reservedFen: bigint;
  availableFen: bigint;
  createdAt: Date;
}

export interface TransferLine {
  from: string;
  to: string;
  amountFen: bigint;
  reason: string;
}

export interface PostInput {
  /** The client's id for this movement: a retry with the same id returns the original entry. */
  transferId: string;
  transfers: TransferLine[];
  cause: LedgerCause;
  memo?: string;
}

export interface LedgerPosting {
  id: string;
  lineNo: number;
  accountId: string;
  counterpartyAccountId: string;
  /** Signed: negative leaves the account, positive arrives. */
  amountFen: bigint;
  balanceAfterFen: bigint;
  reason: string;
}

export type LedgerEntryKind = 'transfer' | 'reservation_post' | 'reversal';

export interface LedgerEntry {
  id: string;
  seq: bigint;
  transferId: string;
  kind: LedgerEntryKind;
  cause: LedgerCause | null;
  memo: string | null;
  reversalOf: string | null;
  createdAt: Date;
  postings: LedgerPosting[];
  /** True when this call was a retry and the entry is the one the first call wrote. */
  replayed: boolean;
}

export interface ReserveInput {
  /** The client's id for this reservation: a retry with the same id returns the original reservation. */
  reservationId: string;
  account: string;
  amountFen: bigint;
  cause: LedgerCause;
  memo?: string;
}

export type ReservationStatus = 'active' | 'posted' | 'released';

export interface LedgerReservation {
  id: string;
  reservationId: string;
  accountId: string;
  amountFen: bigint;
  cause: LedgerCause;
  memo: string | null;
  status: ReservationStatus;
  postedFen: bigint | null;
  postedEntryId: string | null;
  createdAt: Date;
  closedAt: Date | null;
  replayed: boolean;
}

export interface PostReservationInput {
  transferId: string;
  to: string;
  /** Defaults to the whole reservation. Less posts part of it and gives the rest back to the available balance. */
  amountFen?: bigint;
  reason: string;
  memo?: string;
}

export interface ReverseInput {
  transferId: string;
  reason: string;
  /** Defaults to the reversed entry's cause. */
  cause?: LedgerCause;
  memo?: string;
}

export interface LedgerBalance {
  accountId: string;
  balanceFen: bigint;
  reservedFen: bigint;
  availableFen: bigint;
  floorFen: bigint | null;
}

export interface StatementLine {
  postingId: string;
  entryId: string;
  transferId: string;
  kind: LedgerEntryKind;
  amountFen: bigint;
  balanceAfterFen: bigint;
  counterpartyAccountId: string;
  reason: string;
  cause: LedgerCause | null;
  reversalOf: string | null;
  createdAt: Date;
}

/** The ledger's invariants for the current district, each listing what breaks it (empty lists when sound). */
export interface LedgerVerification {
  ok: boolean;
  accounts: number;
  entries: number;
  postings: number;
  /** Sum of every posting in the district: zero in a sound double-entry ledger. */
  tenantSumFen: bigint;
  balanceMismatches: Array<{ accountId: string; balanceFen: bigint; postingsFen: bigint }>;
  reservedMismatches: Array<{ accountId: string; reservedFen: bigint; activeReservationsFen: bigint }>;
  unbalancedEntries: Array<{ entryId: string; postings: number; sumFen: bigint }>;
  floorBreaches: Array<{ accountId: string; balanceFen: bigint; reservedFen: bigint; floorFen: bigint }>;
  runningBalanceMismatches: Array<{ accountId: string; balanceFen: bigint; lastBalanceAfterFen: bigint }>;
}
