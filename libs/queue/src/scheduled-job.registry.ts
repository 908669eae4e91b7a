import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { SCHEDULED_JOB, ScheduledJobMeta } from './scheduled-job.decorator';

export type BoundScheduledJob = ScheduledJobMeta & { run: () => Promise<unknown> };

/** Finds every `@ScheduledJob` method at start-up. Two jobs with one name fail the start. */
@Injectable()
export class ScheduledJobRegistry implements OnModuleInit {
  private readonly byName = new Map<string, BoundScheduledJob>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  onModuleInit(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object') continue;
      const proto = Object.getPrototypeOf(instance);
      for (const method of this.scanner.getAllMethodNames(proto)) {
        const meta = this.reflector.get<ScheduledJobMeta | undefined>(SCHEDULED_JOB, proto[method]);
        if (!meta) continue;
        if (this.byName.has(meta.name)) throw new Error(`Two scheduled jobs are named "${meta.name}"`);
        this.byName.set(meta.name, { ...meta, run: () => (instance[method] as () => Promise<unknown>).call(instance) });
      }
    }
  }

  all(): BoundScheduledJob[] {
    return [...this.byName.values()];
  }

  /** A job naming a schedule that no longer exists is an error, not a silent skip. */
  get(name: string): BoundScheduledJob {
    const job = this.byName.get(name);
    if (!job) throw new Error(`No scheduled job named "${name}"`);
    return job;
  }
}
