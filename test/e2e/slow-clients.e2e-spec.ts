import { AddressInfo, Socket, connect } from 'node:net';
import { TestApp, startTestApp } from '../support/test-app';

/** Sends the headers of a JSON POST promising `length` bytes, then one byte per `everyMs`; resolves when the server closes. */
function trickle(port: number, length: number, everyMs: number): Promise<{ closedAfterMs: number; response: string }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    let response = '';
    let timer: NodeJS.Timeout | undefined;
    const socket: Socket = connect(port, '127.0.0.1', () => {
      socket.write(`POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n\r\n{`);
      timer = setInterval(() => socket.writable && socket.write(' '), everyMs);
    });
    socket.on('data', (d) => (response += d.toString()));
    socket.on('error', () => undefined); // a reset after the server gives up is the expected end
    socket.on('close', () => {
      clearInterval(timer);
      resolve({ closedAfterMs: Date.now() - started, response });
    });
    // Node's old default: the socket would stay open for 300 s. Fail well before that, without hanging the suite.
    setTimeout(() => { socket.destroy(); reject(new Error('the server kept a trickling client open for 60 s')); }, 60_000).unref();
  });
}

describe('slow clients cannot hold the server', () => {
  let t: TestApp;
  let port: number;
  beforeAll(async () => {
    t = await startTestApp({ headersTimeoutMs: 2000, requestTimeoutMs: 3000 });
    await t.app.listen(0, '127.0.0.1');
    port = (t.app.getHttpServer().address() as AddressInfo).port;
  }, 120_000);
  afterAll(async () => { await t.close(); });

  it('a body trickled a byte at a time is cut off at the request timeout with 408', async () => {
    const { closedAfterMs, response } = await trickle(port, 10_000, 200);
    // requestTimeout 3 s, checked every 500 ms; the upper bound leaves room for a loaded machine but is far below 300 s.
    expect(closedAfterMs).toBeGreaterThanOrEqual(2500);
    expect(closedAfterMs).toBeLessThan(30_000);
    expect(response).toMatch(/^HTTP\/1\.1 408/);
  }, 120_000);

  it('the timeouts are configurable and checked at boot', async () => {
    const { loadConfig, ConfigError } = await import('@sanshe/common');
    const base = { DATABASE_URL: 'postgres://x/y', REDIS_URL: 'redis://x', JWT_SECRET: 'x'.repeat(40) };
    expect(loadConfig({ ...base, HTTP_HEADERS_TIMEOUT_MS: '5000', HTTP_REQUEST_TIMEOUT_MS: '9000' })).toMatchObject({ headersTimeoutMs: 5000, requestTimeoutMs: 9000 });
    expect(() => loadConfig({ ...base, HTTP_HEADERS_TIMEOUT_MS: '9000', HTTP_REQUEST_TIMEOUT_MS: '5000' })).toThrow(ConfigError);
    expect(t.app.getHttpServer().requestTimeout).toBe(3000);
  });
});
