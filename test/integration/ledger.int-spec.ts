import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DomainException } from '@sanshe/common';
import { LedgerAccount, LedgerService } from '@sanshe/ledger';
import { TenantTransactionRunner } from '@sanshe/tenancy';
import { TestApp, appRoleClient, openDistrict, ownerClient, startTestApp } from '../support/test-app';

describe('the ledger', () => {
  let t: TestApp;
  let ledger: LedgerService;
  let runner: TenantTransactionRunner;
  let tenantId: string;
  let otherTenantId: string;
  let n = 0;

  beforeAll(async () => {
    t = await startTestApp();
    ledger = t.app.get(LedgerService);
    runner = t.app.get(TenantTransactionRunner);
    tenantId = (await openDistrict(t)).tenantId;
    otherTenantId = (await openDistrict(t)).tenantId;
  });
  afterAll(async () => {
    await t.close();
  });

  const inDistrict = <T>(work: () => Promise<T>, id = tenantId) => runner.run({ tenantId: id }, work);
  const cause = () => ({ type: 'grant_award', id: randomUUID() });
  const tid = (label: string) => `${label}-${++n}-${randomUUID()}`;

  async function refusal(work: () => Promise<unknown>): Promise<DomainException> {
    try {
      await work();
    } catch (e) {
      if (e instanceof DomainException) return e;
      throw e;
    }
    throw new Error('expected a refusal');
  }

  /** A source without a floor and a fund that received `fundFen` from it. */
  async function fundedAccount(fundFen: bigint, floorFen = 0n): Promise<{ source: LedgerAccount; fund: LedgerAccount }> {
    return inDistrict(async () => {
      const source = await ledger.openAccount({ ownerType: 'district_programme', ownerId: randomUUID(), kind: 'appropriation_source', name: '财政专项来源', floorFen: null });
      const fund = await ledger.openAccount({ ownerType: 'community_fund', ownerId: randomUUID(), kind: 'fund', name: '晋阳社区基金', floorFen });
      if (fundFen > 0n) await ledger.transfer({ transferId: tid('seed'), from: source.id, to: fund.id, amountFen: fundFen, reason: '拨付', cause: cause() });
      return { source, fund: await ledger.account(fund.id) };
    });
  }

  async function newAccount(label = '项目承诺'): Promise<LedgerAccount> {
    return inDistrict(() => ledger.openAccount({ ownerType: 'project', ownerId: randomUUID(), kind: 'commitment', name: label }));
  }

  it('opening an account twice returns the same account; different terms for the same owner and kind are refused', async () => {
    const ownerId = randomUUID();
    const input = { ownerType: 'organisation', ownerId, kind: 'grant_receipts', name: '阳光社工中心' };
    const a = await inDistrict(() => ledger.openAccount(input));
    const b = await inDistrict(() => ledger.openAccount({ ...input, name: '改名也无妨' }));
    expect(b.id).toBe(a.id);
    expect(a).toMatchObject({ balanceFen: 0n, reservedFen: 0n, floorFen: 0n, currency: 'CNY' });
    const e = await refusal(() => inDistrict(() => ledger.openAccount({ ...input, floorFen: -100n })));
    expect(e.code).toBe('ACCOUNT_TERMS_DIFFER');
  });

  it('a transfer moves whole fen from one account to another and both statements show it with the balance after', async () => {
    const { source, fund } = await fundedAccount(1_000_000n);
    const project = await newAccount();
    const c = cause();
    const entry = await inDistrict(() => ledger.transfer({ transferId: tid('award'), from: fund.id, to: project.id, amountFen: 250_001n, reason: '项目立项', cause: c, memo: '第一笔' }));
    expect(entry.kind).toBe('transfer');
    expect(entry.cause).toEqual(c);
    expect(entry.postings.map((p) => [p.accountId, p.amountFen, p.balanceAfterFen])).toEqual([
      [fund.id, -250_001n, 749_999n],
      [project.id, 250_001n, 250_001n],
    ]);
    const balances = await inDistrict(async () => [await ledger.balance(source.id), await ledger.balance(fund.id), await ledger.balance(project.id)]);
    expect(balances.map((b) => b.balanceFen)).toEqual([-1_000_000n, 749_999n, 250_001n]);
    const statement = await inDistrict(() => ledger.statement(fund.id, { limit: 1 }));
    expect(statement.total).toBe(2);
    expect(statement.items[0]).toMatchObject({ entryId: entry.id, amountFen: -250_001n, balanceAfterFen: 749_999n, counterpartyAccountId: project.id, reason: '项目立项' });
    const page2 = await inDistrict(() => ledger.statement(fund.id, { limit: 1, cursor: statement.nextCursor! }));
    expect(page2.items[0]).toMatchObject({ amountFen: 1_000_000n, counterpartyAccountId: source.id });
    expect(page2.nextCursor).toBeNull();
    expect((await inDistrict(() => ledger.verify())).ok).toBe(true);
  });

  it('a transfer beyond the available funds is refused with what is available and what was asked, and nothing is written', async () => {
    const { fund } = await fundedAccount(1_000n);
    const project = await newAccount();
    const transferId = tid('too-much');
    const e = await refusal(() => inDistrict(() => ledger.transfer({ transferId, from: fund.id, to: project.id, amountFen: 1_001n, reason: '超额', cause: cause() })));
    expect(e.code).toBe('INSUFFICIENT_FUNDS');
    expect(e.status).toBe(409);
    expect(e.detail).toEqual({ accountId: fund.id, availableFen: '1000', requestedFen: '1001' });
    expect(e.messageZh).toContain('可用 1000 分');
    expect(await inDistrict(() => ledger.entryByTransferId(transferId))).toBeNull();
    // The same transfer id works once the money is there: a refused attempt claims nothing.
    const exact = await inDistrict(() => ledger.transfer({ transferId, from: fund.id, to: project.id, amountFen: 1_000n, reason: '足额', cause: cause() }));
    expect(exact.replayed).toBe(false);
  });

  it('an overdraft floor lets an account go that far below zero and no further', async () => {
    const { fund } = await fundedAccount(0n, -500n);
    const project = await newAccount();
    await inDistrict(() => ledger.transfer({ transferId: tid('od'), from: fund.id, to: project.id, amountFen: 500n, reason: '透支', cause: cause() }));
    const e = await refusal(() => inDistrict(() => ledger.transfer({ transferId: tid('od'), from: fund.id, to: project.id, amountFen: 1n, reason: '再透支', cause: cause() })));
    expect(e.detail).toMatchObject({ availableFen: '0', requestedFen: '1' });
  });

  it('several transfers post atomically as one entry: if one would breach a floor, none is written', async () => {
    const { fund } = await fundedAccount(10_000n);
    const a = await newAccount('甲');
    const b = await newAccount('乙');
    const ok = await inDistrict(() =>
      ledger.post({
        transferId: tid('batch'),
        cause: cause(),
        transfers: [
          { from: fund.id, to: a.id, amountFen: 6_000n, reason: '甲' },
          // b pays onward money it receives in the same entry: netted, so allowed.
          { from: fund.id, to: b.id, amountFen: 4_000n, reason: '乙' },
          { from: b.id, to: a.id, amountFen: 4_000n, reason: '乙转甲' },
        ],
      }),
    );
    expect(ok.postings).toHaveLength(6);
    const e = await refusal(() =>
      inDistrict(() =>
        ledger.post({
          transferId: tid('batch'),
          cause: cause(),
          transfers: [
            { from: a.id, to: b.id, amountFen: 5_000n, reason: '够' },
            { from: fund.id, to: b.id, amountFen: 1n, reason: '不够' },
          ],
        }),
      ),
    );
    expect(e.code).toBe('INSUFFICIENT_FUNDS');
    const after = await inDistrict(async () => [await ledger.balance(a.id), await ledger.balance(b.id)]);
    expect(after.map((x) => x.balanceFen)).toEqual([10_000n, 0n]);
  });

  it('a retry with the same transfer id returns the original entry; the same id with different content is refused', async () => {
    const { fund } = await fundedAccount(10_000n);
    const project = await newAccount();
    const c = cause();
    const input = { transferId: tid('retry'), from: fund.id, to: project.id, amountFen: 300n, reason: '首付', cause: c };
    const first = await inDistrict(() => ledger.transfer(input));
    const again = await inDistrict(() => ledger.transfer({ ...input, cause: { ...c } }));
    expect(again.id).toBe(first.id);
    expect(again.replayed).toBe(true);
    for (const changed of [{ amountFen: 301n }, { reason: '别的' }, { to: fund.id, from: project.id }, { memo: '补充' }, { cause: cause() }]) {
      const e = await refusal(() => inDistrict(() => ledger.transfer({ ...input, ...changed })));
      expect(e.code).toBe('TRANSFER_ID_REUSED');
    }
    expect((await inDistrict(() => ledger.balance(project.id))).balanceFen).toBe(300n);
  });

  it('a correction is a reversing entry; an entry is reversed once; money already spent cannot be pulled back', async () => {
    const { fund } = await fundedAccount(10_000n);
    const project = await newAccount();
    const org = await newAccount('机构');
    const wrong = await inDistrict(() => ledger.transfer({ transferId: tid('w'), from: fund.id, to: project.id, amountFen: 700n, reason: '误拨', cause: cause() }));
    const reversal = await inDistrict(() => ledger.reverse(wrong.id, { transferId: tid('rev'), reason: '冲正误拨' }));
    expect(reversal).toMatchObject({ kind: 'reversal', reversalOf: wrong.id, cause: wrong.cause });
    // Postings list what leaves before what arrives.
    expect(reversal.postings.map((p) => [p.accountId, p.amountFen])).toEqual([
      [project.id, -700n],
      [fund.id, 700n],
    ]);
    const twice = await refusal(() => inDistrict(() => ledger.reverse(wrong.id, { transferId: tid('rev'), reason: '再冲' })));
    expect(twice.code).toBe('ENTRY_ALREADY_REVERSED');
    // The original is untouched: still there, still 700.
    expect((await inDistrict(() => ledger.entry(wrong.id))).postings.map((p) => p.amountFen)).toEqual([-700n, 700n]);

    const paid = await inDistrict(() => ledger.transfer({ transferId: tid('p'), from: fund.id, to: project.id, amountFen: 500n, reason: '拨付', cause: cause() }));
    await inDistrict(() => ledger.transfer({ transferId: tid('s'), from: project.id, to: org.id, amountFen: 200n, reason: '已支付给机构', cause: cause() }));
    const spent = await refusal(() => inDistrict(() => ledger.reverse(paid.id, { transferId: tid('rev'), reason: '撤回' })));
    expect(spent.code).toBe('INSUFFICIENT_FUNDS');
    expect(spent.detail).toMatchObject({ accountId: project.id, availableFen: '300', requestedFen: '500' });
  });

  it('reserved money cannot be spent twice: reserve, post part of it once, release; a second post or release is refused', async () => {
    const { fund } = await fundedAccount(1_000n);
    const project = await newAccount();
    const r = await inDistrict(() => ledger.reserve({ reservationId: tid('res'), account: fund.id, amountFen: 800n, cause: cause() }));
    expect(await inDistrict(() => ledger.balance(fund.id))).toMatchObject({ balanceFen: 1_000n, reservedFen: 800n, availableFen: 200n });
    const over = await refusal(() => inDistrict(() => ledger.transfer({ transferId: tid('x'), from: fund.id, to: project.id, amountFen: 201n, reason: '动用预留', cause: cause() })));
    expect(over.code).toBe('INSUFFICIENT_FUNDS');
    const tooMuch = await refusal(() => inDistrict(() => ledger.reserve({ reservationId: tid('res'), account: fund.id, amountFen: 201n, cause: cause() })));
    expect(tooMuch.code).toBe('INSUFFICIENT_FUNDS');
    const again = await inDistrict(() => ledger.reserve({ reservationId: r.reservationId, account: fund.id, amountFen: 800n, cause: r.cause }));
    expect(again).toMatchObject({ id: r.id, replayed: true });
    const reused = await refusal(() => inDistrict(() => ledger.reserve({ reservationId: r.reservationId, account: fund.id, amountFen: 801n, cause: r.cause })));
    expect(reused.code).toBe('RESERVATION_ID_REUSED');

    const postInput = { transferId: tid('post'), to: project.id, amountFen: 600n, reason: '首期拨付' };
    const posted = await inDistrict(() => ledger.postReservation(r.reservationId, postInput));
    expect(posted.kind).toBe('reservation_post');
    expect(posted.cause).toEqual(r.cause);
    // Partial post: 600 paid, the other 200 back to available.
    expect(await inDistrict(() => ledger.balance(fund.id))).toMatchObject({ balanceFen: 400n, reservedFen: 0n, availableFen: 400n });
    expect(await inDistrict(() => ledger.reservation(r.reservationId))).toMatchObject({ status: 'posted', postedFen: 600n, postedEntryId: posted.id });
    const retried = await inDistrict(() => ledger.postReservation(r.reservationId, postInput));
    expect(retried).toMatchObject({ id: posted.id, replayed: true });
    const second = await refusal(() => inDistrict(() => ledger.postReservation(r.reservationId, { ...postInput, transferId: tid('post') })));
    expect(second.code).toBe('RESERVATION_NOT_ACTIVE');
    const release = await refusal(() => inDistrict(() => ledger.releaseReservation(r.reservationId)));
    expect(release.code).toBe('RESERVATION_NOT_ACTIVE');

    const r2 = await inDistrict(() => ledger.reserve({ reservationId: tid('res'), account: fund.id, amountFen: 400n, cause: cause() }));
    const released = await inDistrict(() => ledger.releaseReservation(r2.reservationId));
    expect(released).toMatchObject({ status: 'released', replayed: false });
    expect(await inDistrict(() => ledger.releaseReservation(r2.reservationId))).toMatchObject({ status: 'released', replayed: true });
    const postReleased = await refusal(() => inDistrict(() => ledger.postReservation(r2.reservationId, { transferId: tid('post'), to: project.id, reason: '太迟' })));
    expect(postReleased.code).toBe('RESERVATION_NOT_ACTIVE');
    expect(await inDistrict(() => ledger.balance(fund.id))).toMatchObject({ balanceFen: 400n, reservedFen: 0n });
    expect((await inDistrict(() => ledger.verify())).ok).toBe(true);
  });

  it('malformed requests are refused before any query, so the caller\'s transaction stays usable', async () => {
    const { fund } = await fundedAccount(100n);
    const project = await newAccount();
    await inDistrict(async () => {
      const bad = [
        () => ledger.transfer({ transferId: tid('b'), from: fund.id, to: fund.id, amountFen: 1n, reason: 'x', cause: cause() }),
        () => ledger.transfer({ transferId: tid('b'), from: fund.id, to: project.id, amountFen: 0n, reason: 'x', cause: cause() }),
        () => ledger.transfer({ transferId: tid('b'), from: fund.id, to: project.id, amountFen: 1.5 as unknown as bigint, reason: 'x', cause: cause() }),
        () => ledger.transfer({ transferId: tid('b'), from: 'not-a-uuid', to: project.id, amountFen: 1n, reason: 'x', cause: cause() }),
        () => ledger.transfer({ transferId: tid('b'), from: randomUUID(), to: project.id, amountFen: 1n, reason: 'x', cause: cause() }),
        () => ledger.transfer({ transferId: '', from: fund.id, to: project.id, amountFen: 1n, reason: 'x', cause: cause() }),
        () => ledger.entry('nope'),
        () => ledger.reverse(randomUUID(), { transferId: tid('b'), reason: 'x' }),
        () => ledger.postReservation('no-such-reservation', { transferId: tid('b'), to: project.id, reason: 'x' }),
      ];
      const codes = [];
      for (const b of bad) codes.push((await refusal(b)).code);
      expect(codes).toEqual(['SAME_ACCOUNT', 'AMOUNT_INVALID', 'AMOUNT_INVALID', 'ACCOUNT_NOT_FOUND', 'ACCOUNT_NOT_FOUND', 'LEDGER_REQUEST_INVALID', 'ENTRY_NOT_FOUND', 'ENTRY_NOT_FOUND', 'RESERVATION_NOT_FOUND']);
      // Same transaction, still working.
      await ledger.transfer({ transferId: tid('ok'), from: fund.id, to: project.id, amountFen: 1n, reason: '仍可用', cause: cause() });
    });
    expect((await inDistrict(() => ledger.balance(project.id))).balanceFen).toBe(1n);
  });

  it('another district cannot see or move this district\'s accounts', async () => {
    const { fund } = await fundedAccount(100n);
    const theirs = await inDistrict(() => ledger.openAccount({ ownerType: 'project', ownerId: randomUUID(), kind: 'commitment', name: '他区项目' }), otherTenantId);
    const e = await refusal(() => inDistrict(() => ledger.transfer({ transferId: tid('x'), from: fund.id, to: theirs.id, amountFen: 1n, reason: '跨区', cause: cause() }), otherTenantId));
    expect(e.code).toBe('ACCOUNT_NOT_FOUND');
    const seen = await refusal(() => inDistrict(() => ledger.balance(fund.id), otherTenantId));
    expect(seen.code).toBe('ACCOUNT_NOT_FOUND');
  });

  it('two withdrawals that would together breach the floor cannot both succeed, however many race', async () => {
    const { fund } = await fundedAccount(100n);
    const payees = await Promise.all(Array.from({ length: 10 }, (_, i) => newAccount(`收款${i}`)));
    const results = await Promise.allSettled(
      payees.map((p) => inDistrict(() => ledger.transfer({ transferId: tid('race'), from: fund.id, to: p.id, amountFen: 30n, reason: '抢', cause: cause() }))),
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(ok).toHaveLength(3);
    expect(refused.map((r) => (r.reason as DomainException).code)).toEqual(Array(7).fill('INSUFFICIENT_FUNDS'));
    expect((await inDistrict(() => ledger.balance(fund.id))).balanceFen).toBe(10n);
  });

  it('the same transfer id sent by racing requests writes one entry, and all of them get it back — even when it empties the account', async () => {
    const { fund } = await fundedAccount(100n);
    const project = await newAccount();
    const input = { transferId: tid('same'), from: fund.id, to: project.id, amountFen: 100n, reason: '重复提交', cause: cause() };
    const results = await Promise.all(Array.from({ length: 8 }, () => inDistrict(() => ledger.transfer(input))));
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect((await inDistrict(() => ledger.balance(project.id))).balanceFen).toBe(100n);
    // Likewise a reversal retried concurrently, and a reservation posted by racing retries.
    const rev = { transferId: tid('rev'), reason: '并发冲正' };
    const reversals = await Promise.all(Array.from({ length: 4 }, () => inDistrict(() => ledger.reverse(results[0].id, rev))));
    expect(new Set(reversals.map((r) => r.id)).size).toBe(1);
    const r = await inDistrict(() => ledger.reserve({ reservationId: tid('res'), account: fund.id, amountFen: 100n, cause: cause() }));
    const post = { transferId: tid('post'), to: project.id, reason: '并发入账' };
    const posts = await Promise.all(Array.from({ length: 4 }, () => inDistrict(() => ledger.postReservation(r.reservationId, post))));
    expect(new Set(posts.map((p) => p.id)).size).toBe(1);
    expect(await inDistrict(() => ledger.balance(fund.id))).toMatchObject({ balanceFen: 0n, reservedFen: 0n });
  });

  describe('the database itself', () => {
    let owner: Client;
    let app: Client;
    beforeAll(async () => {
      owner = await ownerClient();
      app = await appRoleClient();
    });
    afterAll(async () => {
      await owner.end();
      await app.end();
    });

    /** Runs one statement in a transaction in the district and returns the error message, or undefined if it passed. */
    async function attempt(client: Client, sql: string, params: unknown[] = []): Promise<string | undefined> {
      await client.query('BEGIN');
      try {
        await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
        await client.query(sql, params);
        await client.query('COMMIT');
        return undefined;
      } catch (e) {
        await client.query('ROLLBACK');
        return (e as Error).message;
      }
    }

    it('refuses to change or delete entries and postings, even for the schema owner', async () => {
      const { fund } = await fundedAccount(500n);
      const project = await newAccount();
      const entry = await inDistrict(() => ledger.transfer({ transferId: tid('imm'), from: fund.id, to: project.id, amountFen: 5n, reason: '不可改', cause: cause() }));
      for (const client of [owner, app]) {
        for (const sql of [
          `UPDATE ledger_postings SET amount_fen = amount_fen * 2 WHERE entry_id = $1`,
          `DELETE FROM ledger_postings WHERE entry_id = $1`,
          `UPDATE ledger_entries SET memo = 'changed' WHERE id = $1`,
          `DELETE FROM ledger_entries WHERE id = $1`,
        ]) {
          expect(await attempt(client, sql, [entry.id])).toMatch(/append-only|permission denied/);
        }
      }
      expect(await attempt(owner, `TRUNCATE ledger_postings, ledger_entries CASCADE`)).toMatch(/append-only/);
      expect((await inDistrict(() => ledger.entry(entry.id))).postings.map((p) => p.amountFen)).toEqual([-5n, 5n]);
    });

    it('lets the application neither set a balance nor write an unbalanced entry', async () => {
      const { fund } = await fundedAccount(500n);
      const project = await newAccount();
      expect(await attempt(app, `UPDATE ledger_accounts SET balance_fen = 10000000 WHERE id = $1`, [fund.id])).toMatch(/permission denied/);
      expect(await attempt(app, `UPDATE ledger_accounts SET reserved_fen = 0 WHERE id = $1`, [fund.id])).toMatch(/permission denied/);
      expect(
        await attempt(app, `INSERT INTO ledger_accounts (tenant_id, owner_type, owner_id, kind, name, balance_fen) VALUES ($1, 'x', $2, 'y', 'z', 100)`, [tenantId, randomUUID()]),
      ).toMatch(/permission denied/);
      // One-sided posting: refused at commit by the deferred double-entry check.
      const oneSided = await attempt(
        app,
        `WITH e AS (INSERT INTO ledger_entries (tenant_id, transfer_id, request_hash, kind) VALUES ($1, $2, repeat('0', 64), 'transfer') RETURNING id)
         INSERT INTO ledger_postings (tenant_id, entry_id, line_no, account_id, counterparty_account_id, amount_fen, reason)
         SELECT $1, e.id, 0, $3, $4, 100, '凭空' FROM e`,
        [tenantId, tid('forged'), project.id, fund.id],
      );
      expect(oneSided).toMatch(/unbalanced/);
      // Below the floor straight through SQL: refused by the account's CHECK.
      const overdraw = await attempt(
        app,
        `WITH e AS (INSERT INTO ledger_entries (tenant_id, transfer_id, request_hash, kind) VALUES ($1, $2, repeat('0', 64), 'transfer') RETURNING id)
         INSERT INTO ledger_postings (tenant_id, entry_id, line_no, account_id, counterparty_account_id, amount_fen, reason)
         SELECT $1, e.id, 0, x.a, x.b, x.amt, '透支' FROM e, (VALUES ($3::uuid, $4::uuid, 1000::bigint), ($4::uuid, $3::uuid, -1000::bigint)) x(a, b, amt)`,
        [tenantId, tid('forged'), project.id, fund.id],
      );
      expect(overdraw).toMatch(/ledger_accounts_floor/);
      // A reservation cannot be reopened or closed twice.
      const r = await inDistrict(() => ledger.reserve({ reservationId: tid('r'), account: fund.id, amountFen: 10n, cause: cause() }));
      await inDistrict(() => ledger.releaseReservation(r.reservationId));
      expect(await attempt(app, `UPDATE ledger_reservations SET status = 'active', closed_at = NULL WHERE id = $1`, [r.id])).toMatch(/cannot go from released/);
      expect(await attempt(app, `DELETE FROM ledger_reservations WHERE id = $1`, [r.id])).toMatch(/permission denied|append-only/);
      expect((await inDistrict(() => ledger.verify())).ok).toBe(true);
    });
  });
});
