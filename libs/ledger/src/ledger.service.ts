import { Injectable } from '@nestjs/common';
import { Page, decodeCursor } from '@sanshe/common';
import { keysetPage } from '@sanshe/database';
import { TenantContext } from '@sanshe/tenancy';
import { verifyLedger } from './ledger-invariants';
import {
  checkAccountId,
  checkAmount,
  checkCause,
  checkCode,
  checkFloor,
  checkKey,
  checkMemo,
  checkText,
  checkTransfers,
  checkUuid,
  isUuid,
  lockOrder,
  netChanges,
  requestHash,
} from './ledger-request';
import {
  ACCOUNT_COLUMNS,
  ENTRY_COLUMNS,
  POSTING_COLUMNS,
  RESERVATION_COLUMNS,
  Row,
  fen,
  toAccount,
  toEntry,
  toPosting,
  toReservation,
} from './ledger-rows';
import { LedgerErrorCode, ledgerError } from './ledger.errors';
import {
  LedgerAccount,
  LedgerBalance,
  LedgerCause,
  LedgerEntry,
  LedgerEntryKind,
  LedgerPosting,
  LedgerReservation,
  LedgerVerification,
  OpenAccountInput,
  PostInput,
  PostReservationInput,
  ReserveInput,
  ReverseInput,
  StatementLine,
} from './ledger.types';

const isEntry = (x: Row | LedgerEntry): x is LedgerEntry => 'postings' in x && Array.isArray(x.postings);

/** One side of a transfer as written: negative leaves `accountId`, positive arrives. */
interface PostingDraft {
  lineNo: number;
  accountId: string;
  counterpartyAccountId: string;
  amountFen: bigint;
  reason: string;
}

interface EntryDraft {
  transferId: string;
  hash: string;
  kind: LedgerEntryKind;
  cause: LedgerCause | null;
  memo: string | null;
  reversalOf: string | null;
}

/**
 * The ledger: every fen the platform moves goes through here as a double-entry journal entry.
 *
 * It works inside the caller's transaction (TenantContext's manager, already in the district under RLS) and never
 * opens its own, so a movement commits or rolls back with the business change that caused it. Each write locks the
 * account rows it touches (`FOR NO KEY UPDATE`, in ascending id order, in one statement) before reading balances,
 * so two movements that would together breach a floor are serialised and the second is refused. The transfer id is
 * looked up again once the locks are held: a concurrent retry of the same movement waited on those locks, and must
 * get the first one's entry back, not a refusal computed from the balance that entry left behind. A transfer id is
 * claimed with `INSERT ... ON CONFLICT DO NOTHING` and re-read, because a unique violation would abort the caller's
 * whole transaction. Callers that move money twice in one transaction should pass both movements to one `post` so
 * that the lock order stays fixed.
 */
@Injectable()
export class LedgerService {
  constructor(private readonly ctx: TenantContext) {}

  // ---- accounts ----

  /** Opens the owner's account of this kind, or returns it if it exists with the same currency and floor. */
  async openAccount(input: OpenAccountInput): Promise<LedgerAccount> {
    const ownerType = checkCode(input.ownerType, 'ownerType');
    const ownerId = checkUuid(input.ownerId, 'ownerId');
    const kind = checkCode(input.kind, 'kind');
    const name = checkText(input.name, 'name', 100);
    const floorFen = checkFloor(input.floorFen === undefined ? 0n : input.floorFen);
    const currency = input.currency ?? 'CNY';
    if (!/^[A-Z]{3}$/.test(currency)) throw ledgerError(LedgerErrorCode.LEDGER_REQUEST_INVALID, { field: 'currency', why: 'ISO 4217 code' });
    const tenantId = this.ctx.tenantId();
    const [created] = await this.query(
      `INSERT INTO ledger_accounts (tenant_id, owner_type, owner_id, kind, name, currency, floor_fen)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (tenant_id, owner_type, owner_id, kind) DO NOTHING RETURNING ${ACCOUNT_COLUMNS}`,
      [tenantId, ownerType, ownerId, kind, name, currency, floorFen?.toString() ?? null],
    );
    if (created) return toAccount(created);
    const existing = await this.findAccount(ownerType, ownerId, kind);
    if (!existing) throw new Error('ledger account vanished after a conflicting insert');
    if (existing.currency !== currency || existing.floorFen !== floorFen) {
      throw ledgerError(LedgerErrorCode.ACCOUNT_TERMS_DIFFER, {
        accountId: existing.id,
        currency: existing.currency,
        floorFen: existing.floorFen?.toString() ?? null,
      });
    }
    return existing;
  }

