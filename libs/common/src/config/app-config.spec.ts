import { ConfigError, loadConfig } from './app-config';

const base = {
  DATABASE_URL: 'postgresql://app:pw@127.0.0.1:5432/sanshe',
  REDIS_URL: 'redis://127.0.0.1:6379',
  JWT_SECRET: 'x'.repeat(40),
  MASTER_KEY: Buffer.alloc(32, 7).toString('base64'),
};

describe('configuration is validated at boot', () => {
  it('accepts a complete environment and fills the defaults', () => {
    const c = loadConfig(base);
    expect(c.port).toBe(3000);
    expect(c.loginMaxFailures).toBe(5);
    expect(c.runWorker).toBe(true);
  });

  it('refuses to start with every problem listed, not just the first', () => {
    let error: ConfigError | undefined;
    try {
      loadConfig({ ...base, DATABASE_URL: 'mysql://x', REDIS_URL: '', JWT_SECRET: 'short', PORT: 'eighty', RUN_WORKER: 'maybe' });
    } catch (e) {
      error = e as ConfigError;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(error!.problems).toEqual(expect.arrayContaining([
      'DATABASE_URL must use postgres: or postgresql:',
      'REDIS_URL is required',
      'JWT_SECRET must be at least 32 characters',
      'PORT must be an integer from 0 to 65535 (got "eighty")',
      'RUN_WORKER must be true or false (got "maybe")',
    ]));
  });

  it('a platform operator needs both a login and a long enough password', () => {
    expect(() => loadConfig({ ...base, PLATFORM_OPERATOR_LOGIN: '13800000000' })).toThrow(/PLATFORM_OPERATOR_PASSWORD is required/);
    expect(() => loadConfig({ ...base, PLATFORM_OPERATOR_LOGIN: '13800000000', PLATFORM_OPERATOR_PASSWORD: 'short' })).toThrow(/at least 10/);
  });

  it('refuses an unknown LOG_LEVEL and a weak METRICS_TOKEN; metrics stay off when the token is unset', () => {
    expect(loadConfig(base)).toMatchObject({ logLevel: 'log', metricsToken: undefined });
    expect(loadConfig({ ...base, LOG_LEVEL: 'warn', METRICS_TOKEN: 'a'.repeat(24) })).toMatchObject({ logLevel: 'warn', metricsToken: 'a'.repeat(24) });
    let error: ConfigError | undefined;
    try {
      loadConfig({ ...base, LOG_LEVEL: 'loud', METRICS_TOKEN: 'short' });
    } catch (e) {
      error = e as ConfigError;
    }
    expect(error?.problems).toEqual([
      expect.stringContaining('LOG_LEVEL must be one of'),
      expect.stringContaining('METRICS_TOKEN must be at least 24 printable characters'),
    ]);
  });
});
