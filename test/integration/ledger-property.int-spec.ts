import { randomInt, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DomainException } from '@sanshe/common';
import { LedgerEntry, LedgerReservation, LedgerService, PostInput } from '@sanshe/ledger';
import { TenantTransactionRunner } from '@sanshe/tenancy';
import { TestApp, openDistrict, ownerClient, startTestApp } from '../support/test-app';

/**
 * Thousands of random ledger operations — transfers, multi-line entries, reservations, posts, releases,
 * reversals, retries with the same id (same and different content), refused requests, transactions that roll
 * back, and batches of concurrent transactions on the same accounts — and after every batch, checked through
 * the owner's connection with queries of this test's own (not the service's):
 *   every balance equals the sum of its postings and the balance the test computed from what the ledger returned;
 *   reserved totals equal the active reservations; the district's postings sum to zero; every entry balances;
 *   no account is below its floor; no entry, posting or closed reservation seen before has changed.
 * The seed is printed; LEDGER_SEED=<seed> replays a run, LEDGER_OPS=<n> changes its length.
 */

const SEED = process.env.LEDGER_SEED ? Number(process.env.LEDGER_SEED) : randomInt(1, 2 ** 31);
const OPS = Number(process.env.LEDGER_OPS ?? 3000);

/** mulberry32: small, fast, and the same sequence for the same seed. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: T[]): T => xs[Math.floor(next() * xs.length)],
    chance: (p: number) => next() < p,
    /** Amounts spread over magnitudes, so some fit and some breach a floor. */
    fen: () => BigInt(Math.max(1, Math.floor(10 ** (next() * 5)))),
  };
}

type Outcome = { entry?: LedgerEntry; reservation?: LedgerReservation; code?: string };
interface Op {
  label: string;
  run: () => Promise<Outcome>;
  /** Codes this op may be refused with given what is known to be committed; anything else fails the test. */
  allowed: string[];
  /** A stricter expectation, where the committed state fully determines the answer. */
  expect?: (o: Outcome) => void;
}

