import { Type } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';

const pages = new Map<Type, Type>();

/**
 * The `{ items, nextCursor }` list body, as a class per item type for the OpenAPI document
 * (`CaseResponse` → `CasePage`). Lists answered whole always have `nextCursor: null`.
 */
export function PageOf(item: Type): Type {
  const existing = pages.get(item);
  if (existing) return existing;
  class Page {
    @ApiProperty({ type: [item] }) items!: unknown[];
    @ApiProperty({
      type: String,
      nullable: true,
      description: 'Pass as `cursor` for the next page; null on the last page',
    })
    nextCursor!: string | null;
  }
  Object.defineProperty(Page, 'name', { value: `${item.name.replace(/Response$/, '')}Page` });
  pages.set(item, Page);
  return Page;
}
