import { CellCoordinates, TableDimension } from './count-table';

export const DISCLOSURE_METHOD = 'gauss-elimination-v1';

/** Published, or suppressed as small (primary) or to protect a small cell (secondary). */
export type CellStatus = 'published' | 'primary' | 'secondary';

export interface DisclosedCell {
  readonly coordinates: CellCoordinates;
  /** The count when published; null when suppressed, never 0. */
  readonly value: number | null;
  readonly status: CellStatus;
}

export interface DisclosureResult {
  readonly method: typeof DISCLOSURE_METHOD;
  readonly k: number;
  readonly dimensions: readonly TableDimension[];
  /** One per cell of the table, in the table's order. */
  readonly cells: readonly DisclosedCell[];
}
