// Runs in every integration/e2e test worker before the test file: points it at its own database.
const worker = process.env.JEST_WORKER_ID ?? '1';
const url = process.env[`TEST_DATABASE_URL_${worker}`];
if (!url) {
  throw new Error('Integration and e2e tests need the databases prepared by `npm test` (scripts/test.mjs); run them through it.');
}
process.env.DATABASE_URL = url;
process.env.DATABASE_OWNER_URL = process.env[`TEST_DATABASE_OWNER_URL_${worker}`];
process.env.REDIS_URL = process.env.TEST_REDIS_URL;