  async findAccount(ownerType: string, ownerId: string, kind: string): Promise<LedgerAccount | null> {
    const [row] = await this.query(
      `SELECT ${ACCOUNT_COLUMNS} FROM ledger_accounts WHERE tenant_id = $1 AND owner_type = $2 AND owner_id = $3 AND kind = $4`,
      [this.ctx.tenantId(), checkCode(ownerType, 'ownerType'), checkUuid(ownerId, 'ownerId'), checkCode(kind, 'kind')],
    );
    return row ? toAccount(row) : null;
  }

  async account(accountId: string): Promise<LedgerAccount> {
    const id = checkAccountId(accountId);
    const [row] = await this.query(`SELECT ${ACCOUNT_COLUMNS} FROM ledger_accounts WHERE tenant_id = $1 AND id = $2`, [this.ctx.tenantId(), id]);
    if (!row) throw ledgerError(LedgerErrorCode.ACCOUNT_NOT_FOUND, { accountId: id });
    return toAccount(row);
  }

  async balance(accountId: string): Promise<LedgerBalance> {
    const a = await this.account(accountId);
    return { accountId: a.id, balanceFen: a.balanceFen, reservedFen: a.reservedFen, availableFen: a.availableFen, floorFen: a.floorFen };
  }

  /** The account's postings, newest first, each with the balance after it. */
  async statement(accountId: string, paging: { limit?: number; cursor?: string } = {}): Promise<Page<StatementLine>> {
    const account = await this.account(accountId);
    const limit = Math.min(Math.max(paging.limit ?? 50, 1), 200);
    const cursor = decodeCursor(paging.cursor);
    if (cursor && !/^[0-9]{1,19}$/.test(cursor.sortKey)) throw ledgerError(LedgerErrorCode.LEDGER_REQUEST_INVALID, { field: 'cursor' });
    const page = await keysetPage<Row & { id: string }>(this.ctx.manager(), {
      select: `SELECT p.id, p.seq, p.entry_id, p.amount_fen, p.balance_after_fen, p.counterparty_account_id, p.reason,
              e.transfer_id, e.kind, e.cause_type, e.cause_id, e.reversal_of, e.created_at
         FROM ledger_postings p JOIN ledger_entries e ON e.tenant_id = p.tenant_id AND e.id = p.entry_id`,
      countFrom: 'FROM ledger_postings p', where: ['p.tenant_id = $1', 'p.account_id = $2'], params: [this.ctx.tenantId(), account.id],
      order: { key: 'p.seq', type: 'bigint', id: 'p.id', direction: 'desc' }, limit, cursor: paging.cursor,
    });
    return {
      ...page,
      items: page.items.map((r) => ({
        postingId: r.id as string,
        entryId: r.entry_id as string,
        transferId: r.transfer_id as string,
        kind: r.kind as LedgerEntryKind,
        amountFen: fen(r.amount_fen),
        balanceAfterFen: fen(r.balance_after_fen),
        counterpartyAccountId: r.counterparty_account_id as string,
        reason: r.reason as string,
        cause: r.cause_type ? { type: r.cause_type as string, id: r.cause_id as string } : null,
        reversalOf: (r.reversal_of as string | null) ?? null,
        createdAt: r.created_at as Date,
      })),
    };
  }

  // ---- journal entries ----

