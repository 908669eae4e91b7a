import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import type { Server } from 'node:http';
import { json, urlencoded } from 'express';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { AppConfig, SafeTextPipe, createValidationPipe, jsonShapeVerifier, loadConfig } from '@sanshe/common';
import { AppModule } from './app.module';
import { setupOpenApi } from './openapi';
import { serveWebApp } from './web-app.static';

/**
 * Builds the HTTP application exactly as production runs it; tests and the benchmark call this too, so what they
 * prove is what ships.
 */
export async function createApp(
  config: AppConfig = loadConfig(),
  opts: { logger?: boolean; logStream?: DestinationStream; webRoot?: string } = {},
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
  app.use(bodyParsers(config));
  app.disable('x-powered-by');
  // Which peers may tell us the client's address (X-Forwarded-For): none unless TRUST_PROXY names them.
  app.set('trust proxy', config.trustProxy);
  app.setGlobalPrefix('api/v1', { exclude: ['api/health', 'api/metrics'] });
  app.useGlobalPipes(new SafeTextPipe(), createValidationPipe());
  guardAgainstSlowClients(app.getHttpServer() as Server, config);
  app.enableShutdownHooks();
  serveWebApp(app, opts.webRoot);

  setupOpenApi(app);
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

/**
 * JSON and form bodies. A request without a bearer token can only reach sign-in, refresh and the public forms, which
 * need a few kilobytes, so it gets the small limit: an anonymous client cannot make the server read a megabyte. Every
 * JSON body's depth and member count are checked on the raw bytes before it is parsed (see `checkJsonShape`).
 */
function bodyParsers(config: AppConfig): RequestHandler {
  const verify = jsonShapeVerifier({ maxDepth: config.jsonMaxDepth, maxMembers: config.jsonMaxMembers });
  const signedIn = [json({ limit: config.bodyLimit, strict: true, verify }), urlencoded({ limit: config.bodyLimit, extended: false })];
  const anonymous = [json({ limit: config.publicBodyLimit, strict: true, verify }), urlencoded({ limit: config.publicBodyLimit, extended: false })];
  return (req: Request, res: Response, next: NextFunction) => {
    const [parseJson, parseForm] = /^Bearer\s/i.test(req.headers.authorization ?? '') ? signedIn : anonymous;
    parseJson(req, res, (err?: unknown) => (err ? next(err) : parseForm(req, res, next)));
  };
}

/**
 * Node's defaults let a client trickle a body for 300 s, holding a socket and a parser each. Headers must arrive within
 * `headersTimeoutMs` and the whole request within `requestTimeoutMs`; Node checks both on an interval fixed when the
 * server starts listening, so it is set here, before `listen`, fine enough to enforce them with small slack.
 */
function guardAgainstSlowClients(server: Server, config: AppConfig): void {
  server.headersTimeout = config.headersTimeoutMs;
  server.requestTimeout = config.requestTimeoutMs;
  (server as Server & { connectionsCheckingInterval: number }).connectionsCheckingInterval = Math.max(250, Math.min(5000, Math.floor(config.headersTimeoutMs / 4)));
}
