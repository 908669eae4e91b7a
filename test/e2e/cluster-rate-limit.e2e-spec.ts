import { RedisInstance } from '../support/redis-instance';
import { District, PASSWORD, TestApp, addMember, openDistrict, startTestApp, uniquePhone } from '../support/test-app';

const signIn = (t: TestApp, from?: string, loginName = uniquePhone(), password = 'wrong-password') => {
  const req = t.http.post('/api/v1/auth/login');
  if (from) req.set('X-Forwarded-For', from);
  return req.send({ login: loginName, password });
};

describe('with no trusted proxy (the default), a client cannot choose its own rate-limit bucket', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp({ rateLimit: true }); }, 60_000);
  afterAll(async () => { await t.close(); }, 60_000);

  it('rotating X-Forwarded-For does not buy more sign-in attempts', async () => {
    for (let i = 0; i < 30; i++) expect((await signIn(t, `203.0.113.${i + 1}`)).status).toBe(401);
    const limited = await signIn(t, '203.0.113.200');
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  }, 60_000);
});

describe('TRUST_PROXY is validated at boot', () => {
  it('accepts false, a hop count and addresses/CIDRs, and refuses "true" and nonsense', async () => {
    const { loadConfig } = await import('@sanshe/common');
    const base = { DATABASE_URL: 'postgres://x@localhost/db', REDIS_URL: 'redis://localhost', JWT_SECRET: 'x'.repeat(32) };
    expect(loadConfig(base).trustProxy).toBe(false);
    expect(loadConfig({ ...base, TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ ...base, TRUST_PROXY: 'loopback, 10.0.0.0/8, fd00::/8' }).trustProxy).toEqual(['loopback', '10.0.0.0/8', 'fd00::/8']);
    expect(() => loadConfig({ ...base, TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ ...base, TRUST_PROXY: '10.0.0.0/33' })).toThrow(/TRUST_PROXY/);
  });
});

/*
 * Chosen behaviour when Redis is down: the per-address counters fail open (requests pass, a warning is logged), and
 * the per-account sign-in lockout, kept in PostgreSQL, still holds. See RedisThrottlerStorage for why.
 */
describe('while Redis is down, rate limits fail open but an account still locks', () => {
  let redis: RedisInstance;
  let t: TestApp;
  let member: { phone: string };
  beforeAll(async () => {
    redis = await RedisInstance.create();
    // The person is invited with the worker role running (the worker sends the invitation mail); that app is closed
    // before Redis goes away, because a worker's blocking queue connections only slow a close after Redis returns.
    const setup = await startTestApp({ rateLimit: true, redisUrl: redis.url });
    try {
      const d = await openDistrict(setup);
      member = await addMember(setup, d, ['finance_officer']);
    } finally {
      await setup.close();
    }
    t = await startTestApp({ rateLimit: true, redisUrl: redis.url, runWorker: false });
  }, 120_000);
  afterAll(async () => {
    try {
      await t.close();
    } finally {
      await redis.destroy();
    }
  }, 180_000);

  it('sign-in answers at once (no 429, no 500, no hang) and five wrong passwords still lock the account', async () => {
    const m = member;
    await redis.stop();
    // Up again as soon as the checks are done: the app's queue connections back off longer the longer Redis is away.
    try {
      for (let i = 0; i < 31; i++) {
        const started = Date.now();
        const res = await signIn(t);
        expect(res.status).toBe(401);
        // Bounded by the storage's 500 ms Redis timeout plus the sign-in slowdown, far below any client timeout.
        expect(Date.now() - started).toBeLessThan(5_000);
      }
      for (let i = 1; i <= 5; i++) expect((await signIn(t, undefined, m.phone, `wrong-${i}`)).status).toBe(401);
      // Locked silently: even the right password now gets the same answer as a wrong one (sign-in tells nobody
      // whether an account exists or is locked).
      const locked = await signIn(t, undefined, m.phone, PASSWORD);
      expect(locked.status).toBe(401);
      expect(locked.body.code).toBe('INVALID_CREDENTIALS');
    } finally {
      await redis.start();
    }
  }, 120_000);
});
