import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryRunner } from 'typeorm';
import { DatabaseConnectionLostError, RequestContextState, currentContext, requestContext } from '@sanshe/common';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The settings row-level security reads. Transaction-local, so a pooled connection never carries them on. */
export interface TransactionScope {
  tenantId?: string;
  userId?: string;
}

/**
 * A statement run in the same round trip as BEGIN and the settings (see `run`). Only literals validated here.
 * With `prepare`, `sql` is `EXECUTE name(...)` and the runner makes sure `PREPARE name AS text` has been run once on
 * the connection first: PostgreSQL then parses and plans the statement once per connection instead of on every
 * request (the per-request access check: a join of three tables, sent on every signed-in request).
 */
export type FirstStatement = { sql: string; prepare?: { name: string; text: string } };

export interface RunOptions {
  /**
   * The work only reads: the transaction opens `READ ONLY`, so PostgreSQL refuses any write in it (error 25006), and
   * its COMMIT is not waited for before the result is returned (see `run`).
   */
  readOnly?: boolean;
}

function literal(value: string | undefined): string {
  if (value === undefined) return "''";
  if (!UUID.test(value)) throw new Error('Scope ids must be uuids');
  return `'${value.toLowerCase()}'`;
}

/**
 * Runs work in one database transaction scoped to a district. BEGIN, the transaction-local `app.tenant_id` /
 * `app.user_id` settings and the caller's first statement go to the server as one batch (one round trip); RLS
 * policies read the settings. The transaction's entity manager travels in the request context, so every
 * repository a service takes from `TenantContext` runs inside it. Commit on success, rollback on any error.
 */
@Injectable()
export class TenantTransactionRunner {
  /**
   * Named statements prepared on each pooled connection (the pg client object lives as long as its connection, so a
   * reconnected client starts empty). Prepared statements are session state, not transaction state: they carry no
   * district and no person, only the statement's text.
   */
  private readonly prepared = new WeakMap<object, Set<string>>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async run<T>(
    scope: TransactionScope,
    work: (firstRows: Record<string, unknown>[]) => Promise<T>,
    first?: FirstStatement,
    opts: RunOptions = {},
  ): Promise<T> {
    const qr = this.dataSource.createQueryRunner();
    const client = (await qr.connect()) as { query(sql: string): Promise<unknown> };
    let began = false;
    let releaseLater = false;
    try {
      if (first?.prepare) await this.ensurePrepared(client, first.prepare);
      const batch =
        (opts.readOnly ? 'BEGIN READ ONLY; ' : 'BEGIN; ') +
        `SELECT set_config('app.tenant_id', ${literal(scope.tenantId)}, true), set_config('app.user_id', ${literal(scope.userId)}, true)` +
        (first ? `; ${first.sql}` : '');
      const results = (await client.query(batch)) as Array<{ rows: Record<string, unknown>[] }>;
      began = true;
      this.markTransactionOpen(qr);
      const parent = currentContext();
      // The request's own context learns the district too, so its access-log line names it.
      if (parent && scope.tenantId) parent.tenantId ??= scope.tenantId;
      const state: RequestContextState = {
        requestId: parent?.requestId ?? 'job',
        actor: parent?.actor,
        tenantId: scope.tenantId,
        manager: qr.manager,
      };
      const result = await requestContext.run(state, () => work(first ? results[2].rows : []));
      if (opts.readOnly) {
        // PostgreSQL refused every write in this transaction, so its COMMIT can change nothing and lose nothing: the
        // answer goes out while COMMIT travels. The connection goes back to the pool only once COMMIT has been
        // answered, so the next request on it never runs inside this transaction or sees its district.
        releaseLater = true;
        void qr.commitTransaction().catch(() => undefined).finally(() => qr.release()).catch(() => undefined);
        return result;
      }
      await qr.commitTransaction();
      return result;
    } catch (err) {
      // Only this method releases the runner; released already means TypeORM dropped it because its connection
      // failed (PostgreSQL restarting): nothing to roll back on it, and the request may be retried (503, not 500).
      if (qr.isReleased) throw new DatabaseConnectionLostError(err);
      if (began && qr.isTransactionActive) await qr.rollbackTransaction().catch(() => undefined);
      else if (!began) await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      if (!releaseLater && !qr.isReleased) await qr.release();
    }
  }

  /**
   * Its own round trip, outside any transaction, once per connection and statement: a PREPARE inside the request's
   * batch would leave the set out of step with the server whenever a later statement of the batch failed.
   */
  private async ensurePrepared(client: { query(sql: string): Promise<unknown> }, stmt: { name: string; text: string }): Promise<void> {
    let names = this.prepared.get(client);
    if (names?.has(stmt.name)) return;
    try {
      await client.query(`PREPARE ${stmt.name} AS ${stmt.text}`);
    } catch (err) {
      if ((err as { code?: string }).code !== '42P05') throw err; // duplicate_prepared_statement: already there
    }
    if (!names) this.prepared.set(client, (names = new Set()));
    names.add(stmt.name);
  }

  /**
   * TypeORM did not issue our BEGIN, so tell its query runner a transaction is open: nested
   * `manager.transaction()` calls then become savepoints and `commitTransaction()` sends COMMIT.
   */
  private markTransactionOpen(qr: QueryRunner): void {
    const r = qr as unknown as { isTransactionActive: boolean; transactionDepth: number };
    r.isTransactionActive = true;
    r.transactionDepth = 1;
  }
}

export function assertUuid(value: string): string {
  literal(value);
  return value.toLowerCase();
}
