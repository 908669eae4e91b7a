import { AsyncLocalStorage } from 'node:async_hooks';
import type { EntityManager } from 'typeorm';
import { Role } from '../roles';

/** Who is acting. Filled from the verified access token and the membership row read at the start of the request. */
export interface Actor {
  userId: string;
  sessionId?: string;
  isPlatformOperator: boolean;
  /** Present once the person works inside a district. */
  membershipId?: string;
  roles: Role[];
  organisationId?: string | null;
}

/**
 * Per-request (or per-job) state carried by AsyncLocalStorage: the request id for logs, the actor, the district
 * (tenant) the work runs in, and the open transaction's entity manager. The tenant is only ever set from the
 * authenticated membership (HTTP) or from a job's payload written by the server (worker).
 */
export interface RequestContextState {
  requestId: string;
  actor?: Actor;
  tenantId?: string;
  manager?: EntityManager;
}

export const requestContext = new AsyncLocalStorage<RequestContextState>();

export function currentContext(): RequestContextState | undefined {
  return requestContext.getStore();
}
