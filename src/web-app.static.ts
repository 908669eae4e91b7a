import type { NestExpressApplication } from '@nestjs/platform-express';
import express from 'express';
import fs from 'node:fs';
import path from 'node:path';
import { Logger } from '@nestjs/common';

/**
 * The browser app (web/, built by scripts/build.mjs into dist/web) is served by the API process itself: one origin,
 * so the refresh cookie can stay SameSite=Strict and no CORS is needed. Anything under /api is never answered here.
 */
export function defaultWebRoot(): string {
  // Built: dist/src/web-app.static.js → dist/web. From source (jest, ts-node): src/ → dist/web.
  const parent = path.dirname(__dirname);
  return path.basename(parent) === 'dist' ? path.join(parent, 'web') : path.join(parent, 'dist', 'web');
}

export function serveWebApp(app: NestExpressApplication, webRoot = defaultWebRoot()): boolean {
  const indexFile = path.join(webRoot, 'index.html');
  if (!fs.existsSync(indexFile)) {
    new Logger('WebApp').log(`web app not built (${indexFile} missing); serving the API only`);
    return false;
  }
  const isApi = (p: string) => p === '/api' || p.startsWith('/api/');
  const assetsDir = path.join(webRoot, 'assets') + path.sep;
  const IMMUTABLE = 'public, max-age=31536000, immutable';
  // The build writes .br and .gz beside each script and style sheet (scripts/build.mjs): a phone on a slow network
  // gets about a third of the bytes, and no CPU is spent compressing per request.
  const precompressed = (req: express.Request, res: express.Response, next: express.NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !/^\/assets\/[^/]+\.(js|css)$/.test(req.path)) return next();
    const file = path.join(webRoot, req.path);
    if (!file.startsWith(assetsDir)) return next();
    // Ours first: brotli is smaller, and browsers list gzip before br with the same weight.
    const encoding = req.acceptsEncodings('br') ? 'br' : req.acceptsEncodings('gzip') ? 'gzip' : null;
    const suffix = encoding === 'br' ? '.br' : encoding === 'gzip' ? '.gz' : null;
    res.setHeader('Vary', 'Accept-Encoding');
    if (!suffix || !fs.existsSync(file + suffix)) return next();
    res.setHeader('Content-Encoding', encoding as string);
    res.setHeader('Cache-Control', IMMUTABLE);
    res.type(path.extname(file));
    res.sendFile(file + suffix, (err) => err && next(err));
  };
  const statics = express.static(webRoot, {
    index: false,
    setHeaders(res, file) {
      // Vite puts content-hashed files under assets/: they never change, so browsers may keep them for a year.
      const hashed = file.startsWith(path.join(webRoot, 'assets') + path.sep);
      res.setHeader('Cache-Control', hashed ? IMMUTABLE : 'no-cache');
    },
  });
  app.use((req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (isApi(req.path)) return next();
    return precompressed(req, res, (err?: unknown) => (err ? next(err) : statics(req, res, next)));
  });
  // SPA fallback: a client-side route (/workbench, /invitations/accept …) typed or reloaded gets the app shell.
  app.use((req: express.Request, res: express.Response, next: express.NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isApi(req.path)) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(indexFile);
  });
  return true;
}
