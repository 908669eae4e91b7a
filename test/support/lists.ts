import type { Client } from 'pg';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { Session, appRoleClient } from './test-app';

/*
 * The tests of list endpoints: every list pages the same way (`{ items, total, totalKind, nextCursor }`, keyset on
 * an index, totals counted up to a cap), so one walk and one plan check serve them all.
 */

export type ListItem = { id: string } & Record<string, any>;
export type ListPage<T extends ListItem = ListItem> = { items: T[]; total: number; totalKind: 'exact' | 'atLeast'; nextCursor: string | null } & Record<string, any>;

export interface Expected {
  /** Every id, in the list's order: none skipped, none repeated, nothing else. */
  ids?: string[];
  total?: number;
  totalKind?: 'exact' | 'atLeast';
}

/**
 * Follows nextCursor to the end. Every page must answer 200 within the limit, say the same total and totalKind as
 * the first (a count that moved with the cursor would be a per-page count), and no id may come twice across pages;
 * `expected` adds the order and completeness, and the totals.
 */
export async function pageThrough<T extends ListItem = ListItem>(s: Session, path: string, limit: number, expected: Expected = {}): Promise<{ items: T[]; pages: Array<ListPage<T>> }> {
  const items: T[] = [];
  const pages: Array<ListPage<T>> = [];
  let cursor: string | null = null;
  for (let i = 0; i < 1000; i++) {
    const sep = path.includes('?') ? '&' : '?';
    const res = await s.get(`${path}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect([path, res.status]).toEqual([path, 200]);
    const body = res.body as ListPage<T>;
    expect(body.items.length).toBeLessThanOrEqual(limit);
    expect([path, body.total, body.totalKind]).toEqual([path, (pages[0] ?? body).total, (pages[0] ?? body).totalKind]);
    pages.push(body);
    items.push(...body.items);
    cursor = body.nextCursor;
    if (!cursor) {
      const ids = items.map((x) => x.id);
      const repeated = ids.filter((id, n) => ids.indexOf(id) !== n);
      expect([path, repeated]).toEqual([path, []]);
      if (expected.ids) expect(ids).toEqual(expected.ids);
      if (expected.total !== undefined) expect(body.total).toBe(expected.total);
      if (expected.totalKind) expect(body.totalKind).toBe(expected.totalKind);
      return { items, pages };
    }
  }
  throw new Error(`${path}: more than 1000 pages`);
}

/**
 * Records the statements of the shared list helper (pages, recognised by their keyset sort key, and capped counts)
 * the app runs while installed, for `plansNeedingASort`. Install in beforeAll before the app starts; uninstall in
 * afterAll. `capturing = false` leaves out statements meant to fail (tampered cursors).
 */
export class ListStatements {
  readonly captured: Array<{ sql: string; params: unknown[] }> = [];
  capturing = true;
  private original?: PostgresQueryRunner['query'];

  install(): void {
    const original = (this.original = PostgresQueryRunner.prototype.query);
    const self = this;
    PostgresQueryRunner.prototype.query = function (this: PostgresQueryRunner, sql: string, params?: unknown[], ...rest: unknown[]) {
      if (self.capturing && /keyset_sort_key|\) capped/.test(sql)) self.captured.push({ sql, params: [...((params as unknown[]) ?? [])] });
      return (original as (...a: unknown[]) => Promise<unknown>).call(this, sql, params, ...rest);
    } as typeof original;
  }

  uninstall(): void {
    if (this.original) PostgresQueryRunner.prototype.query = this.original;
  }

  /** The first run of each distinct statement (a later run may carry a cursor from a refused request), optionally only those matching. */
  distinct(matching?: RegExp): Array<{ sql: string; params: unknown[] }> {
    const seen = new Map<string, { sql: string; params: unknown[] }>();
    for (const c of this.captured) if (!seen.has(c.sql) && (!matching || matching.test(c.sql))) seen.set(c.sql, c);
    return [...seen.values()];
  }
}

/**
 * Each statement EXPLAINed as the app's role in the district, with sequential scans and sorts turned off: turned off,
 * one is still chosen when nothing else can answer, so its presence means no index matches the filter or the order.
 * A page's own order (its last ORDER BY), and the capped count's (which walks the page's index), must come from the
 * index; other sorts inside sub-selects are not the page's.
 * Returns the statements that failed, each with its plan.
 */
export async function plansNeedingASort(statements: Array<{ sql: string; params: unknown[] }>, context: { tenantId: string; userId?: string }): Promise<string[]> {
  const app: Client = await appRoleClient();
  const failures: string[] = [];
  try {
    for (const { sql, params } of statements) {
      await app.query('BEGIN');
      try {
        await app.query(`SELECT set_config('app.tenant_id', $1, true)`, [context.tenantId]);
        if (context.userId) await app.query(`SELECT set_config('app.user_id', $1, true)`, [context.userId]);
        for (const s of ['enable_seqscan', 'enable_sort', 'enable_incremental_sort']) await app.query(`SET LOCAL ${s} = off`);
        const plan = (await app.query(`EXPLAIN ${sql}`, params)).rows.map((r) => r['QUERY PLAN'] as string).join('\n');
        const order = /ORDER BY ([^\n]+?) LIMIT \d+(\) capped)?\s*$/.exec(sql)?.[1]; // the page's, or the capped count's
        if (/Seq Scan/.test(plan) || (order && plan.includes(`Sort Key: ${order.replace(/ ASC/g, '')}`))) failures.push(`${sql}\n${plan}`);
      } finally {
        await app.query('ROLLBACK');
      }
    }
  } finally {
    await app.end();
  }
  return failures;
}

/** Runs SQL as the schema owner inside a district (RLS is forced for the owner too), in a transaction of its own. */
export async function asOwnerIn(owner: Client, tenantId: string, sql: string, params: unknown[] = []): Promise<any[]> {
  await owner.query('BEGIN');
  try {
    await owner.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
    const res = await owner.query(sql, params);
    await owner.query('COMMIT');
    return res.rows;
  } catch (err) {
    await owner.query('ROLLBACK');
    throw err;
  }
}
