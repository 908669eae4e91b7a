import { EntityManager } from 'typeorm';
import { Row, fen } from './ledger-rows';
import { LedgerVerification } from './ledger.types';

/**
 * The ledger's invariants as queries over one district (pass its id; row-level security must also admit it).
 * Each query lists what breaks one invariant, so an empty result is the proof. Kept as plain SQL so an operator
 * can run the same checks from psql.
 */
export const LEDGER_INVARIANT_SQL = {
  /** Every account's cached balance equals the sum of its postings. */
  balanceMismatches: `
    SELECT a.id, a.balance_fen, coalesce(p.total, 0) AS postings_fen
      FROM ledger_accounts a
      LEFT JOIN (SELECT account_id, sum(amount_fen) AS total FROM ledger_postings WHERE tenant_id = $1 GROUP BY account_id) p
        ON p.account_id = a.id
     WHERE a.tenant_id = $1 AND a.balance_fen <> coalesce(p.total, 0)`,
  /** Every account's reserved total equals the sum of its active reservations. */
  reservedMismatches: `
    SELECT a.id, a.reserved_fen, coalesce(r.total, 0) AS active_fen
      FROM ledger_accounts a
      LEFT JOIN (SELECT account_id, sum(amount_fen) AS total FROM ledger_reservations
                  WHERE tenant_id = $1 AND status = 'active' GROUP BY account_id) r ON r.account_id = a.id
     WHERE a.tenant_id = $1 AND a.reserved_fen <> coalesce(r.total, 0)`,
  /** Every entry has two or more postings summing to zero. */
  unbalancedEntries: `
    SELECT e.id, count(p.id) AS postings, coalesce(sum(p.amount_fen), 0) AS sum_fen
      FROM ledger_entries e LEFT JOIN ledger_postings p ON p.tenant_id = e.tenant_id AND p.entry_id = e.id
     WHERE e.tenant_id = $1
     GROUP BY e.id HAVING count(p.id) < 2 OR coalesce(sum(p.amount_fen), 0) <> 0`,
  /** No account below its floor, counting what it has reserved. */
  floorBreaches: `
    SELECT id, balance_fen, reserved_fen, floor_fen FROM ledger_accounts
     WHERE tenant_id = $1 AND floor_fen IS NOT NULL AND (balance_fen < floor_fen OR balance_fen - reserved_fen < floor_fen)`,
  /** The balance recorded after an account's latest posting is its balance now (statements add up). */
  runningBalanceMismatches: `
    SELECT a.id, a.balance_fen, last.balance_after_fen
      FROM ledger_accounts a
      JOIN LATERAL (SELECT balance_after_fen FROM ledger_postings p
                     WHERE p.tenant_id = a.tenant_id AND p.account_id = a.id ORDER BY p.seq DESC LIMIT 1) last ON true
     WHERE a.tenant_id = $1 AND a.balance_fen <> last.balance_after_fen`,
  /** The district's postings sum to zero, and how much there is to check. */
  totals: `
    SELECT (SELECT coalesce(sum(amount_fen), 0) FROM ledger_postings WHERE tenant_id = $1) AS sum_fen,
           (SELECT count(*) FROM ledger_postings WHERE tenant_id = $1) AS postings,
           (SELECT count(*) FROM ledger_entries WHERE tenant_id = $1) AS entries,
           (SELECT count(*) FROM ledger_accounts WHERE tenant_id = $1) AS accounts`,
};

export async function verifyLedger(manager: EntityManager, tenantId: string): Promise<LedgerVerification> {
  const run = (sql: string): Promise<Row[]> => manager.query(sql, [tenantId]);
  const [balances, reserved, unbalanced, floors, running, [totals]] = [
    await run(LEDGER_INVARIANT_SQL.balanceMismatches),
    await run(LEDGER_INVARIANT_SQL.reservedMismatches),
    await run(LEDGER_INVARIANT_SQL.unbalancedEntries),
    await run(LEDGER_INVARIANT_SQL.floorBreaches),
    await run(LEDGER_INVARIANT_SQL.runningBalanceMismatches),
    await run(LEDGER_INVARIANT_SQL.totals),
  ];
  const result: LedgerVerification = {
    ok: false,
    accounts: Number(totals.accounts),
    entries: Number(totals.entries),
    postings: Number(totals.postings),
    tenantSumFen: fen(totals.sum_fen),
    balanceMismatches: balances.map((r) => ({ accountId: r.id as string, balanceFen: fen(r.balance_fen), postingsFen: fen(r.postings_fen) })),
    reservedMismatches: reserved.map((r) => ({ accountId: r.id as string, reservedFen: fen(r.reserved_fen), activeReservationsFen: fen(r.active_fen) })),
    unbalancedEntries: unbalanced.map((r) => ({ entryId: r.id as string, postings: Number(r.postings), sumFen: fen(r.sum_fen) })),
    floorBreaches: floors.map((r) => ({ accountId: r.id as string, balanceFen: fen(r.balance_fen), reservedFen: fen(r.reserved_fen), floorFen: fen(r.floor_fen) })),
    runningBalanceMismatches: running.map((r) => ({ accountId: r.id as string, balanceFen: fen(r.balance_fen), lastBalanceAfterFen: fen(r.balance_after_fen) })),
  };
  result.ok =
    result.tenantSumFen === 0n &&
    !result.balanceMismatches.length &&
    !result.reservedMismatches.length &&
    !result.unbalancedEntries.length &&
    !result.floorBreaches.length &&
    !result.runningBalanceMismatches.length;
  return result;
}
