import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { requestContext } from '../context/request-context';

const SAFE_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * Opens the request's context first thing, so every log line, error body and audit row carries the same id.
 * A well-formed `X-Request-Id` from a gateway is kept; anything else is replaced.
 */
export function requestIdMiddleware(req: Request, res: Response, next: NextFunction): void {
  const incoming = req.header('x-request-id');
  const requestId = incoming && SAFE_ID.test(incoming) ? incoming : randomUUID();
  res.setHeader('X-Request-Id', requestId);
  requestContext.run({ requestId }, () => next());
}
