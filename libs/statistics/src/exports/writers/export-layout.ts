import { Bilingual, TOTAL_CODE, TOTAL_LABEL } from '../../model/code-labels';
import { Dimension } from '../../model/dimensions';
import { MEASURES, MeasureId } from '../../model/measures';
import { TableAxis } from '../../aggregate/statistics-tables';
import { ExportLanguage } from '../export-record';

/** One observation of an export: a cell of one measure's table, for one country in regional kinds. */
export interface ExportRow {
  readonly measure: MeasureId;
  readonly refArea?: string;
  /** One code per axis; `_T` where totalled. */
  readonly codes: readonly string[];
  readonly value: number | null;
  readonly suppressed: boolean;
}

const COLUMN_LABELS = {
  MEASURE: { es: 'Medida', en: 'Measure' },
  REF_AREA: { es: 'País de origen (área)', en: 'Sending country (area)' },
  OBS_VALUE: { es: 'Valor', en: 'Value' },
  CONF_STATUS: { es: 'Confidencialidad', en: 'Confidentiality' },
  LABEL_SUFFIX: { es: ' (descripción)', en: ' (label)' },
} as const;

/**
 * The columns of an export and how a row fills them, shared by the CSV and XLSX writers: each code
 * column is followed by its label in the request's language.
 */
export class ExportLayout {
  private readonly labels: Map<string, Bilingual>[];

  constructor(
    readonly dimensions: readonly Dimension[],
    readonly withRefArea: boolean,
    readonly language: ExportLanguage,
    private readonly countryLabels: ReadonlyMap<string, Bilingual> = new Map(),
  ) {
    this.labels = dimensions.map(() => new Map());
  }

  /** Takes the codes and labels of the next table's axes (code lists differ between slices). */
  learn(axes: readonly TableAxis[]): void {
    axes.forEach((axis, i) => {
      for (const { code, label } of axis.codes) this.labels[i].set(code, label);
    });
  }

  /** Every code met so far, per dimension, for the metadata. */
  codeLists(): { code: string; label: Bilingual }[][] {
    return this.labels.map((labels) => [...labels].map(([code, label]) => ({ code, label })));
  }

  /** Machine column ids, as in the JSON rows. */
  get columns(): string[] {
    return [
      'MEASURE',
      ...(this.withRefArea ? ['REF_AREA'] : []),
      ...this.dimensions.map((d) => d.column),
      'OBS_VALUE',
      'CONF_STATUS',
    ];
  }

  /** Human headers (code and label columns) in the request's language. */
  header(): string[] {
    const l = this.language;
    const pair = (label: Bilingual) => [label[l], label[l] + COLUMN_LABELS.LABEL_SUFFIX[l]];
    return [
      ...pair(COLUMN_LABELS.MEASURE),
      ...(this.withRefArea ? pair(COLUMN_LABELS.REF_AREA) : []),
      ...this.dimensions.flatMap((d) => pair(d.label)),
      COLUMN_LABELS.OBS_VALUE[l],
      COLUMN_LABELS.CONF_STATUS[l],
    ];
  }

  /**
   * The row for the CSV and XLSX writers: codes, labels, the value, and null for the value of a
   * suppressed cell (an empty CSV field, a blank spreadsheet cell rather than an empty text).
   */
  cells(row: ExportRow): (string | number | null)[] {
    const l = this.language;
    const cells: (string | number | null)[] = [row.measure, MEASURES[row.measure].label[l]];
    if (this.withRefArea) {
      const area = row.refArea ?? '';
      cells.push(area, labelOf(this.countryLabels, area, l));
    }
    row.codes.forEach((code, i) => cells.push(code, labelOf(this.labels[i], code, l)));
    cells.push(row.value, confStatus(row));
    return cells;
  }

  /** The row as in the JSON form: machine columns only. */
  record(row: ExportRow): Record<string, string | number | null> {
    const record: Record<string, string | number | null> = { MEASURE: row.measure };
    if (this.withRefArea) record.REF_AREA = row.refArea ?? null;
    this.dimensions.forEach((d, i) => (record[d.column] = row.codes[i]));
    record.OBS_VALUE = row.value;
    record.CONF_STATUS = confStatus(row);
    return record;
  }
}

function labelOf(labels: ReadonlyMap<string, Bilingual>, code: string, l: ExportLanguage): string {
  return (code === TOTAL_CODE ? TOTAL_LABEL : labels.get(code))?.[l] ?? code;
}

/** SDMX confidentiality: F free, C confidential. Primary and secondary are not told apart. */
export function confStatus(row: ExportRow): 'F' | 'C' {
  return row.suppressed ? 'C' : 'F';
}
