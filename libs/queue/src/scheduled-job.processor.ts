import { Logger } from '@nestjs/common';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { QueueName } from './queue-names';
import { ScheduledJobRegistry } from './scheduled-job.registry';

/**
 * Runs the deadline job a scheduler fired. Started explicitly (autorun off) only in worker processes; one job at a
 * time per worker, since each is a sweep over every district.
 */
@Processor(QueueName.Schedules, { autorun: false, concurrency: 1 })
export class ScheduledJobProcessor extends WorkerHost {
  private readonly logger = new Logger(ScheduledJobProcessor.name);

  constructor(private readonly registry: ScheduledJobRegistry) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    const result = await this.registry.get(job.name).run();
    this.logger.debug(`Scheduled job ${job.name} (${job.id}) done`);
    return result ?? null;
  }
}
