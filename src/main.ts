import 'reflect-metadata';
import { Logger } from 'nestjs-pino';
import { ConfigError, createRootLogger, loadConfig } from '@sanshe/common';
import { createApp } from './bootstrap';

/** API entry point. With RUN_WORKER=true (the default) the same process also runs the outbox relay and jobs. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(78);
    }
    throw err;
  }
  const app = await createApp(config);
  await app.listen(config.port, '0.0.0.0');
  app.get(Logger).log(`Sanshe API listening on port ${config.port} (worker ${config.runWorker ? 'on' : 'off'})`, 'Main');
}

void main().catch((err) => {
  createRootLogger().fatal({ context: 'Main', err }, 'API failed to start');
  process.exit(1);
});
