/** Node socket errors meaning the peer (PostgreSQL) is not there or went away. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * PostgreSQL SQLSTATEs that say "not now" rather than "wrong request": class 08 (connection exception), the server
 * shutting down or starting up (57P01–57P03), too many connections (53300), and a statement cancelled by
 * `statement_timeout` (57014) — the database is too slow to answer, which the client may retry later.
 */
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[1-3]|53300|57014)$/;

/** node-postgres / pg-pool messages that carry no code. */
const UNAVAILABLE_MESSAGE = /Connection terminated|timeout exceeded when trying to connect|connection timeout|Query read timeout|Client has encountered a connection error|Client was closed and is not queryable|the database system is (starting up|shutting down|in recovery mode)/i;

/**
 * The database connection a piece of work was using went away in the middle of it. TypeORM releases a query runner
 * by itself when its connection reports an error (PostgreSQL restarting cuts every session), and the work's next
 * query then fails with "Query runner already released" — which, alone, reads like a bug. Whoever owns the runner
 * knows it did not release it, and rethrows this instead, with the original as `cause`.
 */
export class DatabaseConnectionLostError extends Error {
  constructor(cause: unknown) {
    super('The database connection was lost during the work', { cause });
    this.name = 'DatabaseConnectionLostError';
  }
}

/** True when an error means a dependency (the database) is down or overloaded, not that the request is wrong. */
export function isDependencyUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 4) return false;
  if (error instanceof DatabaseConnectionLostError) return true;
  const e = error as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown };
  if (typeof e.code === 'string' && (SOCKET_CODES.has(e.code) || UNAVAILABLE_SQLSTATE.test(e.code))) return true;
  if (typeof e.message === 'string' && UNAVAILABLE_MESSAGE.test(e.message)) return true;
  return isDependencyUnavailable(e.driverError, depth + 1) || isDependencyUnavailable(e.cause, depth + 1);
}
