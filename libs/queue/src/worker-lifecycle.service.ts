import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { APP_CONFIG, AppConfig } from '@sanshe/common';
import { DomainEventProcessor } from './domain-event.processor';
import { EVENTS_PRODUCER } from './events-producer';
import { OutboxRelay } from './outbox.relay';

/** Starts the relay and the job workers in processes that run the worker role, and stops them cleanly. */
@Injectable()
export class WorkerLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WorkerLifecycle.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly relay: OutboxRelay,
    private readonly processor: DomainEventProcessor,
    @Inject(EVENTS_PRODUCER) private readonly queue: Queue,
  ) {}

  onApplicationBootstrap(): void {
    // Connection errors while Redis is down are expected and retried; log them once in a while, not per retry.
    let lastLogged = 0;
    const quiet = (err: Error) => {
      if (Date.now() - lastLogged > 10_000) {
        lastLogged = Date.now();
        this.logger.warn(`Redis: ${err.message}`);
      }
    };
    this.queue.on('error', quiet);
    this.processor.worker.on('error', quiet);
    if (!this.config.runWorker) return;
    void this.processor.worker.run().catch((err) => this.logger.error(err));
    this.relay.start();
    this.logger.log('Worker role started: outbox relay and job processors');
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay.stop();
    await this.processor.worker.close().catch(() => undefined);
    await this.queue.close().catch(() => undefined);
  }
}
