import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppConfig, JsonLogger, createValidationPipe, loadConfig } from '@sanshe/common';
import { AppModule } from './app.module';
import { setupOpenApi } from './openapi';

/**
 * Builds the HTTP application exactly as production runs it; tests and the benchmark call this too, so what they
 * prove is what ships.
 */
export async function createApp(config: AppConfig = loadConfig(), opts: { logger?: boolean } = {}): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    logger: opts.logger === false ? false : new JsonLogger(),
    bodyParser: false,
    abortOnError: false,
  });
  app.useBodyParser('json', { limit: config.bodyLimit, strict: true });
  app.useBodyParser('urlencoded', { limit: config.bodyLimit, extended: false });
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.setGlobalPrefix('api/v1', { exclude: ['api/health', 'api/metrics'] });
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();

  setupOpenApi(app);
  return app;
}
