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
});

describe('mail settings', () => {
  it('takes an SMTP URL and a sender, and sends texts to the dev mailbox outside production', () => {
    const c = loadConfig({ ...base, SMTP_URL: 'smtp://127.0.0.1:1025', MAIL_FROM: '三社联动 <no-reply@example.cn>' });
    expect(c.smtpUrl).toBe('smtp://127.0.0.1:1025');
    expect(c.mailFrom).toBe('三社联动 <no-reply@example.cn>');
    expect(c.smsTransport).toBe('mailbox');
    expect(loadConfig(base).smsTransport).toBe('log');
  });

  it('refuses a bad SMTP URL or sender, and production without SMTP or with the dev mailbox', () => {
    expect(() => loadConfig({ ...base, SMTP_URL: 'http://mail.example.cn' })).toThrow(/SMTP_URL must use smtp: or smtps:/);
    expect(() => loadConfig({ ...base, SMTP_URL: 'not a url' })).toThrow(/SMTP_URL is not a valid URL/);
    expect(() => loadConfig({ ...base, MAIL_FROM: 'nobody' })).toThrow(/MAIL_FROM must be an address/);
    expect(() => loadConfig({ ...base, NODE_ENV: 'production' })).toThrow(/SMTP_URL is required in production[\s\S]*MAIL_FROM is required/);
    expect(() => loadConfig({ ...base, NODE_ENV: 'production', SMTP_URL: 'smtps://u:p@smtp.example.cn', MAIL_FROM: 'a@example.cn', SMS_TRANSPORT: 'mailbox' }))
      .toThrow(/SMS_TRANSPORT=mailbox/);
  });
});
