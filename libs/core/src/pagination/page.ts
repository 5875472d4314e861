import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { DomainError } from '../errors/domain-error';
import { registerErrorTexts } from '../errors/error-catalog';
import { isUnsafeText } from '../validation/unsafe-strings';

registerErrorTexts({
  INVALID_CURSOR: {
    title: { es: 'Cursor no válido', en: 'Invalid cursor' },
    detail: {
      es: 'El cursor de paginación no es válido; vuelva a pedir la primera página.',
      en: 'The pagination cursor is not valid; request the first page again.',
    },
  },
});

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

/** `cursor` and `limit` of every list endpoint. */
export class PageQuery {
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** A keyset position: the sort values of the last row of a page. Opaque to clients. */
export function encodeCursor(values: (string | number | null)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/**
 * The values of a cursor. Clients can forge cursors, so nothing unsafe gets through even when the
 * caller checks no types: strings hold no NUL or lone surrogate, numbers are finite.
 */
export function decodeCursor(cursor: string, arity: number): (string | number | null)[] {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(values) &&
      values.length === arity &&
      values.every(
        (v) =>
          v === null ||
          (typeof v === 'string' && !isUnsafeText(v)) ||
          (typeof v === 'number' && Number.isFinite(v)),
      )
    ) {
      return values as (string | number | null)[];
    }
  } catch {
    // fall through: any undecodable cursor is the same client error
  }
  throw invalidCursor();
}

export function invalidCursor(): DomainError {
  return new DomainError('INVALID_CURSOR', 'invalid', {
    fieldErrors: [
      {
        field: 'cursor',
        code: 'INVALID_CURSOR',
        message: { es: 'Cursor no válido.', en: 'Invalid cursor.' },
      },
    ],
  });
}

/** Rows were fetched with `limit + 1`: the extra row only tells that another page exists. */
export function toPage<R, T>(
  rows: R[],
  limit: number,
  cursorOf: (row: R) => (string | number | null)[],
  map: (row: R) => T,
): Page<T> {
  const items = rows.slice(0, limit);
  const more = rows.length > limit && items.length > 0;
  return {
    items: items.map(map),
    nextCursor: more ? encodeCursor(cursorOf(items[items.length - 1])) : null,
  };
}
