import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { AppConfig, createValidationPipe, loadConfig } from '@sanshe/common';
import { AppModule } from './app.module';

/**
 * Builds the HTTP application exactly as production runs it; tests and the benchmark call this too, so what they
 * prove is what ships.
 */
export async function createApp(
  config: AppConfig = loadConfig(),
  opts: { logger?: boolean; logStream?: DestinationStream } = {},
): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, { logStream: opts.logStream }), {
    // `logger: false` silences Nest's own start-up lines (tests, bench); the access line still follows LOG_LEVEL.
    logger: opts.logger === false ? false : undefined,
    bufferLogs: opts.logger !== false,
    bodyParser: false,
    abortOnError: false,
  });
  if (opts.logger !== false) app.useLogger(app.get(Logger));
  app.use(helmet(securityHeaders()));
  app.useBodyParser('json', { limit: config.bodyLimit, strict: true });
  app.useBodyParser('urlencoded', { limit: config.bodyLimit, extended: false });
  app.disable('x-powered-by');
  // Which peers may tell us the client's address (X-Forwarded-For): none unless TRUST_PROXY names them.
  app.set('trust proxy', config.trustProxy);
  app.setGlobalPrefix('api/v1', { exclude: ['api/health', 'api/metrics'] });
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();

  const doc = new DocumentBuilder()
    .setTitle('Sanshe 三社联动 API')
    .setDescription('District tenants, people and roles; errors are problem details with a stable `code` and zh-CN/en messages.')
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, doc), { jsonDocumentUrl: 'api/docs-json' });
  return app;
}

/**
 * helmet's defaults with a Content-Security-Policy the web app served at `/` can live with: scripts, styles, fonts
 * and API calls from this origin only; inline styles allowed because antd's CSS-in-JS injects <style> tags; images
 * also from data: and blob: (previews of uploads, generated charts). `upgrade-insecure-requests` is left out so a
 * plain-http development or intranet deployment keeps loading its own assets; HSTS is still sent for https.
 */
export function securityHeaders(): Parameters<typeof helmet>[0] {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        scriptSrcAttr: ["'none'"],
      },
    },
  };
}
