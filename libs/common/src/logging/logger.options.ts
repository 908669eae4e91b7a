import type { IncomingMessage, ServerResponse } from 'node:http';
import pino, { DestinationStream, Level, LevelWithSilent, Logger, LoggerOptions } from 'pino';
import type { Options as PinoHttpOptions } from 'pino-http';
import { currentContext } from '../context/request-context';
import { assignRequestId, requestState } from '../http/request-id.middleware';
import { REDACTED, scrubValue } from './redaction';

/**
 * LOG_LEVEL keeps Nest's names (`log` writes the access line, `warn` silences it); pino's own names are accepted
 * too. One table so config validation and the logger agree.
 */
export const LOG_LEVELS: Record<string, LevelWithSilent> = {
  silent: 'silent',
  fatal: 'fatal',
  error: 'error',
  warn: 'warn',
  log: 'info',
  info: 'info',
  debug: 'debug',
  verbose: 'trace',
  trace: 'trace',
};

export function pinoLevel(level: string | undefined): LevelWithSilent {
  return LOG_LEVELS[level ?? 'log'] ?? 'info';
}

/** Options shared by the HTTP logger and the one used before the app exists (start-up and fatal errors). */
export function baseLoggerOptions(level: string | undefined): LoggerOptions {
  return {
    level: pinoLevel(level),
    base: undefined, // pid and hostname belong to the log shipper, not every line
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    // The district and person of the current request or job on every line; the access line sets its own.
    mixin: () => {
      const ctx = currentContext();
      return ctx ? { tenantId: ctx.tenantId, userId: ctx.actor?.userId } : {};
    },
    // Fixed paths first (cheap), then the deep scrub of every argument for whatever a service chose to log.
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'], censor: REDACTED },
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((a) => scrubValue(a)) as Parameters<typeof method>);
      },
    },
  };
}

/** For main.ts / worker.ts / cli.ts: lines written before Nest's logger is up, in the same format. */
export function createRootLogger(level = process.env.LOG_LEVEL, stream?: DestinationStream): Logger {
  return stream ? pino(baseLoggerOptions(level), stream) : pino(baseLoggerOptions(level));
}

type Req = IncomingMessage & { originalUrl?: string; id?: unknown };

/**
 * pino-http options: one access line per request at `info` with the facts the hand-written logger wrote (request
 * id, method, path without the query string — queries can carry tokens and search terms —, status, duration,
 * district, person). The per-request child logger carries only the request id, so a quiet level costs no
 * serialisation.
 */
export function httpLoggerOptions(level: string | undefined): PinoHttpOptions<Req, ServerResponse> {
  const base = baseLoggerOptions(level);
  const accessLines = pino.levels.values[base.level as Level] !== undefined && pino.levels.values[base.level as Level] <= pino.levels.values.info;
  return {
    ...base,
    genReqId: (req, res) => assignRequestId(req, res),
    quietReqLogger: true,
    quietResLogger: true,
    customAttributeKeys: { reqId: 'requestId', responseTime: 'durationMs' },
    autoLogging: accessLines,
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : 'info'),
    customSuccessMessage: () => 'request',
    customErrorMessage: () => 'request',
    customSuccessObject: (req, res, val: { durationMs?: number }) => accessFacts(req, res, val.durationMs),
    customErrorObject: (req, res, _err, val: { durationMs?: number }) => accessFacts(req, res, val.durationMs),
  };
}

function accessFacts(req: Req, res: ServerResponse, durationMs: number | undefined): Record<string, unknown> {
  const state = requestState(req);
  return {
    context: 'Http',
    method: req.method,
    path: (req.originalUrl ?? req.url ?? '').split('?')[0],
    status: res.statusCode,
    durationMs,
    tenantId: state?.tenantId,
    userId: state?.actor?.userId,
  };
}
