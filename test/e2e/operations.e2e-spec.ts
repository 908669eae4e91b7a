import { TestApp, startTestApp } from '../support/test-app';

describe('what operators and integrators rely on', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(); });
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

  it('metrics are Prometheus text with request counts and the outbox backlog', async () => {
    await t.http.get('/api/health');
    const res = await t.http.get('/api/metrics').expect(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.text).toMatch(/sanshe_http_requests_total\{method="GET",status="2xx"\} \d+/);
    expect(res.text).toMatch(/sanshe_outbox_pending_events \d+/);
  });

  it('every response carries a request id, and a well-formed incoming one is kept', async () => {
    const res = await t.http.get('/api/health').set('X-Request-Id', 'gateway-1234567890');
    expect(res.headers['x-request-id']).toBe('gateway-1234567890');
    const bad = await t.http.get('/api/health').set('X-Request-Id', 'bad id with spaces');
    expect(bad.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
