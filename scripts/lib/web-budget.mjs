// The web app's initial JavaScript: what index.html loads before any route's own chunk (its entry script and the
// modules it preloads). Routes are React.lazy chunks and are not counted. Budget: 400 KB gzip (issue 10).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export const INITIAL_JS_BUDGET_GZIP = 400 * 1024;

export function initialJsBytes(webRoot) {
  const html = fs.readFileSync(path.join(webRoot, 'index.html'), 'utf8');
  const refs = new Set();
  for (const m of html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)) refs.add(m[1]);
  for (const m of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g)) refs.add(m[1]);
  let gzip = 0;
  let raw = 0;
  for (const ref of refs) {
    const buf = fs.readFileSync(path.join(webRoot, ref.replace(/^\//, '')));
    raw += buf.length;
    gzip += zlib.gzipSync(buf, { level: 9 }).length;
  }
  return { files: [...refs], gzip, raw };
}
