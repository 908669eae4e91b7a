#!/usr/bin/env node
// Lets a jest test (CommonJS, which cannot import ESM) drive a PostgreSQL of its own through the same service manager
// `npm test` uses (scripts/lib/services.mjs). One command per run; results as JSON on stdout.
//   start-pg <dataDir> <port>   stop-pg <dataDir>
//   provision <adminUrl> <port> <database>
import fs from 'node:fs';
import path from 'node:path';
import * as services from '../../scripts/lib/services.mjs';

const [command, ...args] = process.argv.slice(2);
const out = (value) => process.stdout.write(`${JSON.stringify(value ?? null)}\n`);

switch (command) {
  case 'start-pg': {
    const [dataDir, port] = args;
    // The postgres OS user must be able to reach the data folder's parent.
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    const pg = await services.startPostgres({ dataDir, port: Number(port), fast: true });
    out({ adminUrl: pg.adminUrl, port: pg.port });
    break;
  }
  case 'stop-pg':
    out(await services.stopPostgres({ dataDir: args[0] }));
    break;
  case 'provision': {
    const [adminUrl, port, database] = args;
    out(await services.provisionDatabase({
      adminUrl, port: Number(port), database, recreate: true,
      ownerRole: 'sanshe_owner', ownerPassword: 'sanshe_owner_test', appRole: 'sanshe_app', appPassword: 'sanshe_app_test',
    }));
    break;
  }
  default:
    process.stderr.write(`unknown command ${command}\n`);
    process.exit(2);
}