  /** Posts one or more transfers atomically as one journal entry. A retry with the same transfer id and content returns the first entry. */
  async post(input: PostInput): Promise<LedgerEntry> {
    const transferId = checkKey(input?.transferId, 'transferId');
    const transfers = checkTransfers(input.transfers);
    const cause = checkCause(input.cause);
    const memo = checkMemo(input.memo);
    const hash = requestHash({ op: 'transfer', transfers, cause, memo });
    const replay = await this.replay(transferId, hash);
    if (replay) return replay;

    const accounts = await this.lockAccounts(transfers.flatMap((t) => [t.from, t.to]));
    const raced = await this.replay(transferId, hash);
    if (raced) return raced;
    transfers.forEach((t, i) => this.assertSameCurrency(accounts, t.from, t.to, i));
    this.assertFloors(accounts, netChanges(transfers));
    const drafts = transfers.flatMap((t, i): PostingDraft[] => [
      { lineNo: i, accountId: t.from, counterpartyAccountId: t.to, amountFen: -t.amountFen, reason: t.reason },
      { lineNo: i, accountId: t.to, counterpartyAccountId: t.from, amountFen: t.amountFen, reason: t.reason },
    ]);
    return this.write({ transferId, hash, kind: 'transfer', cause, memo, reversalOf: null }, drafts);
  }

  /** One transfer as one entry: the common case of `post`. */
  transfer(input: { transferId: string; from: string; to: string; amountFen: bigint; reason: string; cause: LedgerCause; memo?: string }): Promise<LedgerEntry> {
    const { from, to, amountFen, reason, ...rest } = input;
    return this.post({ ...rest, transfers: [{ from, to, amountFen, reason }] });
  }

  /**
   * Corrects an entry with a new one that moves every amount back. An entry is reversed at most once; the reversal
   * must itself respect floors (money already spent from the receiving account cannot be pulled back).
   */
  async reverse(entryId: string, input: ReverseInput): Promise<LedgerEntry> {
    const id = this.entryIdOrThrow(entryId);
    const transferId = checkKey(input?.transferId, 'transferId');
    const reason = checkText(input.reason, 'reason', 200);
    const givenCause = input.cause === undefined ? undefined : checkCause(input.cause);
    const memo = checkMemo(input.memo);
    const hash = requestHash({ op: 'reversal', entryId: id, reason, cause: givenCause, memo });
    const replay = await this.replay(transferId, hash);
    if (replay) return replay;

    const original = await this.entry(id);
    const accounts = await this.lockAccounts(original.postings.map((p) => p.accountId));
    const raced = await this.replay(transferId, hash);
    if (raced) return raced;
    // Read after the locks: a reversal committed meanwhile by another transaction is now visible.
    const [already] = await this.query(`SELECT id FROM ledger_entries WHERE tenant_id = $1 AND reversal_of = $2`, [this.ctx.tenantId(), id]);
    if (already) throw ledgerError(LedgerErrorCode.ENTRY_ALREADY_REVERSED, { entryId: id, reversalEntryId: already.id });
    const drafts = original.postings.map((p): PostingDraft => ({ ...p, amountFen: -p.amountFen, reason }));
    const net = new Map<string, bigint>();
    for (const d of drafts) net.set(d.accountId, (net.get(d.accountId) ?? 0n) + d.amountFen);
    this.assertFloors(accounts, net);
    return this.write({ transferId, hash, kind: 'reversal', cause: givenCause ?? original.cause, memo, reversalOf: id }, drafts);
  }

  async entry(entryId: string): Promise<LedgerEntry> {
    const id = this.entryIdOrThrow(entryId);
    const entry = await this.loadEntry(id, false);
    if (!entry) throw ledgerError(LedgerErrorCode.ENTRY_NOT_FOUND, { entryId: id });
    return entry;
  }

  /** The entry this transfer id wrote, if any (for callers that recover after a crash). */
  async entryByTransferId(transferId: string): Promise<LedgerEntry | null> {
    const [row] = await this.query(`SELECT id FROM ledger_entries WHERE tenant_id = $1 AND transfer_id = $2`, [this.ctx.tenantId(), checkKey(transferId, 'transferId')]);
    return row ? this.loadEntry(row.id as string, false) : null;
  }

  // ---- reservations ----

