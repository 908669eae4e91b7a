import type { NextFunction, Request, Response } from 'express';
import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { HealthController } from './health.controller';
import { HttpMetrics } from './http-metrics';

/** Health and metrics for operators. */
@Module({ controllers: [HealthController], providers: [HttpMetrics], exports: [HttpMetrics] })
export class HealthModule implements NestModule {
  constructor(private readonly metrics: HttpMetrics) {}

  configure(consumer: MiddlewareConsumer): void {
    // A function middleware over the one HttpMetrics instance the controller also reads.
    consumer.apply((req: Request, res: Response, next: NextFunction) => this.metrics.use(req, res, next)).forRoutes('*');
  }
}
