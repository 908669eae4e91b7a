import { Client } from 'pg';

/** The migrated template every worker's database is cloned from (scripts/test.mjs). */
const TEMPLATE = 'sanshe_test_template';

export interface FreshDatabase {
  /** Drops the database and points the process back at the worker's own. */
  drop(): Promise<void>;
}

/**
 * A database of its own for one test file, cloned from the migrated template: for data no other test file may have
 * touched before, such as the demo's fixed district codes (the worker's database is shared by the files it runs).
 * Call it before `startTestApp`: it points DATABASE_URL / DATABASE_OWNER_URL at the clone for the app and for
 * `ownerClient()`.
 */
export async function freshDatabase(name: string): Promise<FreshDatabase> {
  const adminUrl = process.env.TEST_PG_ADMIN_URL;
  const appUrl = process.env.DATABASE_URL;
  const ownerUrl = process.env.DATABASE_OWNER_URL;
  if (!adminUrl || !appUrl || !ownerUrl) throw new Error('freshDatabase needs the servers prepared by `npm test` (TEST_PG_ADMIN_URL)');
  const database = `sanshe_test_${name}_${process.env.JEST_WORKER_ID ?? '1'}`;
  const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const app = new URL(appUrl);
  const owner = new URL(ownerUrl);
  const admin = async (sql: string) => {
    const c = new Client({ connectionString: adminUrl });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await admin(`DROP DATABASE IF EXISTS ${ident(database)} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${ident(database)} TEMPLATE ${ident(TEMPLATE)} OWNER ${ident(decodeURIComponent(owner.username))}`);
  await admin(`REVOKE ALL ON DATABASE ${ident(database)} FROM PUBLIC; GRANT CONNECT ON DATABASE ${ident(database)} TO ${ident(decodeURIComponent(app.username))}`);
  const at = (u: URL) => Object.assign(new URL(u.href), { pathname: `/${database}` }).href;
  process.env.DATABASE_URL = at(app);
  process.env.DATABASE_OWNER_URL = at(owner);
  return {
    async drop() {
      process.env.DATABASE_URL = appUrl;
      process.env.DATABASE_OWNER_URL = ownerUrl;
      await admin(`DROP DATABASE IF EXISTS ${ident(database)} WITH (FORCE)`);
    },
  };
}
