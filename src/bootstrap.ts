import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppConfig, JsonLogger, createValidationPipe, loadConfig } from '@sanshe/common';
import { AppModule } from './app.module';
import { serveWebApp } from './web-app.static';

/**
 * Builds the HTTP application exactly as production runs it; tests and the benchmark call this too, so what they
 * prove is what ships.
 */
export async function createApp(config: AppConfig = loadConfig(), opts: { logger?: boolean; webRoot?: string } = {}): Promise<INestApplication> {
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
  serveWebApp(app, opts.webRoot);

  const doc = new DocumentBuilder()
    .setTitle('Sanshe 三社联动 API')
    .setDescription('District tenants, people and roles; errors are problem details with a stable `code` and zh-CN/en messages.')
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, doc), { jsonDocumentUrl: 'api/docs-json' });
  return app;
}
