import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type request from 'supertest';
import { District, PASSWORD, TestApp, addMember, openDistrict, spentLongAgo, startTestApp } from '../support/test-app';

const COOKIE = { 'X-Session-Mode': 'cookie' };

function refreshCookie(setCookie: string[] | string | undefined): string | undefined {
  const all = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  return all.find((c) => c.startsWith('sanshe_rt='));
}


describe('browser sessions: the refresh token in an HttpOnly cookie', () => {
  let t: TestApp;
  let d: District;
  beforeAll(async () => {
    t = await startTestApp();
    d = await openDistrict(t);
  });
  afterAll(async () => { await t.close(); });

  it('cookie-mode sign-in sets an HttpOnly, SameSite=Strict cookie on the auth path and keeps the token out of the body', async () => {
    const m = await addMember(t, d, ['programme_officer']);
    const res = await t.http.post('/api/v1/auth/login').set(COOKIE).set('Host', 'sanshe.example.cn').send({ login: m.phone, password: PASSWORD }).expect(200);
    expect(res.body.refreshToken).toBeUndefined();
    expect(res.body.accessToken).toEqual(expect.any(String));
    const cookie = refreshCookie(res.headers['set-cookie']);
    expect(cookie).toBeDefined();
    expect(cookie).toMatch(/; Path=\/api\/v1\/auth\/refresh(;|$)/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    expect(cookie).toMatch(/; Secure/); // not localhost
    expect(cookie).toMatch(/; Expires=/);
  });

  it('on localhost the cookie is not Secure (plain http on a developer machine), elsewhere it is', async () => {
    const m = await addMember(t, d, ['programme_officer']);
    const res = await t.http.post('/api/v1/auth/login').set(COOKIE).set('Host', 'localhost:3000').send({ login: m.phone, password: PASSWORD }).expect(200);
    expect(refreshCookie(res.headers['set-cookie'])).not.toMatch(/Secure/);
  });

  it('refresh reads the cookie, rotates it, and the spent one is refused as reuse', async () => {
    const m = await addMember(t, d, ['programme_officer']);
    const login = await t.http.post('/api/v1/auth/login').set(COOKIE).send({ login: m.phone, password: PASSWORD }).expect(200);
    const first = refreshCookie(login.headers['set-cookie'])!.split(';')[0];
    const refreshed = await t.http.post('/api/v1/auth/refresh').set(COOKIE).set('Cookie', first).send({}).expect(200);
    expect(refreshed.body.refreshToken).toBeUndefined();
    expect(refreshed.body.district.districtCode).toBe(d.code);
    const second = refreshCookie(refreshed.headers['set-cookie'])!.split(';')[0];
    expect(second).not.toBe(first);
    await t.http.get('/api/v1/me').set('Authorization', `Bearer ${refreshed.body.accessToken}`).expect(200);
    // Past the grace window in which a lost answer may be retried (auth.e2e-spec covers the window itself).
    await spentLongAgo(first.slice('sanshe_rt='.length));
    const reuse = await t.http.post('/api/v1/auth/refresh').set(COOKIE).set('Cookie', first).send({}).expect(401);
    expect(reuse.body.code).toBe('REFRESH_TOKEN_REUSED');
    // The refusal also drops the dead cookie so the page stops presenting it.
    expect(refreshCookie(reuse.headers['set-cookie'])).toMatch(/^sanshe_rt=;/);
  });

  it('the cookie is only read when the client asks for cookie mode (a cross-site form cannot set the header)', async () => {
    const m = await addMember(t, d, ['programme_officer']);
    const login = await t.http.post('/api/v1/auth/login').set(COOKIE).send({ login: m.phone, password: PASSWORD }).expect(200);
    const cookie = refreshCookie(login.headers['set-cookie'])!.split(';')[0];
    const res = await t.http.post('/api/v1/auth/refresh').set('Cookie', cookie).send({}).expect(401);
    expect(res.body.code).toBe('REFRESH_TOKEN_INVALID');
    expect(res.body.message['zh-CN']).toContain('重新登录');
  });

  it('logout clears the cookie and the session; the old cookie no longer refreshes', async () => {
    const m = await addMember(t, d, ['programme_officer']);
    const login = await t.http.post('/api/v1/auth/login').set(COOKIE).send({ login: m.phone, password: PASSWORD }).expect(200);
    const cookie = refreshCookie(login.headers['set-cookie'])!.split(';')[0];
    const out = await t.http.post('/api/v1/auth/logout').set(COOKIE).set('Authorization', `Bearer ${login.body.accessToken}`).expect(204);
    // Cleared on the refresh route, and on /api/v1/auth where earlier versions kept it.
    const cleared = (out.headers['set-cookie'] as unknown as string[]).filter((c) => c.startsWith('sanshe_rt='));
    expect(cleared.map((c) => /Path=([^;]+)/.exec(c)?.[1]).sort()).toEqual(['/api/v1/auth', '/api/v1/auth/refresh']);
    for (const c of cleared) {
      expect(c).toMatch(/^sanshe_rt=;/);
      expect(c).toMatch(/Expires=Thu, 01 Jan 1970/);
    }
    const again = await t.http.post('/api/v1/auth/refresh').set(COOKIE).set('Cookie', cookie).send({}).expect(401);
    expect(again.body.code).toBe('REFRESH_TOKEN_INVALID');
  });

  it('API clients keep the body mode: no cookie, the refresh token in the body', async () => {
    const m = await addMember(t, d, ['programme_officer']);
    const res = await t.http.post('/api/v1/auth/login').send({ login: m.phone, password: PASSWORD }).expect(200);
    expect(res.body.refreshToken).toEqual(expect.any(String));
    expect(refreshCookie(res.headers['set-cookie'])).toBeUndefined();
    const missing = await t.http.post('/api/v1/auth/refresh').send({}).expect(401);
    expect(missing.body.code).toBe('REFRESH_TOKEN_INVALID');
  });
});

describe('the web app is served at / without shadowing the API', () => {
  let t: TestApp;
  const webRoot = path.resolve(__dirname, '..', '..', 'dist', 'web');
  beforeAll(async () => { t = await startTestApp(); });
  afterAll(async () => { await t.close(); });

  it('npm test built the web app into dist/web', () => {
    expect(fs.existsSync(path.join(webRoot, 'index.html'))).toBe(true);
  });

  it('/ and any client-side route answer the app shell, never cached', async () => {
    for (const p of ['/', '/workbench', '/invitations/accept', '/calls/0b5b0b1e-0000-4000-8000-000000000000']) {
      const res = await t.http.get(p).expect(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.text).toContain('<div id="root">');
    }
  });

  it('hashed assets are cached for a year', async () => {
    const assets = fs.readdirSync(path.join(webRoot, 'assets')).filter((f) => f.endsWith('.js'));
    const res = await t.http.get(`/assets/${assets[0]}`).expect(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('scripts go out precompressed (brotli, else gzip, else as they are), byte for byte the same once unpacked', async () => {
    const name = fs.readdirSync(path.join(webRoot, 'assets')).filter((f) => f.endsWith('.js')).sort((a, b) =>
      fs.statSync(path.join(webRoot, 'assets', b)).size - fs.statSync(path.join(webRoot, 'assets', a)).size)[0];
    const original = fs.readFileSync(path.join(webRoot, 'assets', name));
    // The client unpacks what it receives; the bytes on the wire are Content-Length.
    const body = (res: request.Response) => res.body as Buffer;
    const get = (encoding: string) => t.http.get(`/assets/${name}`).set('Accept-Encoding', encoding)
      .buffer(true).parse((res, cb) => { const chunks: Buffer[] = []; res.on('data', (c: Buffer) => chunks.push(c)); res.on('end', () => cb(null, Buffer.concat(chunks))); })
      .expect(200);
    const br = await get('gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toContain('javascript');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers.vary).toContain('Accept-Encoding');
    expect(Number(br.headers['content-length'])).toBe(fs.statSync(path.join(webRoot, 'assets', `${name}.br`)).size);
    expect(Number(br.headers['content-length'])).toBeLessThan(original.length / 3);
    expect(body(br).equals(original)).toBe(true);
    const gz = await get('gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(Number(gz.headers['content-length'])).toBe(zlib.gzipSync(original, { level: 9 }).length);
    expect(body(gz).equals(original)).toBe(true);
    const plain = await get('identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(body(plain).equals(original)).toBe(true);
  });

  it('unknown /api paths are still a 404, never the app shell; under /api/v1 a problem-details body', async () => {
    const v1 = await t.http.get('/api/v1/no-such-thing').expect(404);
    expect(v1.headers['content-type']).toContain('application/problem+json');
    expect(v1.body.code).toBe('ROUTE_NOT_FOUND');
    // Outside the API's prefix Nest leaves unknown paths to Express's own 404 (as before the web app existed).
    for (const p of ['/api/nope', '/api', '/api/v2/workbench']) {
      const res = await t.http.get(p).expect(404);
      expect(res.text).not.toContain('<div id="root">');
    }
  });
});
