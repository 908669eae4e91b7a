import { createHash, timingSafeEqual } from 'node:crypto';
import { Controller, Get, Headers, HttpCode, Inject, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { Public } from '@sanshe/auth';
import { APP_CONFIG, AppConfig, CommonErrorCode, commonError } from '@sanshe/common';
import { EVENTS_PRODUCER } from '@sanshe/queue';
import { HttpMetrics } from './http-metrics';

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
@ApiTags('health 运行状态')
@Controller('api')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(EVENTS_PRODUCER) private readonly queue: Queue,
    private readonly metrics: HttpMetrics,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

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

  /**
   * Not public: Prometheus sends `Authorization: Bearer <METRICS_TOKEN>`. Without METRICS_TOKEN configured, or with
   * a missing or wrong token, the answer is the same 404 as any unknown path, so the endpoint's existence leaks
   * nothing (memory, traffic and backlog figures help an attacker time an attack).
   */
  @Get('metrics')
  @Public()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Prometheus metrics (bearer METRICS_TOKEN; 404 when unset or wrong)' })
  async prometheus(@Headers('authorization') authorization: string | undefined, @Res({ passthrough: true }) res: Response): Promise<string> {
    if (!this.config.metricsToken || !sameSecret(authorization ?? '', `Bearer ${this.config.metricsToken}`)) {
      throw commonError(CommonErrorCode.ROUTE_NOT_FOUND);
    }
    res.setHeader('Content-Type', this.metrics.contentType);
    return this.metrics.render();
  }
}

/** Constant-time comparison of equal-length digests, so response time tells nothing about a guessed prefix. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
