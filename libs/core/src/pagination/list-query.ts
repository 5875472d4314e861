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

/** What SQL type a sort field has, so a cursor's value is checked before it reaches SQL. */
export type SortValueType = 'text' | 'timestamp' | 'date' | 'integer';

export interface SortSpec {
  /** API name → SQL expression (NOT NULL, so keyset comparison is total). */
  fields: Record<string, string>;
  /** The type of each field that is not text (a cursor holding another type is refused). */
  types?: Record<string, SortValueType>;
  /** The API name used when none is asked. */
  default: string;
  /** Unique tie-breaker column, e.g. `c.id`. */
  tieBreaker: string;
}

export interface ResolvedSort {
  key: string;
  expression: string;
  type: SortValueType;
  descending: boolean;
  /** `ORDER BY …` with the tie-breaker. */
  orderBy: string;
}

/** Checks `sort` against the declared fields; anything else is a 400 problem. */
export function resolveSort(sort: string | undefined, spec: SortSpec): ResolvedSort {
  const requested = sort ?? spec.default;
  const descending = requested.startsWith('-');
  const key = descending ? requested.slice(1) : requested;
  // Own keys only: `valueOf` or `constructor` would otherwise find Object.prototype's function.
  const expression = Object.hasOwn(spec.fields, key) ? spec.fields[key] : undefined;
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
    type: (spec.types && Object.hasOwn(spec.types, key) ? spec.types[key] : undefined) ?? 'text',
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
  if (sortKey !== sort.key || !isSortValue(value, sort.type) || !isUuid(id)) throw invalidCursor();
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
  // A Date from a field declared text would make cursors that keysetAfter then refuses.
  if (value instanceof Date && sort.type === 'text')
    throw new Error(`Sort field ${sort.key} returns timestamps: declare it in its SortSpec types`);
  return [sort.key, value instanceof Date ? value.toISOString() : value, id];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

// Tie-breakers are row ids.
function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/**
 * Whether a cursor's sort value is what `keysetCursor` writes for a field of this type: a forged
 * `"not-a-date"` or `"2026-02-30"` would otherwise reach PostgreSQL as a timestamp (SQLSTATE 22007).
 */
export function isSortValue(value: unknown, type: SortValueType): boolean {
  switch (type) {
    case 'text':
      return typeof value === 'string' && value.length <= 1000;
    case 'integer':
      return typeof value === 'number' && Number.isSafeInteger(value);
    case 'timestamp':
      // keysetCursor writes Date#toISOString, so anything else is not one of ours.
      return typeof value === 'string' && isRoundTripIso(value);
    case 'date':
      return (
        typeof value === 'string' &&
        (isRoundTripIso(value) ||
          (CALENDAR_DATE.test(value) && isRoundTripIso(`${value}T00:00:00.000Z`)))
      );
  }
}

function isRoundTripIso(value: string): boolean {
  const time = Date.parse(value);
  return Number.isFinite(time) && new Date(time).toISOString() === value;
}
