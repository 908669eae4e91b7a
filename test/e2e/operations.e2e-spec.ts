import { Logger } from '@nestjs/common';
import { District, PASSWORD, TestApp, openDistrict, startTestApp } from '../support/test-app';

// Starting an app and opening a district takes longer than jest's 5 s default on a loaded 2-core machine.
jest.setTimeout(120_000);

const METRICS_TOKEN = 'metrics-token-for-the-operations-test-0123';

/** Collects what the app would have written to stdout, one parsed JSON object per line. */
function logCapture() {
  const raw: string[] = [];
  return {
    stream: { write: (chunk: string) => { raw.push(...chunk.split('\n').filter(Boolean)); } },
    text: () => raw.join('\n'),
    lines: () => raw.map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

describe('what operators and integrators rely on', () => {
  let t: TestApp;
  let district: District;
  const logs = logCapture();
  beforeAll(async () => {
    t = await startTestApp({ logLevel: 'log', metricsToken: METRICS_TOKEN }, { logStream: logs.stream });
    district = await openDistrict(t);
  });
  afterAll(async () => { await t.close(); });

  it('health reports the database and Redis with their latency', async () => {
    const res = await t.http.get('/api/health').expect(200);
    expect(res.body).toMatchObject({ status: 'ok', checks: { database: { status: 'up' }, redis: { status: 'up' } } });
    expect(typeof res.body.checks.database.latencyMs).toBe('number');
  });

  it('the OpenAPI document lists the business routes under /api/v1 and the bearer scheme', async () => {
    const res = await t.http.get('/api/docs-json').expect(200);
    const paths = Object.keys(res.body.paths);
    expect(paths).toEqual(expect.arrayContaining(['/api/v1/auth/login', '/api/v1/me', '/api/v1/places', '/api/v1/members/invitations', '/api/v1/platform/districts']));
    expect(paths.filter((p) => !p.startsWith('/api/v1/') && !p.startsWith('/api/health') && !p.startsWith('/api/metrics'))).toEqual([]);
    expect(res.body.components.securitySchemes.bearer).toBeDefined();
    await t.http.get('/api/docs').expect(200);
  });

  it('metrics are Prometheus text with process defaults, request counts and the outbox backlog, for the bearer of METRICS_TOKEN', async () => {
    await t.http.get('/api/health');
    const res = await t.http.get('/api/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`).expect(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.text).toMatch(/sanshe_http_requests_total\{method="GET",status="2xx"\} \d+/);
    expect(res.text).toMatch(/sanshe_http_request_duration_seconds_bucket\{le="0.1"\} \d+/);
    expect(res.text).toMatch(/sanshe_outbox_pending_events \d+/);
    expect(res.text).toMatch(/process_cpu_user_seconds_total \d/);
    expect(res.text).toMatch(/nodejs_eventloop_lag_seconds \d/);
  });

  it('metrics without the token, or with a wrong one, look exactly like a path that does not exist', async () => {
    const unknown = await t.http.get('/api/v1/no-such-endpoint').expect(404);
    for (const auth of [undefined, 'Bearer wrong-token', `Bearer ${METRICS_TOKEN}x`, METRICS_TOKEN, district.admin.accessToken]) {
      const req = t.http.get('/api/metrics');
      if (auth) req.set('Authorization', auth);
      const res = await req.expect(404);
      expect({ ...res.body, requestId: undefined, instance: undefined }).toEqual({ ...unknown.body, requestId: undefined, instance: undefined });
      expect(res.text).not.toContain('sanshe_http_requests_total');
    }
  });

  it('every response carries a request id, and a well-formed incoming one is kept', async () => {
    const res = await t.http.get('/api/health').set('X-Request-Id', 'gateway-1234567890');
    expect(res.headers['x-request-id']).toBe('gateway-1234567890');
    const bad = await t.http.get('/api/health').set('X-Request-Id', 'bad id with spaces');
    expect(bad.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('every response carries security headers with a policy the web app at / can run under', async () => {
    for (const res of [await t.http.get('/api/health'), await t.http.get('/api/v1/nothing-here'), await district.admin.get('/api/v1/places'), await t.http.get('/api/docs')]) {
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self';");
      expect(csp).toContain("style-src 'self' 'unsafe-inline'");
      expect(csp).toContain("img-src 'self' data: blob:");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('upgrade-insecure-requests');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('one JSON access line per request names the request, district, person, status and duration, without the query string', async () => {
    const res = await district.admin.get('/api/v1/places?level=community&limit=5&q=13800001111').expect(200);
    const requestId = res.headers['x-request-id'];
    const line = logs.lines().find((l) => l.requestId === requestId && l.msg === 'request');
    expect(line).toMatchObject({
      level: 'info',
      context: 'Http',
      method: 'GET',
      path: '/api/v1/places',
      status: 200,
      tenantId: district.tenantId,
      userId: district.admin.userId,
    });
    expect(typeof line!.durationMs).toBe('number');
    expect(typeof line!.time).toBe('string');
    expect(logs.text()).not.toContain('13800001111');
  });

  it('secrets and personal data never reach a log line', async () => {
    // Sign-in sends a phone and a password, and the answer carries tokens; a refused sign-in is logged too.
    const before = logs.lines().length;
    const login = await t.http.post('/api/v1/auth/login').send({ login: district.adminPhone, password: PASSWORD }).expect(200);
    await t.http.post('/api/v1/auth/login').send({ login: district.adminPhone, password: 'Wrong-password-1234' }).expect(401);
    await t.http.get('/api/v1/me').set('Authorization', `Bearer ${login.body.accessToken}`).set('Cookie', 'sid=cookie-secret-value').expect(200);

    // And what a careless service might log, through Nest's Logger like every service does.
    const logger = new Logger('RedactionTest');
    logger.log(`invited 13912345678 (zhang.san@example.com), ID 11010519491231002X, link /invitations/accept?token=tok-abcdef123456`);
    logger.warn({ msg: 'payload', person: { phone: '13912345679', idNumber: '110105194912310037', email: 'li.si@example.com' }, password: 'P@ssw0rd-leak', acceptToken: 'accept-secret-999' });
    logger.error(new Error(`duplicate key (phone)=(13912345670) with Bearer ${login.body.accessToken}`));

    const text = logs.text();
    for (const secret of [
      PASSWORD, 'Wrong-password-1234', login.body.accessToken, login.body.refreshToken, 'cookie-secret-value', district.adminPhone,
      '13912345678', '13912345679', '13912345670', 'zhang.san@example.com', 'li.si@example.com', '11010519491231002X', '110105194912310037',
      'P@ssw0rd-leak', 'accept-secret-999', 'tok-abcdef123456',
    ]) {
      expect(text).not.toContain(secret);
    }
    // The lines are still there, with the rest of their content, so redaction did not just drop them.
    const mine = logs.lines().filter((l) => l.context === 'RedactionTest');
    expect(mine).toHaveLength(3);
    expect(JSON.stringify(mine)).toContain('[REDACTED]');
    expect(mine[0].msg).toContain('invited [REDACTED] ([REDACTED]), ID [REDACTED], link /invitations/accept?token=[REDACTED]');
    expect(logs.lines().slice(before).filter((l) => l.msg === 'request' && l.path === '/api/v1/auth/login').map((l) => l.status)).toEqual([200, 401]);
  });

  // LOG_LEVEL=warn silencing the access line is proven in libs/common/src/logging/logger.options.spec.ts: nestjs-pino
  // keeps one pino-http instance per process, so a second app in this file would write with the first one's level.
  it('without METRICS_TOKEN the metrics endpoint does not exist', async () => {
    const bare = await startTestApp();
    try {
      await bare.http.get('/api/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`).expect(404);
      await bare.http.get('/api/metrics').set('Authorization', 'Bearer ').expect(404);
      await bare.http.get('/api/metrics').expect(404);
    } finally {
      await bare.close();
    }
  });
});
