/**
 * A linear pass over the raw JSON bytes, run by the body parser before `JSON.parse`. `JSON.parse` itself is fast,
 * but what comes after it is not: class-validator and class-transformer walk every key and recurse into every level,
 * so 60,000 keys held the event loop for seconds (every other request waited, `/api/health` too) and 5,000 nested
 * arrays overflowed the stack (a 500). Counting brackets and members on the bytes costs about a millisecond per
 * megabyte and refuses such bodies before any of that runs. Multi-byte UTF-8 sequences never contain ASCII bytes,
 * so scanning bytes is exact.
 */
export interface JsonShapeLimits {
  /** Deepest nesting of objects and arrays allowed. */
  maxDepth: number;
  /** Object members plus array elements allowed in the whole document. */
  maxMembers: number;
}

export type JsonShapeProblem = 'depth' | 'members';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;
const CLOSE_OBJECT = 0x7d;
const CLOSE_ARRAY = 0x5d;
const COMMA = 0x2c;

/** Returns the first limit the body breaks, or undefined. Malformed JSON is left for `JSON.parse` to refuse. */
export function checkJsonShape(body: Uint8Array, limits: JsonShapeLimits): JsonShapeProblem | undefined {
  let depth = 0;
  let members = 0;
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const b = body[i];
    if (inString) {
      if (b === BACKSLASH) i++;
      else if (b === QUOTE) inString = false;
      continue;
    }
    switch (b) {
      case QUOTE:
        inString = true;
        break;
      case OPEN_OBJECT:
      case OPEN_ARRAY:
        if (++depth > limits.maxDepth) return 'depth';
        // The first member of a non-empty container has no comma before it; counting the opening keeps the count an
        // upper bound (an empty container counts one), which is all a limit needs.
        if (++members > limits.maxMembers) return 'members';
        break;
      case CLOSE_OBJECT:
      case CLOSE_ARRAY:
        depth--;
        break;
      case COMMA:
        if (++members > limits.maxMembers) return 'members';
        break;
    }
  }
  return undefined;
}

/** The error the body parser's `verify` hook throws; the problem-details filter answers it 400 JSON_TOO_COMPLEX. */
export class JsonTooComplexError extends Error {
  readonly type = 'entity.too.complex';
  readonly status = 400;
  constructor(readonly problem: JsonShapeProblem) {
    super(`JSON body exceeds the ${problem} limit`);
  }
}

/** A body-parser `verify` hook enforcing the limits. */
export function jsonShapeVerifier(limits: JsonShapeLimits) {
  return (_req: unknown, _res: unknown, buf: Buffer): void => {
    const problem = checkJsonShape(buf, limits);
    if (problem) throw new JsonTooComplexError(problem);
  };
}
