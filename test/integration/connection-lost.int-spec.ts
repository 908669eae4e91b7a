import { Client } from 'pg';
import { DatabaseConnectionLostError, currentContext, isDependencyUnavailable } from '@sanshe/common';
import { TenantTransactionRunner } from '@sanshe/tenancy';
import { TestApp, appRoleClient, eventually, startTestApp } from '../support/test-app';

/*
 * PostgreSQL restarting cuts every session. A request in the middle of its transaction then has its query runner
 * dropped by TypeORM (it listens for the connection's error), and its next query fails with "Query runner already
 * released" — which the faults test saw answered as a 500 about once per PostgreSQL restart. Cut one session here,
 * deliberately, and check the answer is "the database went away" (503) and that the pool carries on.
 */
describe('work whose database connection is cut in the middle', () => {
  let t: TestApp;
  // A session of the application's own role: PostgreSQL lets a role end its own sessions (no superuser here).
  let peer: Client;
  beforeAll(async () => {
    t = await startTestApp();
    peer = await appRoleClient();
  });
  afterAll(async () => {
    await peer.end();
    await t.close();
  });

  it('fails as a lost connection (503), not as a released query runner (500); the next work gets a sound connection', async () => {
    const runner = t.app.get(TenantTransactionRunner);
    const failure = await runner.run({}, async () => {
      const manager = currentContext()!.manager!;
      const [{ pid }] = (await manager.query('SELECT pg_backend_pid() AS pid')) as Array<{ pid: number }>;
      const [{ done }] = (await peer.query('SELECT pg_terminate_backend($1) AS done', [pid])).rows as Array<{ done: boolean }>;
      expect(done).toBe(true);
      // Wait for what a restart does to a waiting request: TypeORM drops the runner on the connection's error event.
      await eventually(() => manager.queryRunner!.isReleased, 10_000, 'TypeORM to release the runner of the cut connection', 20);
      await manager.query('SELECT 1');
    }).then(() => null, (e: unknown) => e);

    expect(failure).toBeInstanceOf(DatabaseConnectionLostError);
    expect(isDependencyUnavailable(failure)).toBe(true);
    expect(String((failure as Error).cause)).toMatch(/already released/);
    const one = await runner.run({}, async () => ((await currentContext()!.manager!.query('SELECT 1 AS one')) as Array<{ one: number }>)[0].one);
    expect(one).toBe(1);
  });
});
