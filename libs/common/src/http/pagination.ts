import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { CommonErrorCode } from '../error-code';
import { commonError } from '../errors';

/** Query parameters shared by list endpoints: cursor pagination with a bounded page size. */
export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200)
  limit?: number;

  @ApiPropertyOptional({ description: 'Opaque cursor from the previous page\'s nextCursor' })
  @IsOptional() @IsString() @MaxLength(200)
  cursor?: string;
}

/** `exact`: `total` rows match; `atLeast`: more than the count cap match and `total` is the cap ("10,000+"). */
export type TotalKind = 'exact' | 'atLeast';

/**
 * One page of a list (the one shape every list answers with). The total is counted only up to a cap so that a page
 * costs the same in a small and a large district (`keysetPage` in @sanshe/database).
 */
export interface Page<T> {
  items: T[];
  /** Rows matching the filters (for the page header "共 N 条"), exact up to the count cap. */
  total: number;
  totalKind: TotalKind;
  nextCursor: string | null;
}

/** A keyset cursor: the sort key and id of the last row, base64url-encoded so clients treat it as opaque. */
export function encodeCursor(sortKey: string, id: string): string {
  return Buffer.from(JSON.stringify([sortKey, id])).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): { sortKey: string; id: string } | undefined {
  if (!cursor) return undefined;
  try {
    const [sortKey, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof sortKey === 'string' && !sortKey.includes('\u0000') && typeof id === 'string' && /^[0-9a-f-]{36}$/.test(id)) return { sortKey, id };
  } catch {
    // fall through to the refusal below
  }
  throw commonError(CommonErrorCode.VALIDATION_FAILED, undefined, undefined, [
    { field: 'cursor', code: 'cursor', zh: 'cursor：分页标记无效', en: 'cursor is not valid' },
  ]);
}
