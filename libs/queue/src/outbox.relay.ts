import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@sanshe/common';
import { EventHandlerRegistry } from './event-handler.registry';
import { DomainEvent, DomainEventJob } from './queue-names';
import { EVENTS_PRODUCER } from './events-producer';

const BATCH = 100;
const REDIS_TIMEOUT_MS = 3000;

interface ClaimedRow {
  id: string;
  tenant_id: string;
  type: string;
  payload: Record<string, unknown>;
  request_id: string | null;
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    p,
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Redis did not answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * Moves committed outbox rows to BullMQ. Each (event, handler) becomes one job whose id is derived from the outbox
 * id, so a relay that crashes after adding but before marking re-adds the same ids and BullMQ keeps one copy.
 * Claimed rows are locked (SKIP LOCKED), so two relays never hand over the same batch. When Redis is down the rows
 * stay pending and are tried again on the next tick: nothing is lost.
 */
@Injectable()
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = true;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(EVENTS_PRODUCER) private readonly queue: Queue<DomainEventJob>,
    private readonly registry: EventHandlerRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.drain()
        .catch((err) => this.logger.warn(`Outbox relay tick failed: ${(err as Error).message}`))
        .then((more) => this.schedule(more ? 0 : this.config.outboxPollMs));
    }, delay);
  }

  /** Relays pending events until none are left or Redis refuses; returns true when another batch may be waiting. */
  async drain(): Promise<boolean> {
    return this.dataSource.transaction(async (m) => {
      const rows: ClaimedRow[] = await m.query('SELECT * FROM outbox_claim($1)', [BATCH]);
      if (!rows.length) return false;
      const ids = rows.map((r) => r.id);
      try {
        const jobs = rows.flatMap((r) => {
          const event: DomainEvent = { id: r.id, tenantId: r.tenant_id, type: r.type, payload: r.payload, requestId: r.request_id };
          return this.registry.handlersFor(r.type).map((h) => ({
            name: h.name,
            data: { handler: h.name, event },
            opts: { jobId: `${r.id}_${h.name}` },
          }));
        });
        if (jobs.length) await withTimeout(this.queue.addBulk(jobs), REDIS_TIMEOUT_MS);
        await m.query('SELECT outbox_mark_dispatched($1::uuid[])', [ids]);
        return rows.length === BATCH;
      } catch (err) {
        await m.query('SELECT outbox_mark_failed($1::uuid[], $2)', [ids, (err as Error).message]);
        this.logger.warn(`Outbox: ${rows.length} event(s) wait for Redis: ${(err as Error).message}`);
        return false;
      }
    });
  }
}
