// Jest runs in CommonJS mode: NestJS 12 ships ESM only, so @swc/jest transforms both our
// TypeScript and the @nestjs packages (see ../shared/ARCHITECTURE.md, "Running it").
const swcConfig = {
  sourceMaps: 'inline',
  module: { type: 'commonjs' },
  jsc: {
    target: 'es2022',
    parser: { syntax: 'typescript', decorators: true, dynamicImport: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    keepClassNames: true,
  },
};
const moduleNameMapper = {
  '^@sanshe/([a-z-]+)$': '<rootDir>/libs/$1/src',
  '^@sanshe/([a-z-]+)/(.*)$': '<rootDir>/libs/$1/src/$2',
};
const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', swcConfig] },
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs)/)'],
  moduleNameMapper,
};
module.exports = {
  // Databases and Redis are prepared by scripts/test.mjs (`npm test`); each worker gets its own database.
  maxWorkers: 2,
  // A leaked handle (an ioredis client still reconnecting after a test stopped its Redis) must not keep a run open
  // until CI's limit: the results are complete when the last suite ends.
  forceExit: true,
  // Global in Jest 30: inside `projects[]` it is silently ignored and every hook and test gets 5 s. Whole user
  // journeys over HTTP on a shared, loaded 2-core machine need far more; test/integration/test-timeouts.int-spec.ts
  // fails if this stops taking effect.
  testTimeout: 60_000,
  // Longest files first by test/durations.json, so no long file starts last on a clean CI clone (see the file).
  testSequencer: '<rootDir>/test/support/sequencer.js',
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{src,libs}/**/*.spec.ts', '<rootDir>/web/src/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.int-spec.ts'],
      setupFiles: ['<rootDir>/test/support/worker-env.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'],
      setupFiles: ['<rootDir>/test/support/worker-env.ts'],
    },
    {
      ...common,
      displayName: 'browser',
      // Real Chromium against the real app (served web + API, PostgreSQL, Redis); see test/browser/support.
      // Each browser file raises its own timeout with jest.setTimeout (testTimeout here would be ignored).
      testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
      // Prints what the page showed and the API's refusals when a browser test fails (see the file).
      testEnvironment: '<rootDir>/test/browser/support/environment.js',
      setupFiles: ['<rootDir>/test/support/worker-env.ts'],
      // One retry, reported at the end of the run (see the file).
      setupFilesAfterEnv: ['<rootDir>/test/browser/support/retry.ts'],
    },
  ],
};
