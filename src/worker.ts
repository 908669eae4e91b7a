import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ConfigError, JsonLogger, loadConfig } from '@sanshe/common';
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
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: new JsonLogger() });
  app.enableShutdownHooks();
  new JsonLogger().log('Sanshe worker running', 'Worker');
}

void main().catch((err) => {
  new JsonLogger().fatal(err instanceof Error ? err : String(err), 'Worker');
  process.exit(1);
});
