import { Injectable } from '@nestjs/common';
import { AuditService } from '@amparo/audit';
import { DomainError } from '@amparo/core';
import { Caller, recordCallerEvent } from '@amparo/identity';
import { StatisticsExportCode } from '../export-format';
import { MEASURES, isMeasureId } from '../model/measures';
import { latestPerCountry } from './latest-per-country';
import { RegionalExportsService } from './regional-exports.service';
import { RegionalTable, regionalTable } from './regional-table';
import './regional-errors';

export interface ConsolidationInput {
  semester: string;
  measure: string;
  dimensions: string[];
}

export interface RegionalConsolidation {
  semester: string;
  measure: string;
  /** The strictest k of the national exports, which the regional totals are held to as well. */
  k: number;
  /**
   * False for a median: each country's cell as it published it, and no regional total (a median
   * of medians is not the region's median); every total is then null and not suppressed.
   */
  additive: boolean;
  dimensions: { id: string; column: string; label: { es: string; en: string } }[];
  /** Code labels per dimension column, merged from the exports (first label wins). */
  codes: Record<string, StatisticsExportCode[]>;
  table: RegionalTable;
  sources: { regionalExportId: string; countries: string[]; sha256: string; keyId: string }[];
  /** Countries that reported this semester but in no export with this table: their latest export. */
  excluded: { regionalExportId: string; countries: string[] }[];
}

/**
 * The regional table of one measure, from each member country's latest verified export of the
 * semester that has the measure by the dimensions asked for.
 */
@Injectable()
export class RegionalConsolidationsService {
  constructor(
    private readonly exports: RegionalExportsService,
    private readonly audit: AuditService,
  ) {}

  async consolidate(caller: Caller, input: ConsolidationInput): Promise<RegionalConsolidation> {
    const { semester, measure } = input;
    const additive = !isMeasureId(measure) || MEASURES[measure].kind === 'count';
    const documents = await this.exports.semesterDocuments(semester);
    const used = latestPerCountry(documents, measure, input.dimensions);
    const covered = new Set(used.flatMap((u) => u.document.metadata.scope.countries));
    if (used.length === 0)
      throw new DomainError('REGIONAL_TABLE_EMPTY', 'unprocessable', {
        params: { semester, measure },
      });
    const first = used[0].document.metadata;
    const dimensions = input.dimensions.map((id) => {
      const { column, label } = first.dimensions.find((d) => d.id === id)!;
      return { id, column, label };
    });
    const columns = dimensions.map((d) => d.column);
    const k = Math.max(...used.map(({ document }) => document.metadata.disclosure.k));
    const summed = regionalTable(
      used.map(({ document }) => ({
        countries: document.metadata.scope.countries,
        columns: document.metadata.dimensions.map((d) => d.column),
        rows: document.rows,
      })),
      measure,
      columns,
      k,
    );
    const table = additive ? summed : withoutTotals(summed);
    const codes = Object.fromEntries(
      dimensions.map(({ id, column }) => {
        const merged = new Map<string, StatisticsExportCode>();
        for (const { document } of used)
          for (const code of document.metadata.dimensions.find((d) => d.id === id)?.codes ?? [])
            if (!merged.has(code.code)) merged.set(code.code, code);
        return [column, [...merged.values()]];
      }),
    );
    await recordCallerEvent(this.audit, caller, {
      action: 'regional_consolidation.create',
      resourceType: 'regional_consolidation',
      details: {
        semester,
        measure,
        dimensions: input.dimensions,
        countries: table.countries,
        sources: used.map((u) => u.sha256),
        suppressedTotals: table.rows.filter((r) => r.total.suppressed).length,
      },
    });
    return {
      semester,
      measure,
      k,
      additive,
      dimensions,
      codes,
      table,
      sources: used.map((u) => ({
        regionalExportId: u.id,
        countries: [...u.document.metadata.scope.countries],
        sha256: u.sha256,
        keyId: u.keyId,
      })),
      // The countries that sent exports this semester, none of which has this table: their latest.
      excluded: latestPerCountry(documents)
        .filter((d) => d.document.metadata.scope.countries.some((c) => !covered.has(c)))
        .map((d) => ({
          regionalExportId: d.id,
          countries: [...d.document.metadata.scope.countries],
        })),
    };
  }
}

function withoutTotals(table: RegionalTable): RegionalTable {
  return {
    ...table,
    rows: table.rows.map((row) => ({ ...row, total: { value: null, suppressed: false } })),
  };
}
