import http from 'node:http';

/**
 * Closed-loop load: `connections` keep-alive clients each send the next request as soon as the previous answer
 * arrives, for `seconds`. Runs in its own process so it never shares an event loop with the server measured.
 * Usage: node load-generator.js <url> <connections> <seconds> [authorization]
 */
async function main(): Promise<void> {
  const [url, connectionsArg, secondsArg, authorization] = process.argv.slice(2);
  const connections = Number(connectionsArg);
  const deadline = Date.now() + Number(secondsArg) * 1000;
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const target = new URL(url);
  let ok = 0;
  let failed = 0;
  const latencies: number[] = [];
  const one = () =>
    new Promise<void>((resolve) => {
      const started = process.hrtime.bigint();
      const req = http.request(
        { host: target.hostname, port: target.port, path: target.pathname + target.search, agent, headers: authorization ? { authorization } : {} },
        (res) => {
          res.resume();
          res.on('end', () => {
            if (res.statusCode === 200) ok += 1;
            else failed += 1;
            latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
            resolve();
          });
        },
      );
      req.on('error', () => { failed += 1; resolve(); });
      req.end();
    });
  const started = Date.now();
  await Promise.all(Array.from({ length: connections }, async () => { while (Date.now() < deadline) await one(); }));
  const elapsed = (Date.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const p = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  process.stdout.write(JSON.stringify({ ok, failed, rps: ok / elapsed, p50: p(0.5), p99: p(0.99) }) + '\n');
  agent.destroy();
}

void main();
