import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { ConfigError, createRootLogger, loadConfig } from '@sanshe/common';
import { AppModule } from './app.module';

/** Worker entry point for deployments that scale it apart from the API: relay and job processors, no HTTP. */
async function main(): Promise<void> {
  let config;
  try {
    config = { ...loadConfig(), runWorker: true };
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(78);
    }
    throw err;
  }
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  app.get(Logger).log('Sanshe worker running', 'Worker');
}

void main().catch((err) => {
  createRootLogger().fatal({ context: 'Worker', err }, 'worker failed to start');
  process.exit(1);
});