describe('the ledger under thousands of random operations', () => {
  let t: TestApp;
  let ledger: LedgerService;
  let runner: TenantTransactionRunner;
  let owner: Client;
  let tenantId: string;

  beforeAll(async () => {
    t = await startTestApp();
    ledger = t.app.get(LedgerService);
    runner = t.app.get(TenantTransactionRunner);
    owner = await ownerClient();
    tenantId = (await openDistrict(t)).tenantId;
  });
  afterAll(async () => {
    await owner.end();
    await t.close();
  });

  it(`keeps every invariant (seed ${SEED}, ${OPS} operations)`, async () => {
    console.log(`ledger property test: seed ${SEED}, ${OPS} operations (replay with LEDGER_SEED=${SEED})`);
    const rnd = prng(SEED);
    const inDistrict = <T>(work: () => Promise<T>) => runner.run({ tenantId }, work);
    const started = Date.now();

    // ---- accounts: one source without a floor, seven at floor 0, two with an overdraft ----
    const floors: Array<bigint | null> = [null, 0n, 0n, 0n, 0n, 0n, 0n, 0n, -5_000n, -20_000n];
    const accounts = await inDistrict(async () => {
      const out = [];
      for (const [i, floorFen] of floors.entries()) {
        out.push(await ledger.openAccount({ ownerType: 'community_fund', ownerId: randomUUID(), kind: `acct_${i}`, name: `账户${i}`, floorFen }));
      }
      return out;
    });
    const ids = accounts.map((a) => a.id);
    const floorOf = new Map(accounts.map((a) => [a.id, a.floorFen]));

    // ---- what the test knows to be committed ----
    const model = new Map<string, bigint>(ids.map((id) => [id, 0n]));
    const reservedModel = new Map<string, bigint>(ids.map((id) => [id, 0n]));
    const transfers = new Map<string, { input: PostInput; entryId: string }>();
    const entries: string[] = [];
    const reversed = new Set<string>();
    const reservations = new Map<string, { account: string; amountFen: bigint; cause: { type: string; id: string }; status: string; id: string }>();
    const tally: Record<string, number> = {};
    let seq = 0;
    const key = (p: string) => `${p}-${SEED}-${++seq}`;
    const cause = () => ({ type: 'property_test', id: randomUUID() });
    const twoAccounts = (): [string, string] => {
      const from = rnd.pick(ids);
      let to = rnd.pick(ids);
      while (to === from) to = rnd.pick(ids);
      return [from, to];
    };

    /** Applies a committed outcome to the model (replays changed nothing and are skipped). */
    function commit(o: Outcome, meta: { input?: PostInput; reserve?: { key: string; account: string; amountFen: bigint; cause: { type: string; id: string } } }) {
      if (o.entry && !o.entry.replayed) {
        for (const p of o.entry.postings) model.set(p.accountId, model.get(p.accountId)! + p.amountFen);
        entries.push(o.entry.id);
        if (o.entry.reversalOf) reversed.add(o.entry.reversalOf);
        if (meta.input) transfers.set(o.entry.transferId, { input: meta.input, entryId: o.entry.id });
      }
      const r = o.reservation;
      if (r && !r.replayed) {
        const known = reservations.get(r.reservationId);
        if (!known) {
          reservations.set(r.reservationId, { account: r.accountId, amountFen: r.amountFen, cause: r.cause, status: 'active', id: r.id });
          reservedModel.set(r.accountId, reservedModel.get(r.accountId)! + r.amountFen);
        } else if (known.status === 'active' && r.status !== 'active') {
          known.status = r.status;
          reservedModel.set(r.accountId, reservedModel.get(r.accountId)! - r.amountFen);
        }
      }
    }

    /** Draws the next operation from the committed state. `meta` carries what `commit` needs afterwards. */
    function nextOp(): Op & { meta: Parameters<typeof commit>[1]; after?: (o: Outcome) => void } {
      const roll = rnd.next();
      if (roll < 0.3) {
        // A third of the transfers bring money in from the source, so the funds have something to spend.
        const [from, to] = rnd.chance(0.3) ? [ids[0], rnd.pick(ids.slice(1))] : twoAccounts();
        const input: PostInput = { transferId: key('t'), transfers: [{ from, to, amountFen: rnd.fen(), reason: '拨付' }], cause: cause() };
        return { label: 'transfer', run: async () => ({ entry: await ledger.post(input) }), allowed: ['INSUFFICIENT_FUNDS'], meta: { input } };
      }
      if (roll < 0.4) {
        const lines = Array.from({ length: rnd.int(2, 4) }, () => {
          const [from, to] = twoAccounts();
          return { from, to, amountFen: rnd.fen(), reason: '多笔' };
        });
        const input: PostInput = { transferId: key('m'), transfers: lines, cause: cause(), memo: rnd.chance(0.5) ? '批量' : undefined };
        return { label: 'multi', run: async () => ({ entry: await ledger.post(input) }), allowed: ['INSUFFICIENT_FUNDS'], meta: { input } };
      }
      if (roll < 0.5 && transfers.size) {
        const [transferId, known] = rnd.pick([...transfers]);
        const same = rnd.chance(0.6);
        const input: PostInput = same
          ? structuredClone(known.input)
          : { ...known.input, transfers: known.input.transfers.map((l, i) => (i === 0 ? { ...l, amountFen: l.amountFen + 1n } : l)) };
        return {
          label: same ? 'retry-same' : 'retry-different',
          run: async () => ({ entry: await ledger.post(input) }),
          allowed: same ? [] : ['TRANSFER_ID_REUSED'],
          expect: (o) => {
            if (same) expect(o.entry).toMatchObject({ id: known.entryId, transferId, replayed: true });
            else expect(o.code).toBe('TRANSFER_ID_REUSED');
          },
          meta: {},
        };
      }
      if (roll < 0.6 && entries.length) {
        const entryId = rnd.pick(entries);
        const wasReversed = reversed.has(entryId);
        return {
          label: 'reverse',
          run: async () => ({ entry: await ledger.reverse(entryId, { transferId: key('r'), reason: '冲正' }) }),
          allowed: ['ENTRY_ALREADY_REVERSED', 'INSUFFICIENT_FUNDS'],
          expect: wasReversed ? (o) => expect(o.code).toBe('ENTRY_ALREADY_REVERSED') : undefined,
          meta: {},
        };
      }
      if (roll < 0.72) {
        const account = rnd.pick(ids);
        const r = { key: key('res'), account, amountFen: rnd.fen(), cause: cause() };
        return {
          label: 'reserve',
          run: async () => ({ reservation: await ledger.reserve({ reservationId: r.key, account, amountFen: r.amountFen, cause: r.cause }) }),
          allowed: ['INSUFFICIENT_FUNDS'],
          meta: { reserve: r },
        };
      }
      if (roll < 0.84 && reservations.size) {
        const [resKey, known] = rnd.pick([...reservations]);
        const to = ids.find((x) => x !== known.account && rnd.chance(0.3)) ?? ids.find((x) => x !== known.account)!;
        const partial = rnd.chance(0.4) ? BigInt(rnd.int(1, Number(known.amountFen))) : undefined;
        const status = known.status;
        const transferId = key('p');
        return {
          label: 'post-reservation',
          run: async () => {
            const entry = await ledger.postReservation(resKey, { transferId, to, amountFen: partial, reason: '预留入账' });
            return { entry, reservation: await ledger.reservation(resKey) };
          },
          allowed: ['RESERVATION_NOT_ACTIVE'],
          expect: status !== 'active' ? (o) => expect(o.code).toBe('RESERVATION_NOT_ACTIVE') : undefined,
          meta: {},
        };
      }
      if (roll < 0.93 && reservations.size) {
        const [resKey, known] = rnd.pick([...reservations]);
        const status = known.status;
        return {
          label: 'release',
          run: async () => ({ reservation: await ledger.releaseReservation(resKey) }),
          allowed: ['RESERVATION_NOT_ACTIVE'],
          expect:
            status === 'posted'
              ? (o) => expect(o.code).toBe('RESERVATION_NOT_ACTIVE')
              : status === 'released'
                ? (o) => expect(o.reservation).toMatchObject({ status: 'released', replayed: true })
                : undefined,
          meta: {},
        };
      }
      if (roll < 0.96 && reservations.size) {
        const [resKey, known] = rnd.pick([...reservations]);
        const same = rnd.chance(0.5);
        return {
          label: same ? 'reserve-retry-same' : 'reserve-retry-different',
          run: async () => ({
            reservation: await ledger.reserve({ reservationId: resKey, account: known.account, amountFen: same ? known.amountFen : known.amountFen + 1n, cause: known.cause }),
          }),
          allowed: same ? [] : ['RESERVATION_ID_REUSED'],
          expect: (o) => (same ? expect(o.reservation).toMatchObject({ id: known.id, replayed: true }) : expect(o.code).toBe('RESERVATION_ID_REUSED')),
          meta: {},
        };
      }
      // A request the ledger must refuse without harming the transaction it runs in.
      const a = rnd.pick(ids);
      const bad = rnd.pick([
        { code: 'SAME_ACCOUNT', input: { transferId: key('bad'), transfers: [{ from: a, to: a, amountFen: 1n, reason: '自转' }], cause: cause() } },
        { code: 'AMOUNT_INVALID', input: { transferId: key('bad'), transfers: [{ from: ids[0], to: ids[1], amountFen: -rnd.fen(), reason: '负数' }], cause: cause() } },
      ]);
      return { label: 'invalid', run: async () => ({ entry: await ledger.post(bad.input) }), allowed: [bad.code], expect: (o) => expect(o.code).toBe(bad.code), meta: {} };
    }

    /** Runs an op and turns an allowed refusal into an outcome; anything else (a deadlock, a DB error) propagates. */
    async function perform(op: Op): Promise<Outcome> {
      tally[op.label] = (tally[op.label] ?? 0) + 1;
      let o: Outcome;
      try {
        o = await op.run();
      } catch (e) {
        if (!(e instanceof DomainException) || !op.allowed.includes(e.code)) {
          throw new Error(`seed ${SEED}: ${op.label} failed unexpectedly: ${e instanceof DomainException ? e.code : (e as Error).stack}`);
        }
        o = { code: e.code };
        tally[`${op.label}:${e.code}`] = (tally[`${op.label}:${e.code}`] ?? 0) + 1;
      }
      op.expect?.(o);
      return o;
    }

    // ---- the invariant checks, from the owner's side ----
    let snapshot = { entrySeq: '0', postingSeq: '0', entries: '', postings: '' };
    const closedReservations = new Map<string, string>();
    async function asOwner<T>(work: () => Promise<T>): Promise<T> {
      // RLS is forced for the owner too: enter the district, in a transaction that is only ever rolled back.
      await owner.query(`BEGIN; SELECT set_config('app.tenant_id', '${tenantId}', true)`);
      try {
        return await work();
      } finally {
        await owner.query('ROLLBACK');
      }
    }
    async function checkInvariants(batch: number) {
      await asOwner(async () => {
        const q = async (sql: string, params: unknown[] = []) => (await owner.query(sql, params)).rows;
        const accountsNow = await q(
          `SELECT a.id, a.balance_fen, a.reserved_fen, a.floor_fen,
                  (SELECT coalesce(sum(amount_fen), 0) FROM ledger_postings p WHERE p.account_id = a.id) AS postings_fen,
                  (SELECT coalesce(sum(amount_fen), 0) FROM ledger_reservations r WHERE r.account_id = a.id AND r.status = 'active') AS active_fen
             FROM ledger_accounts a WHERE a.id = ANY($1::uuid[])`,
          [ids],
        );
        for (const a of accountsNow) {
          const where = `seed ${SEED}, batch ${batch}, account ${ids.indexOf(a.id)}`;
          expect({ where, balance: BigInt(a.balance_fen) }).toEqual({ where, balance: BigInt(a.postings_fen) });
          expect({ where, balance: BigInt(a.balance_fen) }).toEqual({ where, balance: model.get(a.id) });
          expect({ where, reserved: BigInt(a.reserved_fen) }).toEqual({ where, reserved: BigInt(a.active_fen) });
          expect({ where, reserved: BigInt(a.reserved_fen) }).toEqual({ where, reserved: reservedModel.get(a.id) });
          const floor = floorOf.get(a.id);
          if (floor !== null && floor !== undefined) expect(BigInt(a.balance_fen) - BigInt(a.reserved_fen) >= floor).toBe(true);
        }
        // One statement, one snapshot: the district's sum, entries that do not balance (those new since the last
        // check, or given a new posting — older ones are covered by the unchanged hash), and the hashes of the rows
        // seen at the last check and of all rows now.
        const [r] = await q(
          `WITH mx AS (SELECT (SELECT coalesce(max(seq), 0) FROM ledger_entries) AS max_entry, (SELECT coalesce(max(seq), 0) FROM ledger_postings) AS max_posting)
           SELECT (SELECT coalesce(sum(amount_fen), 0) FROM ledger_postings) AS total,
                  (SELECT count(*) FROM (SELECT e.id FROM ledger_entries e LEFT JOIN ledger_postings p ON p.entry_id = e.id
                                          WHERE e.seq > $1 OR e.id IN (SELECT entry_id FROM ledger_postings WHERE seq > $2)
                                          GROUP BY e.id HAVING count(p.id) < 2 OR coalesce(sum(p.amount_fen), 0) <> 0) u) AS unbalanced,
                  e.old AS old_entries, e.now AS new_entries, p.old AS old_postings, p.now AS new_postings,
                  mx.max_entry AS entry_seq, mx.max_posting AS posting_seq
             FROM mx,
                  -- Each row is turned into text once; one aggregate hashes the rows seen at the last check, the other all.
                  (SELECT coalesce(md5(string_agg(t, '|' ORDER BY seq) FILTER (WHERE seq <= $1)), '') AS old, coalesce(md5(string_agg(t, '|' ORDER BY seq)), '') AS now
                     FROM (SELECT seq, x::text AS t FROM ledger_entries x) rows) e,
                  (SELECT coalesce(md5(string_agg(t, '|' ORDER BY seq) FILTER (WHERE seq <= $2)), '') AS old, coalesce(md5(string_agg(t, '|' ORDER BY seq)), '') AS now
                     FROM (SELECT seq, x::text AS t FROM ledger_postings x) rows) p`,
          [snapshot.entrySeq, snapshot.postingSeq],
        );
        expect(BigInt(r.total)).toBe(0n);
        expect(Number(r.unbalanced)).toBe(0);
        expect({ batch, entries: r.old_entries, postings: r.old_postings }).toEqual({ batch, entries: snapshot.entries, postings: snapshot.postings });
        snapshot = { entrySeq: r.entry_seq, postingSeq: r.posting_seq, entries: r.new_entries, postings: r.new_postings };
        // A closed reservation never changes again.
        const closed = await q(`SELECT id, md5(r::text) AS row FROM ledger_reservations r WHERE status <> 'active'`);
        for (const c of closed) {
          const seen = closedReservations.get(c.id);
          if (seen !== undefined) expect(c.row).toBe(seen);
          else closedReservations.set(c.id, c.row);
        }
        expect(closed.length).toBe(closedReservations.size);
      });
    }

    // ---- the run ----
    let done = 0;
    let batch = 0;
    let rolledBack = 0;
    let concurrentTx = 0;
    let checkMs = 0;
    while (done < OPS) {
      batch += 1;
      const kind = rnd.next();
      if (kind < 0.45) {
        // One after another, each in its own transaction.
        for (let i = rnd.int(8, 20); i > 0; i--, done++) {
          const op = nextOp();
          const o = await inDistrict(() => perform(op));
          commit(o, op.meta);
        }
      } else if (kind < 0.65) {
        // Several ops in one transaction; refusals inside leave it usable; sometimes the whole thing rolls back.
        const ops = Array.from({ length: rnd.int(3, 8) }, () => nextOp());
        const rollback = rnd.chance(0.25);
        const results: Outcome[] = [];
        try {
          await inDistrict(async () => {
            for (const op of ops) results.push(await perform(op));
            if (rollback) throw new Error('roll back on purpose');
          });
          ops.forEach((op, i) => commit(results[i], op.meta));
        } catch (e) {
          if ((e as Error).message !== 'roll back on purpose') throw e;
          rolledBack += 1;
        }
        done += ops.length;
      } else {
        // Concurrent transactions on the same ten accounts; sometimes two of them send the same new transfer.
        const ops = Array.from({ length: rnd.int(5, 12) }, () => nextOp());
        if (rnd.chance(0.3)) {
          const [from, to] = twoAccounts();
          const input: PostInput = { transferId: key('dup'), transfers: [{ from, to, amountFen: rnd.fen(), reason: '并发重复' }], cause: cause() };
          const dup = (): (typeof ops)[number] => ({ label: 'concurrent-duplicate', run: async () => ({ entry: await ledger.post(structuredClone(input)) }), allowed: ['INSUFFICIENT_FUNDS'], meta: { input } });
          ops.push(dup(), dup());
        }
        const results = await Promise.all(ops.map((op) => inDistrict(() => perform(op))));
        ops.forEach((op, i) => commit(results[i], op.meta));
        const dups = ops.map((op, i) => [op, results[i]] as const).filter(([op]) => op.label === 'concurrent-duplicate');
        if (dups.length) {
          // Every success returns the one entry of that transfer id, and only one of them wrote it. One twin may
          // still be refused for lack of funds: a refusal is not recorded, so if it ran first and other work in
          // the batch then brought money in, its twin's later attempt rightly succeeds.
          const entries = dups.map(([, o]) => o.entry).filter((e): e is NonNullable<typeof e> => !!e);
          expect(new Set(entries.map((e) => e.id)).size).toBeLessThanOrEqual(1);
          expect(entries.filter((e) => !e.replayed)).toHaveLength(entries.length ? 1 : 0);
          for (const [, o] of dups) if (!o.entry) expect(o.code).toBe('INSUFFICIENT_FUNDS');
        }
        concurrentTx += ops.length;
        done += ops.length;
      }
      const checkStarted = Date.now();
      await checkInvariants(batch);
      checkMs += Date.now() - checkStarted;
    }

    const verification = await inDistrict(() => ledger.verify());
    expect(verification).toMatchObject({ ok: true, tenantSumFen: 0n, balanceMismatches: [], reservedMismatches: [], unbalancedEntries: [], floorBreaches: [] });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `ledger property test: seed ${SEED}: ${done} operations in ${batch} batches (${concurrentTx} in concurrent transactions, ${rolledBack} transactions rolled back), ` +
        `${verification.entries} entries, ${verification.postings} postings, ${seconds} s (${(checkMs / 1000).toFixed(1)} s of it checking)\n${JSON.stringify(tally)}`,
    );
    // The run must have exercised what it claims to.
    for (const label of ['transfer', 'multi', 'retry-same', 'retry-different', 'reverse', 'reserve', 'post-reservation', 'release', 'invalid']) {
      expect(tally[label] ?? 0).toBeGreaterThan(0);
    }
    expect(tally['transfer:INSUFFICIENT_FUNDS'] ?? 0).toBeGreaterThan(0);
  }, 600_000); // 3,000 operations with concurrency: a box shared with other jobs took over 120 s
});
