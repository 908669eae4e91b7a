import { ProblemError, asProblem, worthRetrying } from './problem';

const refusal = (status: number, code: string) => new ProblemError({ status, code, message: { 'zh-CN': code, en: code } });

describe('which failed reads the web app asks again', () => {
  it('retries network trouble and the API’s "briefly unavailable", twice at most', () => {
    expect(worthRetrying(0, new TypeError('Failed to fetch'))).toBe(true);
    expect(worthRetrying(0, refusal(503, 'SERVICE_UNAVAILABLE'))).toBe(true);
    expect(worthRetrying(1, refusal(503, 'SERVICE_UNAVAILABLE'))).toBe(true);
    expect(worthRetrying(2, refusal(503, 'SERVICE_UNAVAILABLE'))).toBe(false);
    expect(worthRetrying(2, new TypeError('Failed to fetch'))).toBe(false);
  });

  it('does not ask again when the API refused: the answer would be the same', () => {
    for (const [status, code] of [[400, 'VALIDATION_FAILED'], [401, 'UNAUTHENTICATED'], [403, 'FORBIDDEN'], [404, 'NOT_FOUND'], [409, 'VERSION_CONFLICT'], [429, 'TOO_MANY_REQUESTS']] as const) {
      expect(worthRetrying(0, refusal(status, code))).toBe(false);
    }
    // A 500 is a defect, not a passing state: shown at once, not hidden behind retries.
    expect(worthRetrying(0, new ProblemError(asProblem(null, 500)))).toBe(false);
  });
});
