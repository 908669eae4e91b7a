import { isIP } from 'node:net';
import { LOG_LEVELS } from '../logging/logger.options';

/**
 * Every setting the service reads, validated once at boot. A bad or missing value stops the start with a
 * message naming each problem, instead of failing later in the middle of a request.
 */
export interface AppConfig {
  env: 'development' | 'test' | 'production';
  port: number;
  databaseUrl: string;
  databasePoolSize: number;
  /** Lists count matching rows exactly up to this many, then answer "at least" (LIST_COUNT_CAP, default 10,000). */
  listCountCap: number;
  redisUrl: string;
  queuePrefix: string;
  jwtSecret: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  /** Seconds after a refresh token's rotation in which presenting it again rotates again instead of revoking (0: never). */
  refreshReuseGraceSeconds: number;
  invitationTtlDays: number;
  loginMaxFailures: number;
  loginLockMinutes: number;
  loginSlowdownMs: number;
  runWorker: boolean;
  /**
   * SCHEDULED_JOBS (default true): a worker registers and runs the deadline job schedulers (calls closing, report
   * reminders). Tests that drive a sweep themselves with a test clock turn it off so no timer races them.
   */
  scheduledJobs: boolean;
  /** Per-address limits on sign-in and public forms (RATE_LIMIT=false turns them off, e.g. in tests). */
  rateLimit: boolean;
  /**
   * TRUST_PROXY → express `trust proxy`: `false` (default: the peer's address is the client's), a hop count, or a
   * comma-separated list of proxy addresses / CIDRs (`loopback`, `uniquelocal` and the other express names allowed).
   * Only a trusted peer's X-Forwarded-For is believed, so rate limits key on the real client behind a known proxy.
   */
  trustProxy: false | number | string[];
  outboxPollMs: number;
  bodyLimit: string;
  /** Body limit for requests without a bearer token (sign-in, refresh, public forms): they need little. */
  publicBodyLimit: string;
  /** JSON bodies deeper or with more members (keys plus array elements) are refused before parsing goes on. */
  jsonMaxDepth: number;
  jsonMaxMembers: number;
  /** A client must send its headers, and its whole request, within these (slow-client protection). */
  headersTimeoutMs: number;
  requestTimeoutMs: number;
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
  /** LOG_LEVEL in Nest's names (fatal, error, warn, log, debug, verbose) or pino's; `log` writes access lines. */
  logLevel: string;
  /** METRICS_TOKEN: bearer token Prometheus sends to /api/metrics; unset, the endpoint answers 404. */
  metricsToken?: string;
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

  const trustProxy = ((raw = (env.TRUST_PROXY ?? '').trim()): AppConfig['trustProxy'] => {
    if (raw === '' || raw === 'false' || raw === '0') return false;
    if (/^[0-9]+$/.test(raw)) return Number(raw);
    const names = new Set(['loopback', 'linklocal', 'uniquelocal']);
    const entries = raw.split(',').map((e) => e.trim()).filter(Boolean);
    const bad = entries.filter((e) => {
      if (names.has(e)) return false;
      const [ip, bits, extra] = e.split('/');
      const family = isIP(ip);
      if (!family || extra !== undefined) return true;
      return bits !== undefined && !(/^[0-9]+$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
    });
    // "true" (trust every peer) would let any client choose its own address and so its own rate-limit bucket.
    if (bad.length) problems.push(`TRUST_PROXY must be false, a hop count, or proxy addresses/CIDRs separated by commas (not: ${bad.join(', ')})`);
    return entries;
  })();

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

  const logLevel = env.LOG_LEVEL || 'log';
  if (!(logLevel in LOG_LEVELS)) problems.push(`LOG_LEVEL must be one of ${Object.keys(LOG_LEVELS).join(', ')} (got "${logLevel}")`);
  const metricsToken = env.METRICS_TOKEN || undefined;
  if (metricsToken !== undefined && (metricsToken.length < 24 || !/^[\x21-\x7e]+$/.test(metricsToken))) {
    problems.push('METRICS_TOKEN must be at least 24 printable characters without spaces (e.g. `openssl rand -hex 24`)');
  }

  const config: AppConfig = {
    env: nodeEnv as AppConfig['env'],
    port: int('PORT', 3000, 0, 65535),
    databaseUrl: url('DATABASE_URL', ['postgres:', 'postgresql:']),
    databasePoolSize: int('DATABASE_POOL_SIZE', 10, 1, 200),
    listCountCap: int('LIST_COUNT_CAP', 10_000, 1, 1_000_000),
    redisUrl: url('REDIS_URL', ['redis:', 'rediss:']),
    queuePrefix: env.QUEUE_PREFIX || 'sanshe',
    jwtSecret,
    accessTokenTtlSeconds: int('ACCESS_TOKEN_TTL_SECONDS', 900, 30, 3600),
    refreshTokenTtlDays: int('REFRESH_TOKEN_TTL_DAYS', 30, 1, 365),
    refreshReuseGraceSeconds: int('REFRESH_REUSE_GRACE_SECONDS', 30, 0, 300),
    invitationTtlDays: int('INVITATION_TTL_DAYS', 14, 1, 90),
    loginMaxFailures: int('LOGIN_MAX_FAILURES', 5, 1, 100),
    loginLockMinutes: int('LOGIN_LOCK_MINUTES', 15, 1, 1440),
    loginSlowdownMs: int('LOGIN_SLOWDOWN_MS', 400, 0, 10000),
    runWorker: bool('RUN_WORKER', true),
    scheduledJobs: bool('SCHEDULED_JOBS', true),
    rateLimit: bool('RATE_LIMIT', true),
    trustProxy,
    outboxPollMs: int('OUTBOX_POLL_MS', 1000, 10, 60000),
    bodyLimit: env.BODY_LIMIT || '1mb',
    publicBodyLimit: env.PUBLIC_BODY_LIMIT || '32kb',
    jsonMaxDepth: int('JSON_MAX_DEPTH', 32, 2, 1000),
    jsonMaxMembers: int('JSON_MAX_MEMBERS', 10_000, 10, 1_000_000),
    headersTimeoutMs: int('HTTP_HEADERS_TIMEOUT_MS', 20_000, 1000, 600_000),
    requestTimeoutMs: int('HTTP_REQUEST_TIMEOUT_MS', 120_000, 1000, 3_600_000),
    smtpUrl,
    mailFrom,
    smsTransport: smsTransport as AppConfig['smsTransport'],
    publicBaseUrl: env.PUBLIC_BASE_URL || 'http://localhost:3000',
    platformOperator,
    masterKey,
    logLevel,
    metricsToken,
  };
  if (config.headersTimeoutMs > config.requestTimeoutMs) problems.push('HTTP_HEADERS_TIMEOUT_MS must not exceed HTTP_REQUEST_TIMEOUT_MS');
  if (problems.length) throw new ConfigError(problems);
  return config;
}
