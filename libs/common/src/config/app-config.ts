/**
 * Every setting the service reads, validated once at boot. A bad or missing value stops the start with a
 * message naming each problem, instead of failing later in the middle of a request.
 */
export interface AppConfig {
  env: 'development' | 'test' | 'production';
  port: number;
  databaseUrl: string;
  databasePoolSize: number;
  redisUrl: string;
  queuePrefix: string;
  jwtSecret: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  invitationTtlDays: number;
  loginMaxFailures: number;
  loginLockMinutes: number;
  loginSlowdownMs: number;
  runWorker: boolean;
  /** Per-address limits on sign-in and public forms (RATE_LIMIT=false turns them off, e.g. in tests). */
  rateLimit: boolean;
  outboxPollMs: number;
  bodyLimit: string;
  /** SMTP_URL (smtp:// or smtps://, credentials in the URL). Required in production; unset elsewhere, e-mail is only logged. */
  smtpUrl?: string;
  /** MAIL_FROM: the sender of every e-mail, e.g. `三社联动 <no-reply@example.cn>`. */
  mailFrom: string;
  /**
   * SMS_TRANSPORT: `log` records that a text would have gone out (until a gateway adapter is configured); `mailbox`,
   * for development and tests only, delivers each text as an e-mail to `<phone>@sms.localhost` in the SMTP mailbox.
   */
  smsTransport: 'log' | 'mailbox';
  publicBaseUrl: string;
  platformOperator?: { login: string; password: string; name: string };
  /** MASTER_KEY: base64 of 32 bytes; wraps each district's data keys (libs/crypto). Required in production. */
  masterKey?: string;
}

export const APP_CONFIG = Symbol('APP_CONFIG');

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const problems: string[] = [];
  const str = (name: string, fallback?: string): string => {
    const v = env[name] ?? fallback;
    if (v === undefined || v === '') problems.push(`${name} is required`);
    return v ?? '';
  };
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) problems.push(`${name} must be an integer from ${min} to ${max} (got "${raw}")`);
    return n;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    if (!['true', 'false', '1', '0'].includes(raw)) problems.push(`${name} must be true or false (got "${raw}")`);
    return raw === 'true' || raw === '1';
  };
  const url = (name: string, protocols: string[]): string => {
    const v = str(name);
    if (v) {
      try {
        const u = new URL(v);
        if (!protocols.includes(u.protocol)) problems.push(`${name} must use ${protocols.join(' or ')}`);
      } catch {
        problems.push(`${name} is not a valid URL`);
      }
    }
    return v;
  };

  const nodeEnv = env.NODE_ENV ?? 'development';
  if (!['development', 'test', 'production'].includes(nodeEnv)) problems.push('NODE_ENV must be development, test or production');
  const jwtSecret = str('JWT_SECRET');
  if (jwtSecret && jwtSecret.length < 32) problems.push('JWT_SECRET must be at least 32 characters');
  const smtpUrl = env.SMTP_URL?.trim() || undefined;
  if (smtpUrl) {
    try {
      if (!['smtp:', 'smtps:'].includes(new URL(smtpUrl).protocol)) problems.push('SMTP_URL must use smtp: or smtps:');
    } catch {
      problems.push('SMTP_URL is not a valid URL (e.g. smtps://user:password@smtp.example.cn:465)');
    }
  } else if (nodeEnv === 'production') {
    problems.push('SMTP_URL is required in production (invitations are sent by e-mail)');
  }
  const mailFrom = env.MAIL_FROM?.trim() || (nodeEnv === 'production' ? '' : '三社联动 <no-reply@sanshe.localhost>');
  if (!mailFrom) problems.push('MAIL_FROM is required in production (e.g. "三社联动 <no-reply@example.cn>")');
  else if (!/^(?:[^<>@\r\n]*<[^<>@\s]+@[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+)$/.test(mailFrom)) {
    problems.push(`MAIL_FROM must be an address or "Name <address>" (got "${mailFrom}")`);
  }
  const smsTransport = env.SMS_TRANSPORT?.trim() || (smtpUrl && nodeEnv !== 'production' ? 'mailbox' : 'log');
  if (!['log', 'mailbox'].includes(smsTransport)) problems.push('SMS_TRANSPORT must be log or mailbox');
  if (smsTransport === 'mailbox' && (nodeEnv === 'production' || !smtpUrl)) {
    problems.push('SMS_TRANSPORT=mailbox needs SMTP_URL and is for development and tests only');
  }

  let platformOperator: AppConfig['platformOperator'];
  if (env.PLATFORM_OPERATOR_LOGIN || env.PLATFORM_OPERATOR_PASSWORD) {
    const login = str('PLATFORM_OPERATOR_LOGIN');
    const password = str('PLATFORM_OPERATOR_PASSWORD');
    if (password && password.length < 10) problems.push('PLATFORM_OPERATOR_PASSWORD must be at least 10 characters');
    platformOperator = { login, password, name: env.PLATFORM_OPERATOR_NAME ?? '平台运营' };
  }

  const masterKey = env.MASTER_KEY?.trim() || undefined;
  if (masterKey && (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(masterKey) || Buffer.from(masterKey.replace(/-/g, '+').replace(/_/g, '/'), 'base64').length !== 32)) {
    problems.push('MASTER_KEY must be base64 of exactly 32 random bytes (e.g. `openssl rand -base64 32`)');
  }
  if (!masterKey && nodeEnv === 'production') problems.push('MASTER_KEY is required in production (base64 of 32 random bytes)');

  const config: AppConfig = {
    env: nodeEnv as AppConfig['env'],
    port: int('PORT', 3000, 0, 65535),
    databaseUrl: url('DATABASE_URL', ['postgres:', 'postgresql:']),
    databasePoolSize: int('DATABASE_POOL_SIZE', 10, 1, 200),
    redisUrl: url('REDIS_URL', ['redis:', 'rediss:']),
    queuePrefix: env.QUEUE_PREFIX || 'sanshe',
    jwtSecret,
    accessTokenTtlSeconds: int('ACCESS_TOKEN_TTL_SECONDS', 900, 30, 3600),
    refreshTokenTtlDays: int('REFRESH_TOKEN_TTL_DAYS', 30, 1, 365),
    invitationTtlDays: int('INVITATION_TTL_DAYS', 14, 1, 90),
    loginMaxFailures: int('LOGIN_MAX_FAILURES', 5, 1, 100),
    loginLockMinutes: int('LOGIN_LOCK_MINUTES', 15, 1, 1440),
    loginSlowdownMs: int('LOGIN_SLOWDOWN_MS', 400, 0, 10000),
    runWorker: bool('RUN_WORKER', true),
    rateLimit: bool('RATE_LIMIT', true),
    outboxPollMs: int('OUTBOX_POLL_MS', 1000, 10, 60000),
    bodyLimit: env.BODY_LIMIT || '1mb',
    smtpUrl,
    mailFrom,
    smsTransport: smsTransport as AppConfig['smsTransport'],
    publicBaseUrl: env.PUBLIC_BASE_URL || 'http://localhost:3000',
    platformOperator,
    masterKey,
  };
  if (problems.length) throw new ConfigError(problems);
  return config;
}
