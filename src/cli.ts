import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { createRootLogger, loadConfig } from '@sanshe/common';
import { Logger } from 'nestjs-pino';
import { MIGRATIONS } from '../migrations';
import { AppModule } from './app.module';
import { DemoSeeder } from './demo/demo-seeder';
import { OperatorBootstrap } from './modules/platform/operator-bootstrap.service';

/**
 * Operations commands:
 *   migrate            apply pending migrations (as the schema owner: DATABASE_OWNER_URL)
 *   migrate:revert     undo the last migration
 *   seed-demo          load the demo districts and accounts (idempotent)
 *   create-operator <phone|email> <password> [name]   create or confirm the platform operator
 */
async function ownerDataSource(): Promise<DataSource> {
  const url = process.env.DATABASE_OWNER_URL;
  if (!url) throw new Error('DATABASE_OWNER_URL is required: migrations run as the schema owner, not the application role');
  return new DataSource({ type: 'postgres', url, migrations: MIGRATIONS, migrationsTableName: 'schema_migrations', logging: ['error'] }).initialize();
}

async function withApp<T>(fn: (app: Awaited<ReturnType<typeof NestFactory.createApplicationContext>>) => Promise<T>): Promise<T> {
  const app = await NestFactory.createApplicationContext(AppModule.forRoot({ ...loadConfig(), runWorker: false, platformOperator: undefined, logLevel: 'warn' }), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  try {
    return await fn(app);
  } finally {
    await app.close();
  }
}

async function main(argv: string[]): Promise<void> {
  const [command, ...args] = argv;
  const log = createRootLogger();
  switch (command) {
    case 'migrate': {
      const ds = await ownerDataSource();
      const applied = await ds.runMigrations({ transaction: 'each' });
      log.info({ context: 'Migrate' }, `Applied ${applied.length} migration(s): ${applied.map((m) => m.name).join(', ') || 'none pending'}`);
      await ds.destroy();
      return;
    }
    case 'migrate:revert': {
      const ds = await ownerDataSource();
      await ds.undoLastMigration({ transaction: 'each' });
      await ds.destroy();
      return;
    }
    case 'seed-demo':
      await withApp((app) => app.get(DemoSeeder).seed());
      return;
    case 'create-operator': {
      const [login, password, name = '平台运营'] = args;
      if (!login || !password || password.length < 10) throw new Error('usage: create-operator <phone|email> <password of 10+ characters> [name]');
      await withApp((app) => app.get(OperatorBootstrap).ensureOperator(login, password, name));
      return;
    }
    default:
      throw new Error(`Unknown command "${command ?? ''}". Commands: migrate, migrate:revert, seed-demo, create-operator`);
  }
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (err) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
