import { Injectable } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/** Request counts and latency histogram by method and status class, in Prometheus text format. */
@Injectable()
export class HttpMetrics {
  private readonly counts = new Map<string, number>();
  private readonly buckets = new Array(BUCKETS.length + 1).fill(0);
  private sum = 0;
  private total = 0;

  use(req: Request, res: Response, next: NextFunction): void {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const key = `method="${req.method}",status="${Math.floor(res.statusCode / 100)}xx"`;
      this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
      const idx = BUCKETS.findIndex((b) => seconds <= b);
      this.buckets[idx < 0 ? BUCKETS.length : idx] += 1;
      this.sum += seconds;
      this.total += 1;
    });
    next();
  }

  render(gauges: Record<string, number>): string {
    const lines = ['# TYPE sanshe_http_requests_total counter'];
    for (const [k, v] of this.counts) lines.push(`sanshe_http_requests_total{${k}} ${v}`);
    lines.push('# TYPE sanshe_http_request_duration_seconds histogram');
    let cumulative = 0;
    BUCKETS.forEach((b, i) => {
      cumulative += this.buckets[i];
      lines.push(`sanshe_http_request_duration_seconds_bucket{le="${b}"} ${cumulative}`);
    });
    lines.push(`sanshe_http_request_duration_seconds_bucket{le="+Inf"} ${this.total}`);
    lines.push(`sanshe_http_request_duration_seconds_sum ${this.sum}`, `sanshe_http_request_duration_seconds_count ${this.total}`);
    const mem = process.memoryUsage();
    lines.push('# TYPE process_resident_memory_bytes gauge', `process_resident_memory_bytes ${mem.rss}`);
    for (const [name, value] of Object.entries(gauges)) lines.push(`# TYPE ${name} gauge`, `${name} ${value}`);
    return lines.join('\n') + '\n';
  }
}
