import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { DomainError } from '../errors/domain-error';
import { registerErrorTexts } from '../errors/error-catalog';
import { PageQuery, decodeCursor, invalidCursor } from './page';

registerErrorTexts({
  INVALID_SORT: {
    title: { es: 'Orden no admitido', en: 'Unsupported sort' },
    detail: {
      es: 'Solo se puede ordenar por: {fields}.',
      en: 'Lists can only be sorted by: {fields}.',
    },
  },
});

/** `sort`, `q`, `cursor` and `limit`: the query of every list endpoint. */
export class ListQuery extends PageQuery {
  @ApiPropertyOptional({
    description: 'A declared field; prefix with - for descending (e.g. -createdAt)',
  })
  @IsOptional()
  @Matches(/^-?[A-Za-z]{1,40}$/)
  sort?: string;

  @ApiPropertyOptional({
    description: 'Text search ignoring accents and case ("Mexico" finds "México")',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export interface SortSpec {
  /** API name → SQL expression (NOT NULL, so keyset comparison is total). */
  fields: Record<string, string>;
  /** The API name used when none is asked. */
  default: string;
  /** Unique tie-breaker column, e.g. `c.id`. */
  tieBreaker: string;
}

export interface ResolvedSort {
  key: string;
  expression: string;
  descending: boolean;
  /** `ORDER BY …` with the tie-breaker. */
  orderBy: string;
}

/** Checks `sort` against the declared fields; anything else is a 400 problem. */
export function resolveSort(sort: string | undefined, spec: SortSpec): ResolvedSort {
  const requested = sort ?? spec.default;
  const descending = requested.startsWith('-');
  const key = descending ? requested.slice(1) : requested;
  const expression = spec.fields[key];
  if (!expression) {
    throw new DomainError('INVALID_SORT', 'invalid', {
      params: { fields: Object.keys(spec.fields).join(', ') },
      fieldErrors: [
        {
          field: 'sort',
          code: 'INVALID_SORT',
          message: {
            es: `Valores admitidos: ${Object.keys(spec.fields).join(', ')}.`,
            en: `Allowed values: ${Object.keys(spec.fields).join(', ')}.`,
          },
        },
      ],
    });
  }
  const direction = descending ? 'DESC' : 'ASC';
  return {
    key: requested,
    expression,
    descending,
    orderBy: `ORDER BY ${expression} ${direction}, ${spec.tieBreaker} ${direction}`,
  };
}

/**
 * The keyset condition for the page after `cursor` (`(sortValue, id) > (?, ?)`), or undefined for the
 * first page. A cursor made under another sort is refused: it would skip or repeat rows.
 */
export function keysetAfter(
  cursor: string | undefined,
  sort: ResolvedSort,
  tieBreaker: string,
): { sql: string; values: unknown[] } | undefined {
  if (!cursor) return undefined;
  const [sortKey, value, id] = decodeCursor(cursor, 3);
  if (sortKey !== sort.key) throw invalidCursor();
  return {
    sql: `(${sort.expression}, ${tieBreaker}) ${sort.descending ? '<' : '>'} (?, ?)`,
    values: [value, id],
  };
}

/** The cursor values of a row: the sort key, its sort value and its id. */
export function keysetCursor(
  sort: ResolvedSort,
  value: string | number | Date | null,
  id: string,
): (string | number | null)[] {
  return [sort.key, value instanceof Date ? value.toISOString() : value, id];
}
