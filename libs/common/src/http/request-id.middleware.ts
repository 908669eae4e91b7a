import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import { RequestContextState, requestContext } from '../context/request-context';

const SAFE_ID = /^[A-Za-z0-9._:-]{8,128}$/;
const STATE = Symbol('sanshe.requestState');

type WithId = IncomingMessage & { id?: unknown; [STATE]?: RequestContextState };

/**
 * The request's id, decided once whichever middleware asks first (the access logger or the context below): a
 * well-formed `X-Request-Id` from a gateway is kept, anything else is replaced, and the response echoes it.
 */
export function assignRequestId(req: IncomingMessage, res: ServerResponse): string {
  const r = req as WithId;
  if (typeof r.id === 'string') return r.id;
  const incoming = req.headers['x-request-id'];
  const id = typeof incoming === 'string' && SAFE_ID.test(incoming) ? incoming : randomUUID();
  r.id = id;
  if (!res.headersSent) res.setHeader('X-Request-Id', id);
  return id;
}

/** The request's context (district and person once known), for the access-log line written when it ends. */
export function requestState(req: IncomingMessage): RequestContextState | undefined {
  return (req as WithId)[STATE];
}

/**
 * Opens the request's context first thing, so every log line, error body and audit row carries the same id. The
 * tenant runner and the access interceptor fill in the district and the person on this same object.
 */
export function requestIdMiddleware(req: Request, res: Response, next: NextFunction): void {
  const state: RequestContextState = { requestId: assignRequestId(req, res) };
  (req as unknown as WithId)[STATE] = state;
  requestContext.run(state, () => next());
}
