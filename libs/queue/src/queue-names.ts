/** Every BullMQ queue the platform uses. Jobs are named by what they do; payloads always carry the tenant. */
export enum QueueName {
  /** Domain events relayed from the outbox, fanned out one job per (event, handler). */
  DomainEvents = 'domain-events',
  /** Deadline sweeps fired by BullMQ job schedulers (`@ScheduledJob`): once per interval per cluster. */
  Schedules = 'schedules',
}

/** A domain event as stored in the outbox and delivered to handlers. */
export interface DomainEvent<P = Record<string, unknown>> {
  id: string;
  tenantId: string;
  type: string;
  payload: P;
  requestId?: string | null;
}

/** The job payload on QueueName.DomainEvents: the event plus which handler must run it. */
export interface DomainEventJob {
  handler: string;
  event: DomainEvent;
}
