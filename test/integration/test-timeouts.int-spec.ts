import path from 'node:path';

/* eslint-disable @typescript-eslint/no-require-imports */
const config = require(path.join(__dirname, '../../jest.config.js')) as { testTimeout?: number; projects: Array<Record<string, unknown>> };

// jest-circus keeps the run's settings under a private symbol; `testTimeout` there is what every hook and test
// without its own timeout gets.
const circusState = () => {
  const key = Object.getOwnPropertySymbols(globalThis).find((s) => s.description === 'JEST_STATE_SYMBOL');
  return key ? (globalThis as unknown as Record<symbol, { testTimeout?: number }>)[key] : undefined;
};

const INTENDED_MS = 60_000;
const JEST_DEFAULT_MS = 5_000;

describe('test timeouts are the intended ones, not jest’s 5 s default', () => {
  // Slower than jest's default on purpose: with the setting lost, this hook fails both tests below.
  beforeAll(async () => {
    await new Promise((r) => setTimeout(r, JEST_DEFAULT_MS + 500));
  });

  it('the timeout is set where Jest 30 reads it (top level), and in no project where it would be ignored', () => {
    expect(config.testTimeout).toBeGreaterThanOrEqual(INTENDED_MS);
    for (const project of config.projects) expect(project).not.toHaveProperty('testTimeout');
  });

  it('the running test worker uses it', () => {
    expect(circusState()?.testTimeout).toBe(config.testTimeout);
  });
});
