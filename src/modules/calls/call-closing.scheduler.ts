import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@sanshe/common';
import { Clock } from '@sanshe/common/clock';
import { TenantTransactionRunner } from '@sanshe/tenancy';
import { CallsService } from './calls.service';

const POLL_MS = 5_000;
const BATCH = 100;

/**
 * Closes calls at their closing time, in the worker. Each tick asks the database (through the narrow SECURITY DEFINER
 * function `calls_due_for_closing`, which returns ids only) which published calls are due in any district, then closes
 * each in a transaction of its own district, where row-level security applies as usual. Closing is idempotent
 * (a call already closed is left alone), so two workers polling at once, or a tick retried after a crash, do no harm.
 * Submissions never depend on this job having run: they are judged against closes_at on the server clock.
 */
@Injectable()
export class CallClosingScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CallClosingScheduler.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly runner: TenantTransactionRunner,
    private readonly calls: CallsService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.runWorker) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.tick()
        .catch((err) => { this.logger.warn(`Closing calls failed: ${(err as Error).message}`); return 0; })
        .finally(() => { this.running = undefined; });
    }, POLL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** One pass: closes every due call; returns how many this pass closed. */
  async tick(): Promise<number> {
    const due: Array<{ tenant_id: string; id: string }> = await this.dataSource.query(
      'SELECT tenant_id, id FROM calls_due_for_closing($1, $2)', [this.clock.now(), BATCH]);
    let closed = 0;
    for (const call of due) {
      try {
        if (await this.runner.run({ tenantId: call.tenant_id }, () => this.calls.closeIfDue(call.id))) closed += 1;
      } catch (err) {
        this.logger.warn(`Could not close call ${call.id}: ${(err as Error).message}`);
      }
    }
    if (closed) this.logger.log(`Closed ${closed} call(s) at their closing time`);
    return closed;
  }
}
