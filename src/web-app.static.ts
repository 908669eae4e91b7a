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
  const statics = express.static(webRoot, {
    index: false,
    setHeaders(res, file) {
      // Vite puts content-hashed files under assets/: they never change, so browsers may keep them for a year.
      const hashed = file.startsWith(path.join(webRoot, 'assets') + path.sep);
      res.setHeader('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app.use((req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (isApi(req.path)) return next();
    return statics(req, res, next);
  });
  // SPA fallback: a client-side route (/workbench, /invitations/accept …) typed or reloaded gets the app shell.
  app.use((req: express.Request, res: express.Response, next: express.NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isApi(req.path)) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(indexFile);
  });
  return true;
}
