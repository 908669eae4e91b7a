import { Logger } from '@nestjs/common';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { TenantTransactionRunner } from '@sanshe/tenancy';
import { EventHandlerRegistry } from './event-handler.registry';
import { DomainEventJob, QueueName } from './queue-names';

/**
 * Runs one (event, handler) job inside the event's district, in its own transaction. The worker is started
 * explicitly (autorun off) only in processes that run the worker role. A worker that dies mid-job (SIGKILL, OOM)
 * leaves a lock that expires in 15 s; another worker's stall check (every 5 s) then runs the job again — handlers
 * are idempotent, so a re-run is harmless, and the wait stays seconds rather than BullMQ's default minute.
 */
@Processor(QueueName.DomainEvents, { autorun: false, concurrency: 4, lockDuration: 15_000, stalledInterval: 5_000, maxStalledCount: 3 })
export class DomainEventProcessor extends WorkerHost {
  private readonly logger = new Logger(DomainEventProcessor.name);

  constructor(
    private readonly registry: EventHandlerRegistry,
    private readonly runner: TenantTransactionRunner,
  ) {
    super();
  }

  async process(job: Job<DomainEventJob>): Promise<void> {
    const { handler, event } = job.data;
    const bound = this.registry.get(handler);
    await this.runner.run({ tenantId: event.tenantId }, () => bound.run(event));
    this.logger.debug(`Handled ${event.type} with ${handler} (event ${event.id})`);
  }
}
