import { ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';

/** A private redis-server for a test that needs to stop and restart Redis without disturbing other files. */
export class RedisInstance {
  private proc?: ChildProcess;
  private readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanshe-redis-'));

  private constructor(readonly port: number, private readonly persist: boolean) {}

  /**
   * `persist` keeps an append-only file, as production Redis must: queued jobs then survive a stop and start. Without
   * it a restart empties the queues (jobs the outbox already handed over would be lost).
   */
  static async create(opts: { persist?: boolean } = {}): Promise<RedisInstance> {
    const port = await new Promise<number>((resolve) => {
      const srv = net.createServer().listen(0, '127.0.0.1', () => {
        const p = (srv.address() as net.AddressInfo).port;
        srv.close(() => resolve(p));
      });
    });
    const r = new RedisInstance(port, opts.persist ?? false);
    await r.start();
    return r;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    if (this.proc) return; // already running
    const bin = process.env.REDIS_SERVER_BIN || 'redis-server';
    this.proc = spawn(bin, ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', this.persist ? 'yes' : 'no', '--dir', this.dir], { stdio: 'ignore' });
    await this.waitFor(true);
  }

  async stop(): Promise<void> {
    if (!this.proc) return;
    const exited = new Promise((r) => this.proc!.once('exit', r));
    this.proc.kill('SIGTERM');
    await exited;
    this.proc = undefined;
    await this.waitFor(false);
  }

  async destroy(): Promise<void> {
    await this.stop();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  private async waitFor(up: boolean): Promise<void> {
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      const answering = await new Promise<boolean>((resolve) => {
        const s = net.connect(this.port, '127.0.0.1');
        s.once('connect', () => { s.write('PING\r\n'); });
        s.once('data', (d) => { s.destroy(); resolve(d.toString().startsWith('+PONG')); });
        s.once('error', () => resolve(false));
      });
      if (answering === up) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`redis on ${this.port} did not ${up ? 'start' : 'stop'}`);
  }
}
