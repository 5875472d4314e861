import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig, DomainError, registerErrorTexts } from '@amparo/core';
import { DataSource, EntityManager } from 'typeorm';
import {
  applyDisclosureControlInSlices,
  CellStatus,
  CountTable,
  DISCLOSURE_METHOD,
} from '../disclosure';
import { Bilingual, TOTAL_CODE } from '../model/code-labels';
import { Dimension, DIMENSIONS } from '../model/dimensions';
import { MEASURES, MeasureId } from '../model/measures';
import { periodsBetween } from '../model/periods';
import { StatisticsQuery } from '../model/statistics-query';
import { countCellsSql, mediansSql } from './aggregate-sql';
import { CodeLabelResolver } from './code-label-resolver';
import { StatisticsScope } from './statistics-scope';
import { streamRows } from './stream-rows';

registerErrorTexts({
  STATISTICS_TABLE_TOO_LARGE: {
    title: { es: 'Tabla demasiado grande', en: 'Table too large' },
    detail: {
      es: 'La tabla tendría {cells} celdas; el máximo es {max}. Use menos dimensiones, filtros o un período más largo.',
      en: 'The table would have {cells} cells; the maximum is {max}. Use fewer dimensions, filters or a longer period.',
    },
  },
});

export interface TableAxis {
  readonly dimension: Dimension;
  readonly codes: readonly { code: string; label: Bilingual }[];
}

/** One published or suppressed cell; `codes` follows the axes, `_T` where totalled. */
export interface StatisticsCell {
  readonly codes: readonly string[];
  /** A count, or a median in days; null when suppressed (never 0 for a suppressed cell). */
  readonly value: number | null;
  readonly suppressed: boolean;
}

/** A disclosure-controlled table: every inner cell and every margin down to the grand total. */
export interface StatisticsTable {
  readonly measure: MeasureId;
  readonly axes: readonly TableAxis[];
  readonly k: number;
  readonly method: typeof DISCLOSURE_METHOD;
  readonly cells: readonly StatisticsCell[];
}

export const DISCLOSURE_RULE =
  'Counts from 1 to k-1 are suppressed (primary), margins and totals included; further cells are ' +
  'suppressed (secondary, exact Gaussian elimination) so that no suppressed count can be derived ' +
  'from published cells; zeros are published; a median or other quantile (notification delay: ' +
  'median and 90th percentile) is published only where its count is, so a quantile of 1 to k-1 ' +
  'detentions or cases is never shown.';

/**
 * Computes a measure's table for a scope in PostgreSQL, then applies disclosure control: nothing
 * leaves this class unprotected. Only the aggregated cells are held in memory, never case rows.
 */
