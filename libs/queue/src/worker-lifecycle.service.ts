import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { APP_CONFIG, AppConfig } from '@sanshe/common';
import { DomainEventProcessor } from './domain-event.processor';
import { EVENTS_PRODUCER } from './events-producer';
import { OutboxRelay } from './outbox.relay';
import { QueueName } from './queue-names';
import { ScheduledJobProcessor } from './scheduled-job.processor';
import { ScheduledJobRegistry } from './scheduled-job.registry';

/**
 * Starts the relay, the job workers and the deadline job schedulers in processes that run the worker role, and
 * stops them cleanly. API processes (RUN_WORKER=false) start none of them: with N APIs and M workers, each
 * deadline job still fires once per interval, because the schedule lives in Redis (BullMQ job schedulers, upserted
 * under a fixed id by every worker) and each fired job is taken by one worker.
 */
@Injectable()
export class WorkerLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WorkerLifecycle.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly relay: OutboxRelay,
    private readonly processor: DomainEventProcessor,
    private readonly scheduledProcessor: ScheduledJobProcessor,
    private readonly scheduled: ScheduledJobRegistry,
    @Inject(EVENTS_PRODUCER) private readonly queue: Queue,
    @InjectQueue(QueueName.Schedules) private readonly schedules: Queue,
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
    this.schedules.on('error', quiet);
    this.processor.worker.on('error', quiet);
    this.scheduledProcessor.worker.on('error', quiet);
    if (!this.config.runWorker) return;
    void this.processor.worker.run().catch((err) => this.logger.error(err));
    this.relay.start();
    if (this.config.scheduledJobs) {
      void this.scheduledProcessor.worker.run().catch((err) => this.logger.error(err));
      // Not awaited: with Redis down at start the connection waits for it, and the schedules are made when it returns.
      void this.registerSchedules().catch((err) => this.logger.error(`Could not register job schedulers: ${(err as Error).message}`));
    }
    this.logger.log('Worker role started: outbox relay and job processors');
  }

  /** Upserts one scheduler per `@ScheduledJob` (same id everywhere, so M workers make one) and drops retired ones. */
  private async registerSchedules(): Promise<void> {
    const declared = this.scheduled.all();
    for (const job of declared) {
      await this.schedules.upsertJobScheduler(job.name, { every: job.everyMs }, {
        name: job.name,
        data: {},
        opts: { attempts: 1, removeOnComplete: { count: 200 }, removeOnFail: { count: 200 } },
      });
    }
    const names = new Set(declared.map((j) => j.name));
    for (const existing of await this.schedules.getJobSchedulers()) {
      const id = existing.id ?? existing.key;
      if (!names.has(existing.name) && id) await this.schedules.removeJobScheduler(id);
    }
    this.logger.log(`Job schedulers: ${declared.map((j) => `${j.name} every ${j.everyMs} ms`).join(', ') || 'none'}`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay.stop();
    await this.processor.worker.close().catch(() => undefined);
    await this.scheduledProcessor.worker.close().catch(() => undefined);
    await this.queue.close().catch(() => undefined);
  }
}
