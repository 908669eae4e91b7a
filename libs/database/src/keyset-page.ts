import { Page, TotalKind, decodeCursor, encodeCursor } from '@sanshe/common';

/**
 * The one way lists are paged, so that a page costs the same whatever the district's size:
 *
 * - **Keyset pages.** `WHERE (sort key, id) > (last row's)` with `ORDER BY sort key, id LIMIT n + 1`, which an index
 *   on `(tenant_id, <equality filters>, sort key, id)` answers by reading n + 1 entries. The cursor carries the sort
 *   key as PostgreSQL's own text for it, so timestamps keep their microseconds (a JavaScript Date would drop them and
 *   skip rows that share the millisecond).
 * - **Capped totals.** `count(*) FROM (SELECT 1 … LIMIT cap + 1)`: exact up to the cap (default 10,000,
 *   `LIST_COUNT_CAP`), otherwise "at least the cap" — the response says which in `totalKind`. A count of everything
 *   would cost in proportion to the table on every page; an estimate from the planner is wrong under RLS and for
 *   small filtered sets, which are the ones people read totals of.
 */

/** Anything that runs SQL: a TypeORM EntityManager or QueryRunner, a pg client. */
export interface SqlRunner {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  query(sql: string, params?: unknown[]): Promise<any>;
}

export const DEFAULT_LIST_COUNT_CAP = 10_000;
let countCap = DEFAULT_LIST_COUNT_CAP;

/** Set once at start-up from `LIST_COUNT_CAP` (the database module does it); tests lower it to seed few rows. */
export function setListCountCap(cap: number): void {
  countCap = cap;
}

export function listCountCap(): number {
  return countCap;
}

export interface CappedTotal {
  total: number;
  totalKind: TotalKind;
}

/**
 * `fromWhere` is everything after SELECT's list: `FROM … WHERE …` with the filters (no ORDER BY, no LIMIT).
 * `orderBy` (e.g. `p.name ASC, p.id ASC`), when given, is the list's own order: the capped count then walks the index
 * the page walks. Without it PostgreSQL cannot tell one district's share of a table (row-level security compares
 * `tenant_id` with a setting, so it assumes an average share) and, once a large district shares the table, counts a
 * small district by scanning the whole table: 32 ms against 1 ms for 2,850 rows beside 300,000 (bench/RESULTS.md,
 * 2026-11-25).
 */
export async function cappedCount(db: SqlRunner, fromWhere: string, params: unknown[], orderBy?: string): Promise<CappedTotal> {
  const [{ n }]: Array<{ n: number }> = await db.query(
    `SELECT count(*)::int AS n FROM (SELECT 1 ${fromWhere}${orderBy ? ` ORDER BY ${orderBy}` : ''} LIMIT ${countCap + 1}) capped`, params);
  return n > countCap ? { total: countCap, totalKind: 'atLeast' } : { total: n, totalKind: 'exact' };
}

/**
 * Counts per value of one column (the status tabs above a list), each capped like `cappedCount`: a tab shows at
 * most the cap. `totalOf(value)` is the capped total of one tab, for a list filtered to that value; `all` of every
 * tab together (the values must be all the column can hold).
 */
export async function cappedCountsBy(
  db: SqlRunner, column: string, values: readonly string[], fromWhere: string, params: unknown[],
): Promise<{ counts: Record<string, number>; totalOf(value: string): CappedTotal; all: CappedTotal }> {
  const rows: Array<{ v: string; n: number }> = await db.query(
    `SELECT v.v, (SELECT count(*)::int FROM (SELECT 1 ${fromWhere} AND ${column} = v.v LIMIT ${countCap + 1}) capped) AS n
       FROM unnest($${params.length + 1}::text[]) AS v(v)`,
    [...params, values],
  );
  const raw = new Map(rows.map((r) => [r.v, r.n]));
  const counts = Object.fromEntries(values.map((v) => [v, Math.min(raw.get(v) ?? 0, countCap)]));
  const sum = values.reduce((a, v) => a + (raw.get(v) ?? 0), 0);
  return {
    counts,
    all: sum > countCap ? { total: countCap, totalKind: 'atLeast' } : { total: sum, totalKind: 'exact' },
    totalOf: (v) => ((raw.get(v) ?? 0) > countCap ? { total: countCap, totalKind: 'atLeast' } : { total: raw.get(v) ?? 0, totalKind: 'exact' }),
  };
}

export interface KeysetOrder {
  /** SQL expression of the sort key, e.g. `p.name` or `c.created_at`. */
  key: string;
  /** Its type, to read the cursor back: `text`, `timestamptz`, `bigint`, `date`. */
  type: 'text' | 'timestamptz' | 'bigint' | 'date';
  /** SQL expression of the row's id (the tie-breaker). */
  id: string;
  direction: 'asc' | 'desc';
}

export interface KeysetQuery {
  /** `SELECT <columns> FROM … JOIN …`, without WHERE. */
  select: string;
  /** `FROM …` the filters need, for the total — usually the table alone, without the joins the page shows. */
  countFrom: string;
  /** Filters (ANDed), with their parameters numbered from $1. */
  where: string[];
  params: unknown[];
  order: KeysetOrder;
  limit?: number;
  cursor?: string;
  /** Total to report instead of counting (e.g. taken from status counts already made). */
  total?: CappedTotal;
}

const SORT_KEY = 'keyset_sort_key';

/** One page and the capped total; rows come back as the database returns them (plus the sort-key column). */
export async function keysetPage<R extends { id: string }>(db: SqlRunner, q: KeysetQuery): Promise<Page<R>> {
  const where = [...q.where];
  const params = [...q.params];
  const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const dir = q.order.direction.toUpperCase();
  const orderBy = `${q.order.key} ${dir}, ${q.order.id} ${dir}`;
  // A column order can come from an index, and the count then walks it; an expression order (the tranche list's
  // "ready first" key) cannot, and ordering the count by it would only add a sort.
  const total = q.total ?? (await cappedCount(db, `${q.countFrom} ${filter}`, params, /^\w+\.\w+$/.test(q.order.key) ? orderBy : undefined));
  const cursor = decodeCursor(q.cursor);
  const cmp = q.order.direction === 'asc' ? '>' : '<';
  if (cursor) {
    params.push(cursor.sortKey, cursor.id);
    where.push(`(${q.order.key}, ${q.order.id}) ${cmp} ($${params.length - 1}::${q.order.type}, $${params.length}::uuid)`);
  }
  const limit = q.limit ?? 50;
  const rows: Array<R & { [SORT_KEY]: string }> = await db.query(
    `${q.select.replace(/^\s*SELECT\s/i, `SELECT (${q.order.key})::text AS ${SORT_KEY}, `)}
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY ${orderBy} LIMIT ${limit + 1}`,
    params,
  );
  const more = rows.length > limit;
  if (more) rows.pop();
  const last = rows[rows.length - 1];
  const nextCursor = more && last ? encodeCursor(last[SORT_KEY], last.id) : null;
  for (const r of rows) delete (r as Partial<typeof r>)[SORT_KEY];
  return { items: rows, ...total, nextCursor };
}
