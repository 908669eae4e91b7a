import { SetMetadata } from '@nestjs/common';

export const EVENT_HANDLER = Symbol('EVENT_HANDLER');

export interface EventHandlerMeta {
  /** The outbox event type handled, e.g. `membership.invited`. */
  eventType: string;
  /** Stable name of this handler; part of the job id, so keep it when refactoring. */
  name: string;
}

/**
 * Marks a provider method as the handler of a domain event. The handler runs inside the event's district in its
 * own transaction and must be idempotent: a job may be delivered again after a crash.
 */
export const OnDomainEvent = (eventType: string, name: string) => SetMetadata(EVENT_HANDLER, { eventType, name });
