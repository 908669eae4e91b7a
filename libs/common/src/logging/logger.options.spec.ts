import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pinoHttp from 'pino-http';
import { createRootLogger, httpLoggerOptions, pinoLevel } from './logger.options';
import { scrubText, scrubValue } from './redaction';

/** Serves one request through a pino-http middleware built from our options, writing into `lines`. */
async function serveOnce(level: string, lines: string[]): Promise<void> {
  const middleware = pinoHttp(httpLoggerOptions(level), { write: (l: string) => { lines.push(l); } });
  const server = http.createServer((req, res) => middleware(req, res, () => { res.statusCode = 204; res.end(); }));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve, reject) => {
      http.get({ port, host: '127.0.0.1', path: '/api/v1/x?token=query-secret-zq' }, (res) => { res.resume(); res.on('end', resolve); }).on('error', reject);
    });
    // The access line is written on the response's 'finish', which the client may see before the server does.
    for (let i = 0; i < 100 && level !== 'warn' && lines.length === 0; i++) await new Promise((r) => setImmediate(r));
  } finally {
    await new Promise((r) => server.close(r));
  }
}

describe('log levels keep Nest names', () => {
  it('maps LOG_LEVEL names onto pino levels', () => {
    expect(['fatal', 'error', 'warn', 'log', 'debug', 'verbose'].map(pinoLevel)).toEqual(['fatal', 'error', 'warn', 'info', 'debug', 'trace']);
    expect(pinoLevel(undefined)).toBe('info');
  });

  it('LOG_LEVEL=log writes one access line per request; LOG_LEVEL=warn writes none', async () => {
    const loud: string[] = [];
    await serveOnce('log', loud);
    expect(loud).toHaveLength(1);
    expect(JSON.parse(loud[0])).toMatchObject({ msg: 'request', level: 'info', method: 'GET', path: '/api/v1/x', status: 204 });
    // A word no hex request id can hold: 'abc' once failed here by appearing inside the random requestId.
    expect(loud[0]).not.toContain('query-secret-zq');
    const quiet: string[] = [];
    await serveOnce('warn', quiet);
    expect(quiet).toEqual([]);
  });

  it('the root logger used before the app starts writes the same JSON and redacts too', () => {
    const lines: string[] = [];
    createRootLogger('log', { write: (l: string) => { lines.push(l); } }).info({ context: 'Main', password: 'hunter2-secret' }, 'operator 13800001111 created');
    expect(JSON.parse(lines[0])).toMatchObject({ level: 'info', context: 'Main', password: '[REDACTED]', msg: 'operator [REDACTED] created' });
  });
});

describe('redaction', () => {
  it('masks tokens, ID numbers, phones and e-mail inside text, and leaves ids and times alone', () => {
    const text = 'Bearer abc.def-ghi eyJhbGciOi.eyJzdWIi.sig 44010619900101123X +86 13912345678 a.b+c@example.com.cn ?token=xyz&x=1';
    expect(scrubText(text)).toBe('[REDACTED] [REDACTED] [REDACTED] [REDACTED] [REDACTED] ?token=[REDACTED]&x=1');
    const keep = 'request 6f1c2a7e-51b4-4c8a-9d9e-0a1b2c3d4e5f took 12 ms at 1732451234567, amount 123456789012 fen';
    expect(scrubText(keep)).toBe(keep);
  });

  it('drops secret keys at any depth without changing the logged object', () => {
    const input = { a: { b: { c: { refreshToken: 'r', contactPhone: '1', note: 'call 13800001111' } } }, list: [{ Password: 'p' }], id: 'x' };
    expect(scrubValue(input)).toEqual({ a: { b: { c: { refreshToken: '[REDACTED]', contactPhone: '[REDACTED]', note: 'call [REDACTED]' } } }, list: [{ Password: '[REDACTED]' }], id: 'x' });
    expect(input.a.b.c.refreshToken).toBe('r');
  });

  it('turns an error into its scrubbed message and stack, keeping extra fields such as a database detail', () => {
    const err = Object.assign(new Error('insert failed for li@example.com'), { detail: 'Key (phone)=(13800001111) already exists.', code: '23505' });
    const out = scrubValue(err) as Record<string, string>;
    expect(out).toMatchObject({ type: 'Error', message: 'insert failed for [REDACTED]', detail: 'Key (phone)=([REDACTED]) already exists.', code: '23505' });
    expect(out.stack).not.toContain('li@example.com');
  });
});
