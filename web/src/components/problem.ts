import type { components } from '../api/schema';

/**
 * A refusal from the API: problem details with a stable `code`, a message per language and, for validation, field
 * errors — the types are the API's own (`ProblemDetails` in the OpenAPI document). Only `status`, `code` and
 * `message` are required here: a refusal made up on this side (network trouble, an unexpected body) has no more.
 */
export type FieldProblem = components['schemas']['ProblemFieldError'];
type ProblemDetails = components['schemas']['ProblemDetails'];
export type Problem = Pick<ProblemDetails, 'status' | 'code' | 'message'> & Partial<Omit<ProblemDetails, 'status' | 'code' | 'message'>>;

export class ProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.message?.en ?? problem.code);
  }
}

export function asProblem(body: unknown, status: number): Problem {
  const b = body as Partial<Problem> | null;
  if (b && typeof b === 'object' && typeof b.code === 'string' && b.message) return { ...b, status } as Problem;
  return { status, code: 'UNEXPECTED', message: { 'zh-CN': `请求失败（${status}）`, en: `Request failed (${status})` } };
}

export function problemMessage(p: Problem, lang: string): string {
  return lang.startsWith('en') ? p.message.en : p.message['zh-CN'];
}

/**
 * Whether a read that failed is worth asking again (TanStack Query's `retry`; its back-off is 1 s, then 2 s). Network
 * trouble is, and so is the API's own "briefly unavailable" (503 SERVICE_UNAVAILABLE: a database too slow or a pool
 * full for a moment, which the problem itself says to retry); a refusal (400/403/404/409…) will not change by asking
 * again. Two retries, so a page that cannot load says so within a few seconds.
 */
export function worthRetrying(failures: number, err: unknown): boolean {
  if (failures >= 2) return false;
  if (!(err instanceof ProblemError)) return true;
  return err.problem.status === 503;
}
