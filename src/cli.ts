import 'reflect-metadata';
import fs from 'node:fs';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppConfig, createRootLogger, loadConfig } from '@sanshe/common';
import { Logger } from 'nestjs-pino';
import { MIGRATIONS } from '../migrations';
import { AppModule } from './app.module';
import { DemoSeeder } from './demo/demo-seeder';
import { buildOpenApiDocumentOffline } from './openapi';
import { OperatorBootstrap } from './modules/platform/operator-bootstrap.service';
import { LegacyProtectionService } from './modules/data-protection/legacy-protection.service';
import { MasterKeyRotation } from './modules/data-protection/master-key-rotation.service';

/**
 * Operations commands:
 *   migrate            apply pending migrations (as the schema owner: DATABASE_OWNER_URL)
 *   migrate:revert     undo the last migration
 *   seed-demo          load the demo districts and accounts (idempotent)
 *   create-operator <phone|email> <password> [name]   create or confirm the platform operator
 *   openapi [file]     write the OpenAPI document (no database needed)
 *   protect-personal-data   encrypt values older versions stored in clear (idempotent; npm start runs it)
 *   rotate-master-key       re-wrap every district's data keys: OLD_MASTER_KEY -> NEW_MASTER_KEY (from the environment)
 */
async function ownerDataSource(): Promise<DataSource> {
  const url = process.env.DATABASE_OWNER_URL;
  if (!url) throw new Error('DATABASE_OWNER_URL is required: migrations run as the schema owner, not the application role');
  return new DataSource({ type: 'postgres', url, migrations: MIGRATIONS, migrationsTableName: 'schema_migrations', logging: ['error'] }).initialize();
}

async function withApp<T>(fn: (app: Awaited<ReturnType<typeof NestFactory.createApplicationContext>>) => Promise<T>, overrides: Partial<AppConfig> = {}): Promise<T> {
  const app = await NestFactory.createApplicationContext(AppModule.forRoot({ ...loadConfig(), runWorker: false, platformOperator: undefined, logLevel: 'warn', ...overrides }), { bufferLogs: true });
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
    case 'openapi': {
      // The contract without a database or a port: `npm run openapi:update` writes the committed snapshot with it.
      const [out] = args;
      const doc = await buildOpenApiDocumentOffline();
      const text = `${JSON.stringify(doc, null, 2)}\n`;
      if (out) fs.writeFileSync(out, text);
      else process.stdout.write(text);
      return;
    }
    case 'protect-personal-data': {
      const n = await withApp((app) => app.get(LegacyProtectionService).protectAll());
      log.info({ context: 'ProtectPersonalData' }, `Encrypted ${n} value(s) stored in clear`);
      return;
    }
    case 'rotate-master-key': {
      const { OLD_MASTER_KEY: oldKey, NEW_MASTER_KEY: newKey } = process.env;
      if (!oldKey || !newKey) throw new Error('rotate-master-key reads OLD_MASTER_KEY and NEW_MASTER_KEY from the environment');
      // The app starts under the old key (it is still the one wrapping the keys); only the keyring's wraps change.
      const r = await withApp((app) => app.get(MasterKeyRotation).rotate(oldKey, newKey), { masterKey: oldKey });
      log.info({ context: 'RotateMasterKey' }, `Re-wrapped ${r.rewrapped} data key(s) under the new master key (${r.alreadyNew} already were). Set MASTER_KEY to the new key now.`);
      return;
    }
    default:
      throw new Error(`Unknown command "${command ?? ''}". Commands: migrate, migrate:revert, seed-demo, create-operator, openapi, protect-personal-data, rotate-master-key`);
  }
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (err) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