@Injectable()
export class StatisticsTables {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly labels: CodeLabelResolver,
  ) {}

  get k(): number {
    return this.config.statistics.disclosureK;
  }

  async table(query: StatisticsQuery, scope: StatisticsScope): Promise<StatisticsTable> {
    return MEASURES[query.measure].kind === 'median'
      ? this.medianTable(query, scope)
      : this.countTable(query, scope);
  }

  private async countTable(
    query: StatisticsQuery,
    scope: StatisticsScope,
  ): Promise<StatisticsTable> {
    const { sql, params } = countCellsSql(query, scope);
    const counts: InnerCount[] = [];
    const observed = query.dimensions.map(() => new Set<string>());
    await streamRows(this.dataSource, this.embedded, sql, params, (row) => {
      const codes = query.dimensions.map((_, i) => String(row[`d${i}`]));
      codes.forEach((c, i) => observed[i].add(c));
      counts.push({ codes, n: Number(row.n) });
    });
    const axes = await this.axes(query, observed);
    return this.disclose(query.measure, axes, counts);
  }

  private async medianTable(
    query: StatisticsQuery,
    scope: StatisticsScope,
  ): Promise<StatisticsTable> {
    const { sql, params } = mediansSql(query, scope);
    const counts: InnerCount[] = [];
    const medians = new Map<string, number>();
    const observed = query.dimensions.map(() => new Set<string>());
    const dims = query.dimensions.length;
    await streamRows(this.dataSource, this.embedded, sql, params, (row) => {
      const grouping = Number(row.g);
      // GROUPING() sets the bit of each totalled dimension, the first dimension highest.
      const codes = query.dimensions.map((_, i) =>
        grouping & (1 << (dims - 1 - i)) ? TOTAL_CODE : String(row[`d${i}`]),
      );
      if (grouping === 0) {
        codes.forEach((c, i) => observed[i].add(c));
        counts.push({ codes, n: Number(row.n) });
      }
      if (row.median !== null) medians.set(key(codes), Math.round(Number(row.median) * 10) / 10);
    });
    const axes = await this.axes(query, observed);
    const closed = await this.disclose(query.measure, axes, counts);
    return {
      ...closed,
      // A cell without closed cases has no median: it is left out rather than shown as 0.
      cells: closed.cells
        .filter((cell) => cell.value !== 0)
        .map((cell) =>
          cell.suppressed
            ? cell
            : { codes: cell.codes, value: medians.get(key(cell.codes)) ?? null, suppressed: false },
        ),
    };
  }

  /** Every fixed code (zeros included) or every code that occurs, each with its labels. */
  private async axes(query: StatisticsQuery, observed: Set<string>[]): Promise<TableAxis[]> {
    const axes: TableAxis[] = [];
    for (const [i, id] of query.dimensions.entries()) {
      const dimension = DIMENSIONS[id];
      if (typeof dimension.codes !== 'string') {
        const fixed = Object.entries(dimension.codes).map(([code, label]) => ({ code, label }));
        const filter = (query.filters as Record<string, string[] | undefined>)[id];
        axes.push({
          dimension,
          codes: filter ? fixed.filter((c) => filter.includes(c.code)) : fixed,
        });
        continue;
      }
      const codes =
        dimension.codes === 'period'
          ? periodsBetween(query.period, query.from, query.to).map((p) => p.code)
          : [...observed[i]].sort();
      const labels = await this.labels.labels(this.manager, dimension.codes, codes);
      axes.push({ dimension, codes: codes.map((code) => ({ code, label: labels.get(code)! })) });
    }
    return axes;
  }

  /**
   * Disclosure control in slices: a large table takes seconds, during which the API (or the
   * worker's queue connection) must go on serving everything else.
   */
  private async disclose(
    measure: MeasureId,
    axes: TableAxis[],
    counts: readonly InnerCount[],
  ): Promise<StatisticsTable> {
    const k = this.k;
    const base = { measure, axes, k, method: DISCLOSURE_METHOD } as const;
    if (axes.length === 0 || axes.some((a) => a.codes.length === 0)) {
      // No inner cells (no dimension, or one without any code): only the grand total exists.
      const n = axes.length === 0 ? (counts.at(-1)?.n ?? 0) : 0;
      const suppressed = n > 0 && n < k;
      return {
        ...base,
        cells: [{ codes: axes.map(() => TOTAL_CODE), value: suppressed ? null : n, suppressed }],
      };
    }
    const size = axes.reduce((product, a) => product * a.codes.length, 1);
    const max = this.config.statistics.maxTableCells;
    if (size > max) {
      throw new DomainError('STATISTICS_TABLE_TOO_LARGE', 'unprocessable', {
        params: { cells: size, max },
      });
    }
    const dimensions = axes.map((a) => ({
      name: a.dimension.id,
      codes: a.codes.map((c) => c.code),
    }));
    const result = await applyDisclosureControlInSlices(
      CountTable.fromCounts(dimensions, innerCounts(dimensions, counts)),
      { k },
    );
    return {
      ...base,
      cells: result.cells.map((cell) => ({
        codes: cell.coordinates.map((c) => c ?? TOTAL_CODE),
        value: cell.value,
        suppressed: isSuppressed(cell.status),
      })),
    };
  }

  private get embedded(): boolean {
    return this.config.database.mode === 'embedded';
  }

  private get manager(): EntityManager {
    return this.dataSource.manager;
  }
}

function isSuppressed(status: CellStatus): boolean {
  return status !== 'published';
}

/** One row of the SQL: a combination of codes (one per axis) and its count. */
interface InnerCount {
  readonly codes: readonly string[];
  readonly n: number;
}

/** The counts in CountTable's row-major order, 0 where the SQL has no row. */
function innerCounts(
  dimensions: readonly { codes: readonly string[] }[],
  counts: readonly InnerCount[],
): number[] {
  const positions = dimensions.map((d) => new Map(d.codes.map((code, p) => [code, p])));
  const inner = new Array<number>(dimensions.reduce((n, d) => n * d.codes.length, 1)).fill(0);
  for (const { codes, n } of counts) {
    let index = 0;
    for (let d = 0; d < dimensions.length && index >= 0; d++) {
      const p = positions[d].get(codes[d]);
      index = p === undefined ? -1 : index * dimensions[d].codes.length + p;
    }
    if (index >= 0) inner[index] = n;
  }
  return inner;
}

function key(codes: readonly string[]): string {
  return codes.join('\u0000');
}
