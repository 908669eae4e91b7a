import { ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import request from 'supertest';
import type { TestMailbox } from './mailbox';
import type { TestApp } from './test-app';

const DIST = path.resolve(__dirname, '../../dist/src');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(p));
    });
    srv.on('error', reject);
  });
}

/**
 * Start-up waits are generous (3 min): on a 2-core box shared with other suites a Nest process can take a minute to
 * boot.
 *
 * A real `node dist/src/main.js` or `dist/src/worker.js` process, as production runs them. Its last output lines are
 * kept so a failing test can say why a process died.
 */
export class ServiceProcess {
  private readonly output: string[] = [];
  readonly exited: Promise<number | null>;

  private constructor(readonly name: string, readonly proc: ChildProcess, readonly port?: number) {
    const keep = (chunk: Buffer) => {
      this.output.push(...chunk.toString().split('\n').filter(Boolean));
      if (this.output.length > 200) this.output.splice(0, this.output.length - 200);
    };
    proc.stdout?.on('data', keep);
    proc.stderr?.on('data', keep);
    this.exited = new Promise((resolve) => proc.once('exit', (code) => resolve(code)));
  }

  static async api(name: string, env: NodeJS.ProcessEnv): Promise<ServiceProcess> {
    const port = await freePort();
    const p = new ServiceProcess(name, spawn(process.execPath, [path.join(DIST, 'main.js')], {
      env: { ...env, PORT: String(port), RUN_WORKER: 'false' }, stdio: ['ignore', 'pipe', 'pipe'],
    }), port);
    await p.waitUntil(async () => (await fetch(`${p.url}/api/health`).catch(() => undefined))?.status === 200, 180_000, 'answer /api/health');
    return p;
  }

  static async worker(name: string, env: NodeJS.ProcessEnv): Promise<ServiceProcess> {
    // At log level `log` the worker says when it runs (it has no port to probe).
    const p = new ServiceProcess(name, spawn(process.execPath, [path.join(DIST, 'worker.js')], { env: { ...env, LOG_LEVEL: 'log' }, stdio: ['ignore', 'pipe', 'pipe'] }));
    await p.waitUntil(async () => p.output.some((l) => l.includes('Sanshe worker running')), 180_000, 'start');
    return p;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** A TestApp-shaped handle for the shared helpers that only talk HTTP (login, openDistrict with an operator…). */
  asTestApp(mailbox?: TestMailbox): TestApp {
    return { http: request(this.url), mailbox } as unknown as TestApp;
  }

  /**
   * The last 40 lines, and before them every error-level line (pino 50/60) and every line that is not the logger's
   * JSON (a stack printed by Express's or Node's own handler), so an unexpected 5xx explains itself.
   */
  logs(): string {
    const errors = this.output.slice(0, -40).filter((l) => (/"level":(50|60)/.test(l) || !l.trimStart().startsWith('{')) && !l.includes('SERVICE_UNAVAILABLE'));
    return `--- ${this.name} ---\n${[...errors.slice(-30), ...this.output.slice(-40)].join('\n')}`;
  }

  async waitUntil(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let exitCode: number | null | undefined;
    void this.exited.then((c) => { exitCode = c; });
    while (Date.now() < deadline) {
      if (exitCode !== undefined) throw new Error(`${this.name} exited (${exitCode}) before it could ${what}\n${this.logs()}`);
      if (await check()) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    await this.stop('SIGKILL');
    throw new Error(`${this.name} did not ${what} within ${timeoutMs} ms\n${this.logs()}`);
  }

  /** SIGTERM and wait (a clean shutdown), or SIGKILL to simulate a crash. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    if (this.proc.exitCode !== null || this.proc.signalCode !== null) return;
    this.proc.kill(signal);
    const timer = setTimeout(() => this.proc.kill('SIGKILL'), 20_000);
    await this.exited;
    clearTimeout(timer);
  }
}

/** Environment shared by every process of one test cluster: same database, Redis and queue prefix. */
export function clusterEnv(over: Record<string, string>): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    JWT_SECRET: 'test-secret-that-is-long-enough-0123456789',
    MASTER_KEY: process.env.MASTER_KEY || 'c2Fuc2hlLXRlc3QtbWFzdGVyLWtleS0wMTIzNDU2Nzg=',
    LOGIN_SLOWDOWN_MS: '50',
    OUTBOX_POLL_MS: '100',
    DATABASE_POOL_SIZE: '5',
    DATABASE_URL: process.env.DATABASE_URL!,
    REDIS_URL: process.env.REDIS_URL!,
    ...over,
  };
}
