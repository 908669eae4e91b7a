import { Type } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import type { TotalKind } from '../http/pagination';

const pages = new Map<Type<unknown>, Type<unknown>>();

/**
 * The one schema of a list page, `<Item>Page` = `{ items, total, totalKind, nextCursor }`. Every list operation documents its
 * response with this, so a field added to pages (e.g. how `total` was counted) is one line here.
 */
export function PageOf<T>(item: Type<T>): Type<{ items: T[]; total: number; totalKind: TotalKind; nextCursor: string | null }> {
  const known = pages.get(item);
  if (known) return known as Type<{ items: T[]; total: number; totalKind: TotalKind; nextCursor: string | null }>;
  class Page {
    @ApiProperty({ type: () => [item] }) items: T[];
    @ApiProperty({ example: 1, description: 'rows matching the filters, counted up to the cap (LIST_COUNT_CAP)' }) total: number;
    @ApiProperty({ enum: ['exact', 'atLeast'], enumName: 'TotalKind', example: 'exact', description: '`atLeast`: more rows match than the cap, and `total` is the cap ("10,000+")' })
    totalKind: TotalKind;
    @ApiProperty({ type: String, nullable: true, description: 'pass as `cursor` for the next page; null on the last page' })
    nextCursor: string | null;
  }
  Object.defineProperty(Page, 'name', { value: `${item.name.replace(/Response$/, '')}Page` });
  pages.set(item, Page);
  return Page;
}
