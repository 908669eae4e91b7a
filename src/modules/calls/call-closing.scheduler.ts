import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '@sanshe/common/clock';
import { ScheduledJob } from '@sanshe/queue';
import { TenantTransactionRunner } from '@sanshe/tenancy';
import { CallsService } from './calls.service';

/** How late a call may close after its closing time (submissions are judged on closes_at regardless). */
const EVERY_MS = 5_000;
const BATCH = 100;

/**
 * Closes calls at their closing time, in the worker: a BullMQ job scheduler fires `tick` every 5 s once per cluster
 * (see `@ScheduledJob`), whatever the number of API and worker processes. Each tick asks the database (through the
 * narrow SECURITY DEFINER function `calls_due_for_closing`, which returns ids only) which published calls are due in
 * any district, then closes
 * each in a transaction of its own district, where row-level security applies as usual. Closing is idempotent
 * (a call already closed is left alone), so two overlapping ticks, or a tick retried after a crash, do no harm.
 * Submissions never depend on this job having run: they are judged against closes_at on the server clock.
 */
@Injectable()
export class CallClosingScheduler {
  private readonly logger = new Logger(CallClosingScheduler.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly runner: TenantTransactionRunner,
    private readonly calls: CallsService,
    private readonly clock: Clock,
  ) {}

  /** One pass: closes every due call; returns how many this pass closed. */
  @ScheduledJob('calls.close-due', EVERY_MS)
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
