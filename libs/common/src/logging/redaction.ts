/**
 * What never reaches a log line: credentials (passwords, tokens, authorization headers, cookies) and personal data
 * (ID numbers, phones, e-mail addresses). pino's `redact` paths cover fixed shapes only; a service may log a
 * database error whose `detail` quotes a phone, or a message naming an address, so every logged value is scrubbed
 * by key name at any depth and by pattern inside strings. It runs only for lines whose level is enabled.
 */
export const REDACTED = '[REDACTED]';

// Keys whose value is dropped whole, wherever they sit in a logged object.
const SECRET_KEY = /pass(word|wd)?|secret|token|authori[sz]ation|cookie|api[-_]?key|id_?(number|card)|phone|mobile|e_?mail|master_?key/i;

// Values recognised inside free text. Order matters: a JWT or bearer token goes before the digit patterns.
const TEXT_PATTERNS: RegExp[] = [
  /\bBearer\s+[\w.~+/=-]+/gi,
  /\beyJ[\w-]*\.[\w-]*\.[\w-]*/g, // JWT
  /([?&;]\s*(?:[\w-]*token|password|secret)=)[^&\s"']+/gi,
  /(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g, // mainland resident ID number
  /(?<!\d)(?:\+?86[- ]?)?1[3-9]\d{9}(?!\d)/g, // mainland mobile number
  /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, // e-mail address
];

export function scrubText(text: string): string {
  let out = text;
  for (const pattern of TEXT_PATTERNS) {
    out = out.replace(pattern, (match: string, prefix?: unknown) => (typeof prefix === 'string' && match.startsWith(prefix) ? prefix + REDACTED : REDACTED));
  }
  return out;
}

/** A scrubbed copy (the caller's object is never changed). Errors become plain objects with their stack scrubbed. */
export function scrubValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth > 8) return '[Truncated]';
  if (Array.isArray(value)) return value.map((v) => scrubValue(v, depth + 1));
  if (value instanceof Date || Buffer.isBuffer(value)) return value;
  const out: Record<string, unknown> = {};
  if (value instanceof Error) {
    out.type = value.name;
    out.message = scrubText(value.message);
    if (value.stack) out.stack = scrubText(value.stack);
  }
  for (const [key, v] of Object.entries(value)) {
    out[key] = SECRET_KEY.test(key) && v !== null && v !== undefined && v !== '' ? REDACTED : scrubValue(v, depth + 1);
  }
  return out;
}
