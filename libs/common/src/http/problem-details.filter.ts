import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { currentContext } from '../context/request-context';
import { DomainException } from '../domain.exception';
import { COMMON_ERRORS, CommonErrorCode } from '../error-code';
import { commonError } from '../errors';
import { isDependencyUnavailable } from './dependency-unavailable';

/**
 * The one place errors become HTTP responses: RFC 9457 problem details with a stable `code`, a zh-CN and an en
 * message, field errors when validation failed, and the request id to quote to support. Unknown errors are logged
 * with their stack and answered as a generic 500 without internals.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const err = this.toDomain(exception);
    // A dependency that is down (503) is expected and already answered well: a warning, so that a real 500's stack is
    // not buried under hundreds of them while PostgreSQL restarts.
    if (err.status === 503) this.logger.warn(`dependency unavailable: ${exception instanceof Error ? exception.message : String(exception)}`);
    else if (err.status >= 500) this.logger.error(exception instanceof Error ? exception : String(exception), (exception as Error)?.stack);
    const body: Record<string, unknown> = {
      type: `https://sanshe.cn/problems/${err.code.toLowerCase().replace(/_/g, '-')}`,
      title: err.messageEn,
      status: err.status,
      code: err.code,
      message: { 'zh-CN': err.messageZh, en: err.messageEn },
      requestId: currentContext()?.requestId,
    };
    if (err.detail) body.detail = err.detail;
    if (err.status === 503) res.setHeader('Retry-After', '5');
    if (err.fieldErrors?.length) body.errors = err.fieldErrors;
    if (res.headersSent) return;
    res.status(err.status).type('application/problem+json').send(JSON.stringify(body));
  }

  private toDomain(exception: unknown): DomainException {
    if (exception instanceof DomainException) return exception;
    // PostgreSQL restarting or unreachable, a pool that cannot hand out a connection in time: the request may be
    // retried, so say so (503 + Retry-After) instead of a 500 that reads like a bug.
    if (isDependencyUnavailable(exception)) return commonError(CommonErrorCode.SERVICE_UNAVAILABLE);
    if (exception instanceof HttpException) return this.fromHttp(exception);
    const e = exception as { type?: string; status?: number; statusCode?: number };
    // Errors raised by Express's body parser before Nest sees the request.
    if (e?.type === 'entity.parse.failed') return commonError(CommonErrorCode.MALFORMED_JSON);
    if (e?.type === 'entity.too.complex') return commonError(CommonErrorCode.JSON_TOO_COMPLEX);
    if (e?.type === 'entity.too.large') return commonError(CommonErrorCode.PAYLOAD_TOO_LARGE);
    if (e?.type === 'encoding.unsupported' || e?.type === 'charset.unsupported') return commonError(CommonErrorCode.UNSUPPORTED_MEDIA_TYPE);
    // The router could not percent-decode a path segment (e.g. an encoded lone surrogate).
    if (exception instanceof URIError) return commonError(CommonErrorCode.INVALID_CHARACTERS);
    if (exception instanceof QueryFailedError) return this.fromDatabase(exception);
    return commonError(CommonErrorCode.INTERNAL_ERROR);
  }

  private fromHttp(exception: HttpException): DomainException {
    const status = exception.getStatus();
    const cause = (exception as { cause?: { type?: string } }).cause;
    if (status === 400 && cause?.type === 'entity.parse.failed') return commonError(CommonErrorCode.MALFORMED_JSON);
    if (status === 400 && cause?.type === 'entity.too.complex') return commonError(CommonErrorCode.JSON_TOO_COMPLEX);
    if (status === 400 && cause instanceof URIError) return commonError(CommonErrorCode.INVALID_CHARACTERS);
    const byStatus: Record<number, CommonErrorCode> = {
      400: CommonErrorCode.VALIDATION_FAILED,
      401: CommonErrorCode.UNAUTHENTICATED,
      403: CommonErrorCode.FORBIDDEN_ROLE,
      404: CommonErrorCode.ROUTE_NOT_FOUND,
      409: CommonErrorCode.CONFLICT,
      413: CommonErrorCode.PAYLOAD_TOO_LARGE,
      415: CommonErrorCode.UNSUPPORTED_MEDIA_TYPE,
      429: CommonErrorCode.RATE_LIMITED,
    };
    const code = byStatus[status];
    if (code) return commonError(code);
    const def = { status, zh: '请求无法处理', en: exception.message };
    return new DomainException(status >= 500 ? CommonErrorCode.INTERNAL_ERROR : 'HTTP_' + status, status >= 500 ? COMMON_ERRORS.INTERNAL_ERROR : def);
  }

  /**
   * Constraint violations that escape a service still answer 4xx: the database is the last line of defence. The
   * answer never names a constraint, table or column: those are the schema, not the client's business (and a
   * foreign-key name told which kinds of record exist). The log keeps them for us.
   */
  private fromDatabase(e: QueryFailedError): DomainException {
    const pg = (e as unknown as { driverError?: { code?: string; constraint?: string } }).driverError;
    if (pg?.code !== '40001' && pg?.code !== '40P01') this.logger.warn(`database refused a write: ${pg?.code} ${pg?.constraint ?? ''}`);
    switch (pg?.code) {
      case '23505':
        return commonError(CommonErrorCode.CONFLICT);
      case '23503': // a reference to a row that does not exist in this district
        return commonError(CommonErrorCode.NOT_FOUND);
      case '22P02':
      case '22003':
      case '22007': // invalid_datetime_format: a date or timestamp the database cannot read (e.g. a tampered cursor)
      case '22008': // datetime_field_overflow: an impossible day such as 2026-09-31
      case '23514':
        return commonError(CommonErrorCode.VALIDATION_FAILED);
      case '40001':
      case '40P01':
        return commonError(CommonErrorCode.CONFLICT, { retry: true });
      case '42501': // row-level security refused a row carrying another tenant
        return commonError(CommonErrorCode.NOT_FOUND);
      default:
        return commonError(CommonErrorCode.INTERNAL_ERROR);
    }
  }
}
