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
  // Jest 30 reads testTimeout only here: the per-project values below are ignored (ARCHITECTURE, measured pitfalls),
  // so without this every e2e test got 5 s and timed out on a loaded 2-core box.
  testTimeout: 60_000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{src,libs}/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.int-spec.ts'],
      testTimeout: 60_000,
      setupFiles: ['<rootDir>/test/support/worker-env.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'],
      // Whole user journeys over HTTP on a shared 2-core machine: 5 s (jest's default) is too tight under load.
      testTimeout: 60_000,
      setupFiles: ['<rootDir>/test/support/worker-env.ts'],
    },
  ],
};
