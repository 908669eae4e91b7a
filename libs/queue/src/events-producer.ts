import { Queue } from 'bullmq';
import { AppConfig } from '@sanshe/common';
import { QueueName } from './queue-names';

export const EVENTS_PRODUCER = Symbol('EVENTS_PRODUCER');

/**
 * The producer side of the domain-events queue, on its own connection without ioredis' offline queue: while Redis
 * is down an add fails at once (the relay leaves the events in the outbox) instead of piling up in memory.
 * Workers keep the default connection, which waits for Redis to come back.
 */
export function createEventsProducer(config: AppConfig): Queue {
  return new Queue(QueueName.DomainEvents, {
    connection: { url: config.redisUrl, enableOfflineQueue: false, maxRetriesPerRequest: 1 },
    prefix: config.queuePrefix,
    defaultJobOptions: {
      attempts: 8,
      backoff: { type: 'exponential', delay: 1000 },
      // A finished job's id must outlive the relay's re-add window (seconds: a crash between adding and marking) so
      // the copy is recognised as a duplicate; a day is ample. Not longer: a job holds its event's payload, and
      // Redis dumps are not where personal data should pile up. Failed jobs stay a week for investigation.
      removeOnComplete: { age: 24 * 3600 },
      removeOnFail: { age: 7 * 24 * 3600 },
    },
  });
}
