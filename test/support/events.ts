import { Queue } from 'bullmq';
import { DomainEventJob, EVENTS_PRODUCER, EventHandlerRegistry } from '@sanshe/queue';
import { TestApp, eventually } from './test-app';

export type FinalState = 'completed' | 'failed';

/**
 * Waits (bounded) until every handler of one outbox event has finished — the relay has handed it over and each job
 * has completed or failed for good — and returns how each ended. A test that checks "nothing happened" waits for
 * this, the event that would have made it happen, instead of sleeping and hoping the worker was quick enough.
 */
export async function eventHandled(t: TestApp, eventId: string, type: string, timeoutMs = 30_000): Promise<Record<string, FinalState>> {
  const handlers = t.app.get(EventHandlerRegistry).handlersFor(type).map((h) => h.name);
  if (!handlers.length) throw new Error(`no handler listens to ${type}: nothing to wait for`);
  const queue = t.app.get<Queue<DomainEventJob>>(EVENTS_PRODUCER);
  const states: Record<string, FinalState> = {};
  for (const handler of handlers) {
    states[handler] = await eventually(async () => {
      const job = await queue.getJob(`${eventId}_${handler}`);
      if (!job) return null;
      const state = await job.getState();
      // BullMQ moves a job that will be retried to `delayed` (or back to `wait`): `failed` is final.
      return state === 'completed' || state === 'failed' ? state : null;
    }, timeoutMs);
  }
  return states;
}
