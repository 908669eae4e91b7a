import { DatabaseConnectionLostError, isDependencyUnavailable } from './dependency-unavailable';

describe('which errors mean "the database is not there right now" (503) rather than a bug (500)', () => {
  it('a refused or dropped connection, a pool timeout and a server shutting down are unavailability', () => {
    expect(isDependencyUnavailable(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isDependencyUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDependencyUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(isDependencyUnavailable({ message: 'query failed', driverError: { code: '57P01', message: 'terminating connection due to administrator command' } })).toBe(true);
    expect(isDependencyUnavailable({ message: 'x', driverError: { code: '08006' } })).toBe(true);
    expect(isDependencyUnavailable(new Error('wrapped', { cause: { code: '57P03' } }))).toBe(true);
    expect(isDependencyUnavailable(new DatabaseConnectionLostError(new Error('Query runner already released. Cannot run queries anymore.')))).toBe(true);
  });

  it('constraint violations, bad input and programming errors are not', () => {
    expect(isDependencyUnavailable({ message: 'duplicate key', driverError: { code: '23505' } })).toBe(false);
    expect(isDependencyUnavailable({ message: 'invalid input syntax', driverError: { code: '22P02' } })).toBe(false);
    expect(isDependencyUnavailable(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false);
    expect(isDependencyUnavailable(undefined)).toBe(false);
    // The same TypeORM message on its own is a query after our own release: a bug, not an outage.
    expect(isDependencyUnavailable(new Error('Query runner already released. Cannot run queries anymore.'))).toBe(false);
  });
});
