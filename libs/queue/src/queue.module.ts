import { DynamicModule, Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { BullModule } from '@nestjs/bullmq';
import { APP_CONFIG, AppConfig } from '@sanshe/common';
import { DomainEventProcessor } from './domain-event.processor';
import { EVENTS_PRODUCER, createEventsProducer } from './events-producer';
import { EventHandlerRegistry } from './event-handler.registry';
import { OutboxRelay } from './outbox.relay';
import { OutboxService } from './outbox.service';
import { QueueName } from './queue-names';
import { EVENT_CATALOGUE, EventCatalogue } from './domain-event-map';
import { ScheduledJobProcessor } from './scheduled-job.processor';
import { ScheduledJobRegistry } from './scheduled-job.registry';
import { WorkerLifecycle } from './worker-lifecycle.service';

/**
 * Outbox + BullMQ: the outbox service for domain code; the relay, the job processors and the deadline job schedulers
 * for the worker role.
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
    BullModule.registerQueue({ name: QueueName.DomainEvents }, { name: QueueName.Schedules }),
  ],
  providers: [
    OutboxService, EventHandlerRegistry, OutboxRelay, DomainEventProcessor, WorkerLifecycle,
    ScheduledJobRegistry, ScheduledJobProcessor,
    { provide: EVENTS_PRODUCER, inject: [APP_CONFIG], useFactory: createEventsProducer },
  ],
  exports: [OutboxService, OutboxRelay, EVENTS_PRODUCER],
})
export class QueueModule {
  /** `catalogue` lists every event type raised in the application and who consumes it (checked at start-up). */
  static forRoot(catalogue: EventCatalogue): DynamicModule {
    return { module: QueueModule, providers: [{ provide: EVENT_CATALOGUE, useValue: catalogue }], exports: [EVENT_CATALOGUE] };
  }
}
