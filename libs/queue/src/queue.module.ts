import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { BullModule } from '@nestjs/bullmq';
import { APP_CONFIG, AppConfig } from '@sanshe/common';
import { DomainEventProcessor } from './domain-event.processor';
import { EventHandlerRegistry } from './event-handler.registry';
import { OutboxRelay } from './outbox.relay';
import { OutboxService } from './outbox.service';
import { QueueName } from './queue-names';
import { WorkerLifecycle } from './worker-lifecycle.service';

/**
 * Outbox + BullMQ. Workers keep ioredis' offline queue (they wait for Redis); producers fail fast instead, so the
 * relay notices Redis is down at once and leaves events in the outbox.
 */
@Global()
@Module({
  imports: [
    DiscoveryModule,
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        connection: { url: config.redisUrl, maxRetriesPerRequest: null },
        prefix: config.queuePrefix,
      }),
    }),
    BullModule.registerQueueAsync({
      name: QueueName.DomainEvents,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        connection: { url: config.redisUrl, enableOfflineQueue: false, maxRetriesPerRequest: 1 },
        prefix: config.queuePrefix,
        defaultJobOptions: {
          attempts: 8,
          backoff: { type: 'exponential', delay: 1000 },
          // Keep finished jobs' ids a week so a re-added job id is recognised as a duplicate.
          removeOnComplete: { age: 7 * 24 * 3600 },
          removeOnFail: { age: 30 * 24 * 3600 },
        },
      }),
    }),
  ],
  providers: [OutboxService, EventHandlerRegistry, OutboxRelay, DomainEventProcessor, WorkerLifecycle],
  exports: [OutboxService, OutboxRelay, BullModule],
})
export class QueueModule {}
