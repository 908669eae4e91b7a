import { Controller, Get, Header, HttpCode, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { ApiContract, Public, Returns } from '@sanshe/auth';
import { EVENTS_PRODUCER } from '@sanshe/queue';
import { HttpMetrics } from './http-metrics';
import { HealthResponse } from './health.response';

async function probe(check: () => Promise<unknown>, timeoutMs = 1500): Promise<{ status: 'up' | 'down'; latencyMs: number; error?: string }> {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([check(), new Promise((_, reject) => { timer = setTimeout(() => reject(new Error('timeout')), timeoutMs); })]);
    return { status: 'up', latencyMs: Date.now() - started };
  } catch (err) {
    return { status: 'down', latencyMs: Date.now() - started, error: (err as Error).message };
  } finally {
    clearTimeout(timer);
  }
}

/** Liveness and readiness for load balancers and operators: the database and Redis, each with its latency. */
@ApiContract()
@ApiTags('health 运行状态')
@Controller('api')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(EVENTS_PRODUCER) private readonly queue: Queue,
    private readonly metrics: HttpMetrics,
  ) {}

  @Returns(HealthResponse)
  @Get('health')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: '健康检查 / Database and Redis status (503 when the database is down)' })
  async health(@Res({ passthrough: true }) res: Response) {
    const [database, redis] = await Promise.all([
      probe(() => this.dataSource.query('SELECT 1')),
      probe(() => this.queue.getVersion()),
    ]);
    // The API keeps serving without Redis (events wait in the outbox), so only the database decides readiness.
    const status = database.status === 'up' ? (redis.status === 'up' ? 'ok' : 'degraded') : 'down';
    if (status === 'down') res.status(503);
    return { status, checks: { database, redis }, uptimeSeconds: Math.round(process.uptime()) };
  }

  @Returns('file', { contentType: 'text/plain' })
  @Get('metrics')
  @Public()
  @Header('Content-Type', 'text/plain; version=0.0.4')
  @ApiOperation({ summary: 'Prometheus metrics' })
  async prometheus(): Promise<string> {
    const [{ pending }] = await this.dataSource.query(`SELECT outbox_pending() AS pending`).catch(() => [{ pending: -1 }]);
    return this.metrics.render({ sanshe_outbox_pending_events: pending });
  }
}