  /** Commits part of an account's available money to a purpose; it stays in the account until posted or released. */
  async reserve(input: ReserveInput): Promise<LedgerReservation> {
    const key = checkKey(input?.reservationId, 'reservationId');
    const accountId = checkAccountId(input.account);
    const amountFen = checkAmount(input.amountFen);
    const cause = checkCause(input.cause);
    const memo = checkMemo(input.memo);
    const hash = requestHash({ op: 'reserve', accountId, amountFen, cause, memo });
    const existing = await this.reservationRow(key);
    if (existing) return this.replayReservation(existing, hash);

    const accounts = await this.lockAccounts([accountId]);
    const racedRow = await this.reservationRow(key);
    if (racedRow) return this.replayReservation(racedRow, hash);
    this.assertFloors(accounts, new Map([[accountId, -amountFen]]));
    const tenantId = this.ctx.tenantId();
    const [created] = await this.query(
      `INSERT INTO ledger_reservations (tenant_id, reservation_key, request_hash, account_id, amount_fen, cause_type, cause_id, memo, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (tenant_id, reservation_key) DO NOTHING RETURNING ${RESERVATION_COLUMNS}`,
      [tenantId, key, hash, accountId, amountFen.toString(), cause.type, cause.id, memo, this.actorId()],
    );
    if (created) return toReservation(created, false);
    const conflicting = await this.reservationRow(key);
    if (!conflicting) throw new Error('reservation vanished after a conflicting insert');
    return this.replayReservation(conflicting, hash);
  }

  async reservation(reservationId: string): Promise<LedgerReservation> {
    const row = await this.reservationRow(checkKey(reservationId, 'reservationId'));
    if (!row) throw ledgerError(LedgerErrorCode.RESERVATION_NOT_FOUND, { reservationId });
    return toReservation(row, false);
  }

  /**
   * Pays out a reservation (all of it, or part: the rest returns to the account's available balance) as one entry.
   * Happens at most once; a retry with the same transfer id and content returns the entry it wrote.
   */
  async postReservation(reservationId: string, input: PostReservationInput): Promise<LedgerEntry> {
    const key = checkKey(reservationId, 'reservationId');
    const transferId = checkKey(input?.transferId, 'transferId');
    const to = checkAccountId(input.to, 'to');
    const requested = input.amountFen === undefined ? undefined : checkAmount(input.amountFen);
    const reason = checkText(input.reason, 'reason', 200);
    const memo = checkMemo(input.memo);
    const hash = requestHash({ op: 'reservation_post', reservationId: key, to, amountFen: requested, reason, memo });
    const replay = await this.replay(transferId, hash);
    if (replay) return replay;

    const found = await this.reservationRow(key);
    if (!found) throw ledgerError(LedgerErrorCode.RESERVATION_NOT_FOUND, { reservationId: key });
    const from = found.account_id as string;
    if (from === to) throw ledgerError(LedgerErrorCode.SAME_ACCOUNT, { accountId: to });
    const accounts = await this.lockAccounts([from, to]);
    const raced = await this.replay(transferId, hash);
    if (raced) return raced;
    this.assertSameCurrency(accounts, from, to, 0);
    const res = await this.lockReservation(key);
    const amountFen = requested ?? fen(res.amount_fen);
    if (amountFen > fen(res.amount_fen)) {
      throw ledgerError(LedgerErrorCode.RESERVATION_POST_TOO_LARGE, { reservationId: key, reservedFen: String(res.amount_fen), requestedFen: amountFen.toString() });
    }
    const header = await this.claimEntry({ transferId, hash, kind: 'reservation_post', cause: { type: res.cause_type as string, id: res.cause_id as string }, memo, reversalOf: null });
    if (isEntry(header)) return header;
    const entryId = header.id as string;
    // Close the reservation before moving the money, so `balance - reserved >= floor` holds after each statement.
    await this.query(
      `UPDATE ledger_reservations SET status = 'posted', posted_fen = $3, posted_entry_id = $4, closed_at = now()
        WHERE tenant_id = $1 AND id = $2 AND status = 'active'`,
      [this.ctx.tenantId(), res.id, amountFen.toString(), entryId],
    );
    const postings = await this.insertPostings(entryId, [
      { lineNo: 0, accountId: from, counterpartyAccountId: to, amountFen: -amountFen, reason },
      { lineNo: 0, accountId: to, counterpartyAccountId: from, amountFen, reason },
    ]);
    return toEntry(header, postings, false);
  }

