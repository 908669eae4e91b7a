import { Type } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';

const pages = new Map<Type<unknown>, Type<unknown>>();

/**
 * The one schema of a list page, `<Item>Page` = `{ items, total, nextCursor }`. Every list operation documents its
 * response with this, so a field added to pages (e.g. how `total` was counted) is one line here.
 */
export function PageOf<T>(item: Type<T>): Type<{ items: T[]; total: number; nextCursor: string | null }> {
  const known = pages.get(item);
  if (known) return known as Type<{ items: T[]; total: number; nextCursor: string | null }>;
  class Page {
    @ApiProperty({ type: () => [item] }) items: T[];
    @ApiProperty({ example: 1, description: 'rows matching the filters' }) total: number;
    @ApiProperty({ type: String, nullable: true, description: 'pass as `cursor` for the next page; null on the last page' })
    nextCursor: string | null;
  }
  Object.defineProperty(Page, 'name', { value: `${item.name.replace(/Response$/, '')}Page` });
  pages.set(item, Page);
  return Page;
}
