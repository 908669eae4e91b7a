import { LoggerService, LogLevel } from '@nestjs/common';
import { currentContext } from '../context/request-context';

const LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/**
 * Structured JSON lines on stdout with the request id and tenant id of the current context, so a log search can
 * follow one request or one district. Level threshold from LOG_LEVEL (default `log`).
 */
export class JsonLogger implements LoggerService {
  private readonly threshold: number;

  constructor(level: string = process.env.LOG_LEVEL ?? 'log') {
    const idx = LEVELS.indexOf(level as LogLevel);
    this.threshold = idx < 0 ? LEVELS.indexOf('log') : idx;
  }

  log(message: unknown, ...rest: unknown[]) { this.write('log', message, rest); }
  error(message: unknown, ...rest: unknown[]) { this.write('error', message, rest); }
  warn(message: unknown, ...rest: unknown[]) { this.write('warn', message, rest); }
  debug(message: unknown, ...rest: unknown[]) { this.write('debug', message, rest); }
  verbose(message: unknown, ...rest: unknown[]) { this.write('verbose', message, rest); }
  fatal(message: unknown, ...rest: unknown[]) { this.write('fatal', message, rest); }

  private write(level: LogLevel, message: unknown, rest: unknown[]): void {
    if (LEVELS.indexOf(level) > this.threshold) return;
    const ctx = currentContext();
    // Nest passes the context name as the last string argument; an Error's stack may come before it.
    const context = typeof rest[rest.length - 1] === 'string' ? (rest[rest.length - 1] as string) : undefined;
    const extra = rest.slice(0, context ? -1 : undefined);
    const line: Record<string, unknown> = {
      time: new Date().toISOString(),
      level,
      context,
      requestId: ctx?.requestId,
      tenantId: ctx?.tenantId,
      userId: ctx?.actor?.userId,
    };
    if (message instanceof Error) {
      line.msg = message.message;
      line.stack = message.stack;
    } else if (typeof message === 'object' && message !== null) {
      Object.assign(line, message);
    } else {
      line.msg = String(message);
    }
    if (extra.length === 1 && typeof extra[0] === 'string' && level === 'error') line.stack = extra[0];
    else if (extra.length) line.extra = extra;
    (level === 'error' || level === 'fatal' ? process.stderr : process.stdout).write(JSON.stringify(line) + '\n');
  }
}