  /** Gives the reserved money back to the account's available balance. Releasing a released reservation is a no-op retry. */
  async releaseReservation(reservationId: string): Promise<LedgerReservation> {
    const key = checkKey(reservationId, 'reservationId');
    const found = await this.reservationRow(key);
    if (!found) throw ledgerError(LedgerErrorCode.RESERVATION_NOT_FOUND, { reservationId: key });
    await this.lockAccounts([found.account_id as string]);
    const res = await this.lockReservation(key, { releasedIsFine: true });
    if (res.status === 'released') return toReservation(res, true);
    const [[updated]] = await this.query<[Row[], number]>(
      `UPDATE ledger_reservations SET status = 'released', closed_at = now()
        WHERE tenant_id = $1 AND id = $2 AND status = 'active' RETURNING ${RESERVATION_COLUMNS}`,
      [this.ctx.tenantId(), res.id],
    );
    return toReservation(updated, false);
  }

  // ---- invariants ----

  /** Runs the invariant queries for the current district (see ledger-invariants.ts). */
  verify(): Promise<LedgerVerification> {
    return verifyLedger(this.ctx.manager(), this.ctx.tenantId());
  }

  // ---- internals ----

  private query<T = Row[]>(sql: string, params: unknown[]): Promise<T> {
    return this.ctx.manager().query(sql, params);
  }

  private actorId(): string | null {
    return this.ctx.actorOrUndefined()?.userId ?? null;
  }

  private entryIdOrThrow(entryId: string): string {
    if (!isUuid(entryId)) throw ledgerError(LedgerErrorCode.ENTRY_NOT_FOUND, { entryId: String(entryId) });
    return entryId.toLowerCase();
  }

  /** Locks the accounts in one statement, ascending by id: every transaction takes them in the same order. */
  private async lockAccounts(ids: string[]): Promise<Map<string, Row>> {
    const wanted = lockOrder(ids);
    const rows = await this.query(
      `SELECT id, currency, floor_fen, balance_fen, reserved_fen FROM ledger_accounts
        WHERE tenant_id = $1 AND id = ANY($2::uuid[]) ORDER BY id FOR NO KEY UPDATE`,
      [this.ctx.tenantId(), wanted],
    );
    const byId = new Map(rows.map((r) => [r.id as string, r]));
    for (const id of wanted) if (!byId.has(id)) throw ledgerError(LedgerErrorCode.ACCOUNT_NOT_FOUND, { accountId: id });
    return byId;
  }

  private assertSameCurrency(accounts: Map<string, Row>, from: string, to: string, line: number): void {
    const a = accounts.get(from)!.currency;
    const b = accounts.get(to)!.currency;
    if (a !== b) throw ledgerError(LedgerErrorCode.CURRENCY_MISMATCH, { line, from, fromCurrency: a, to, toCurrency: b });
  }

  /** Refuses a change that would take an account's available money (balance − reserved) below its floor. */
  private assertFloors(accounts: Map<string, Row>, changes: Map<string, bigint>): void {
    for (const [id, change] of [...changes].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const a = accounts.get(id)!;
      if (change >= 0n || a.floor_fen === null) continue;
      const spendable = fen(a.balance_fen) - fen(a.reserved_fen) - fen(a.floor_fen);
      if (spendable + change < 0n) {
        throw ledgerError(
          LedgerErrorCode.INSUFFICIENT_FUNDS,
          { accountId: id, availableFen: spendable.toString(), requestedFen: (-change).toString() },
          {
            zh: `账户可用余额不足：可用 ${spendable} 分，需要 ${-change} 分`,
            en: `Insufficient funds: ${spendable} fen available, ${-change} fen requested`,
          },
        );
      }
    }
  }

  /** The entry a transfer id already wrote, if its content matches; a different content is refused. */
  private async replay(transferId: string, hash: string): Promise<LedgerEntry | null> {
    const [row] = await this.query(`SELECT id, request_hash FROM ledger_entries WHERE tenant_id = $1 AND transfer_id = $2`, [this.ctx.tenantId(), transferId]);
    if (!row) return null;
    if (row.request_hash !== hash) throw ledgerError(LedgerErrorCode.TRANSFER_ID_REUSED, { transferId, entryId: row.id });
    return this.loadEntry(row.id as string, true);
  }

