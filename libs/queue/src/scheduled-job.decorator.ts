import { SetMetadata } from '@nestjs/common';

export const SCHEDULED_JOB = Symbol('SCHEDULED_JOB');

export interface ScheduledJobMeta {
  /** Stable id of the BullMQ job scheduler; keep it when refactoring, or the old schedule is dropped and a new one made. */
  name: string;
  /** Interval in milliseconds; the first run is when a worker first registers the schedule. */
  everyMs: number;
}

/**
 * Marks a provider method (no arguments) as deadline work that runs once per cluster every `everyMs`: a BullMQ job
 * scheduler in Redis fires one job per interval whatever the number of workers, and one worker runs it. The method
 * must be idempotent (a job may run again after a crash, and two intervals may overlap on different workers) and,
 * since it sweeps every district, must enter each district's own transaction for its work.
 */
export const ScheduledJob = (name: string, everyMs: number) => SetMetadata(SCHEDULED_JOB, { name, everyMs } satisfies ScheduledJobMeta);
