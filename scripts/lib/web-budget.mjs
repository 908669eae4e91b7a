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

/**
 * Writes `<file>.br` and `<file>.gz` beside every script and style sheet, which the app serves to browsers that accept
 * them (src/web-app.static.ts). Done once at build time, at the highest levels, instead of per request.
 */
export function precompress(assetsDir) {
  for (const name of fs.readdirSync(assetsDir)) {
    if (!/\.(js|css)$/.test(name)) continue;
    const file = path.join(assetsDir, name);
    const buf = fs.readFileSync(file);
    fs.writeFileSync(`${file}.gz`, zlib.gzipSync(buf, { level: 9 }));
    fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(buf, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length },
    }));
  }
}