  /**
   * Inserts the entry header, claiming the transfer id. Returns the new id, or — when another transaction claimed
   * the id first — that transaction's entry (or TRANSFER_ID_REUSED). ON CONFLICT instead of catching the unique
   * violation, which would abort the caller's transaction.
   */
  private async claimEntry(d: EntryDraft): Promise<Row | LedgerEntry> {
    const [row] = await this.query(
      `INSERT INTO ledger_entries (tenant_id, transfer_id, request_hash, kind, cause_type, cause_id, memo, reversal_of, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING RETURNING ${ENTRY_COLUMNS}`,
      [this.ctx.tenantId(), d.transferId, d.hash, d.kind, d.cause?.type ?? null, d.cause?.id ?? null, d.memo, d.reversalOf, this.actorId()],
    );
    if (row) return row;
    const replay = await this.replay(d.transferId, d.hash);
    if (replay) return replay;
    // Not the transfer id, so the other unique key: this entry's original was reversed meanwhile.
    throw ledgerError(LedgerErrorCode.ENTRY_ALREADY_REVERSED, { entryId: d.reversalOf });
  }

  private async write(d: EntryDraft, drafts: PostingDraft[]): Promise<LedgerEntry> {
    const header = await this.claimEntry(d);
    if (isEntry(header)) return header;
    return toEntry(header, await this.insertPostings(header.id as string, drafts), false);
  }

  /**
   * One INSERT; money arriving is listed before money leaving, so an account that receives and pays in the same
   * entry never dips below its floor between rows (the CHECK is per row).
   */
  private async insertPostings(entryId: string, drafts: PostingDraft[]): Promise<LedgerPosting[]> {
    const ordered = [...drafts].sort((a, b) => (a.amountFen > 0n ? 0 : 1) - (b.amountFen > 0n ? 0 : 1));
    const params: unknown[] = [this.ctx.tenantId(), entryId];
    const values = ordered.map((p) => {
      params.push(p.lineNo, p.accountId, p.counterpartyAccountId, p.amountFen.toString(), p.reason);
      const n = params.length;
      return `($1, $2, $${n - 4}, $${n - 3}, $${n - 2}, $${n - 1}, $${n})`;
    });
    const rows = await this.query(
      `INSERT INTO ledger_postings (tenant_id, entry_id, line_no, account_id, counterparty_account_id, amount_fen, reason)
       VALUES ${values.join(', ')} RETURNING ${POSTING_COLUMNS}`,
      params,
    );
    // The same order as a loaded entry: by line, what leaves before what arrives.
    return rows.map(toPosting).sort((a, b) => a.lineNo - b.lineNo || (a.amountFen < b.amountFen ? -1 : a.amountFen > b.amountFen ? 1 : 0));
  }

  private async loadEntry(id: string, replayed: boolean): Promise<LedgerEntry | null> {
    const tenantId = this.ctx.tenantId();
    const [row] = await this.query(`SELECT ${ENTRY_COLUMNS} FROM ledger_entries WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
    if (!row) return null;
    const postings = await this.query(
      `SELECT ${POSTING_COLUMNS} FROM ledger_postings WHERE tenant_id = $1 AND entry_id = $2 ORDER BY line_no, amount_fen`,
      [tenantId, id],
    );
    return toEntry(row, postings.map(toPosting), replayed);
  }

  private async reservationRow(key: string): Promise<Row | undefined> {
    const [row] = await this.query(`SELECT ${RESERVATION_COLUMNS} FROM ledger_reservations WHERE tenant_id = $1 AND reservation_key = $2`, [this.ctx.tenantId(), key]);
    return row;
  }

  private replayReservation(row: Row, hash: string): LedgerReservation {
    if (row.request_hash !== hash) throw ledgerError(LedgerErrorCode.RESERVATION_ID_REUSED, { reservationId: row.reservation_key, id: row.id });
    return toReservation(row, true);
  }

  /** Locks the reservation (its account is already locked) and insists it is still active. */
  private async lockReservation(key: string, opts: { releasedIsFine?: boolean } = {}): Promise<Row> {
    const [row] = await this.query(
      `SELECT ${RESERVATION_COLUMNS} FROM ledger_reservations WHERE tenant_id = $1 AND reservation_key = $2 FOR UPDATE`,
      [this.ctx.tenantId(), key],
    );
    if (row.status === 'active' || (opts.releasedIsFine && row.status === 'released')) return row;
    throw ledgerError(LedgerErrorCode.RESERVATION_NOT_ACTIVE, { reservationId: key, status: row.status, postedEntryId: row.posted_entry_id });
  }
}
