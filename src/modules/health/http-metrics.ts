import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { NextFunction, Request, Response } from 'express';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { DataSource } from 'typeorm';

/**
 * Prometheus metrics through prom-client: the process defaults (CPU, memory, event-loop lag, GC, handles), request
 * counts by method and status class, the latency histogram, and the outbox backlog read at scrape time. Each app
 * has its own registry, so several apps in one process (tests) never collide on the global one.
 */
@Injectable()
export class HttpMetrics {
  readonly registry = new Registry();
  private readonly requests = new Counter({
    name: 'sanshe_http_requests_total',
    help: 'HTTP requests by method and status class',
    labelNames: ['method', 'status'] as const,
    registers: [this.registry],
  });
  private readonly duration = new Histogram({
    name: 'sanshe_http_request_duration_seconds',
    help: 'HTTP request duration from arrival to the last byte written',
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  constructor(@InjectDataSource() dataSource: DataSource) {
    collectDefaultMetrics({ register: this.registry });
    new Gauge({
      name: 'sanshe_outbox_pending_events',
      help: 'Domain events written but not yet handed to the queue (-1 when the database cannot be read)',
      registers: [this.registry],
      async collect() {
        const [{ pending }] = await dataSource.query(`SELECT outbox_pending() AS pending`).catch(() => [{ pending: -1 }]);
        this.set(Number(pending));
      },
    });
  }

  use(req: Request, res: Response, next: NextFunction): void {
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      this.requests.inc({ method: req.method, status: `${Math.floor(res.statusCode / 100)}xx` });
      this.duration.observe(Number(process.hrtime.bigint() - started) / 1e9);
    });
    next();
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
