import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { CommonErrorCode } from '../error-code';
import { commonError } from '../errors';

/**
 * PostgreSQL cannot store U+0000 in text (`invalid byte sequence for encoding "UTF8": 0x00`, a 500), and a lone
 * UTF-16 surrogate ("\ud800") cannot be encoded as UTF-8 at all (URIErrors in validators, replacement characters
 * in the database). Neither is ever meaningful input, so every value a handler receives — path parameters, query,
 * JSON or multipart body, keys included — is refused by one rule instead of field by field. It has two doors because
 * guards run before pipes: `rejectUnsafeText` (middleware) sees the URL and the parsed JSON/form body before any guard
 * (sign-in's passport strategy reads the body itself), and `SafeTextPipe` sees what only exists later (multipart
 * fields, decoded route parameters).
 */
export function rejectUnsafeText(req: Request, _res: Response, next: NextFunction): void {
  let path: string;
  try {
    path = decodeURIComponent(req.path);
  } catch {
    return next(refusal('path', 'path'));
  }
  if (!isSafeText(path)) return next(refusal('path', 'path'));
  const inQuery = unsafePath(req.query, '', 0);
  if (inQuery !== undefined) return next(refusal(inQuery || 'query', 'query'));
  const inBody = unsafePath(req.body, '', 0);
  if (inBody !== undefined) return next(refusal(inBody || 'body', 'body'));
  next();
}

function refusal(where: string, part: string) {
  return commonError(CommonErrorCode.INVALID_CHARACTERS, { in: part }, undefined, [
    { field: where, code: 'invalidCharacters', zh: `${where}：含有不允许的字符`, en: `${where} contains a NUL character or an unpaired surrogate` },
  ]);
}

/** The pipe door (see `rejectUnsafeText`). */
@Injectable()
export class SafeTextPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    const hit = unsafePath(value, metadata.data ?? '', 0);
    if (hit !== undefined) throw refusal(hit || metadata.type, metadata.type);
    return value;
  }
}

/** The dotted path of the first unsafe string (or key), if any. */
function unsafePath(value: unknown, path: string, depth: number): string | undefined {
  if (typeof value === 'string') return isSafeText(value) ? undefined : path;
  // The body parser already caps depth; this bound only keeps a hand-built value from recursing without end.
  if (depth > 64 || value === null || typeof value !== 'object') return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = unsafePath(value[i], join(path, String(i)), depth + 1);
      if (hit !== undefined) return hit;
    }
    return undefined;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return undefined; // buffers, dates, class instances
  for (const [key, v] of Object.entries(value)) {
    if (!isSafeText(key)) return path;
    const hit = unsafePath(v, join(path, key), depth + 1);
    if (hit !== undefined) return hit;
  }
  return undefined;
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

export function isSafeText(s: string): boolean {
  // String.prototype.isWellFormed is in Node 20; the project's TypeScript lib (ES2023) does not declare it yet.
  return !s.includes('\u0000') && (s as unknown as { isWellFormed(): boolean }).isWellFormed();
}
