import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { RequestContextState, requestContext } from '../context/request-context';
import { JsonLogger } from '../logging/json-logger';

const accessLog = new JsonLogger();

const SAFE_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * Opens the request's context first thing, so every log line, error body and audit row carries the same id, and
 * writes one JSON access-log line per request (method, route path, status, duration, district, person) when it
 * ends (at level `log`: LOG_LEVEL=warn silences it). A well-formed `X-Request-Id` from a gateway is kept; anything else is replaced.
 */
export function requestIdMiddleware(req: Request, res: Response, next: NextFunction): void {
  const incoming = req.header('x-request-id');
  const requestId = incoming && SAFE_ID.test(incoming) ? incoming : randomUUID();
  res.setHeader('X-Request-Id', requestId);
  const state: RequestContextState = { requestId };
  const started = process.hrtime.bigint();
  res.once('finish', () => {
    requestContext.run(state, () =>
      accessLog.log({
        msg: 'request',
        method: req.method,
        path: req.originalUrl.split('?')[0],
        status: res.statusCode,
        durationMs: Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10,
      }, 'Http'));
  });
  requestContext.run(state, () => next());
}
