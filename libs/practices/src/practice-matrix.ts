import { CaseCategory } from '@amparo/cases';
import { PracticeKind } from './good-practice';

export interface MatrixEntry {
  id: string;
  kind: PracticeKind;
  titleEs: string | null;
  titleEn: string | null;
  semester: string | null;
}

/** One topic (category) of the comparative matrix: a cell per member country. */
export interface MatrixRow {
  category: CaseCategory;
  cells: { countryCode: string; entries: MatrixEntry[] }[];
}

export interface PracticeMatrix {
  semester: string | null;
  kinds: PracticeKind[];
  /** The columns: every member country, reported or not (an empty cell is information too). */
  countries: string[];
  rows: MatrixRow[];
}

/** Lays published instruments out as topics × countries; an instrument appears in each of its cells. */
export function layOutMatrix(
  categories: readonly CaseCategory[],
  countries: string[],
  instruments: (MatrixEntry & { countries: string[]; categories: CaseCategory[] })[],
): MatrixRow[] {
  return categories.map((category) => ({
    category,
    cells: countries.map((countryCode) => ({
      countryCode,
      entries: instruments
        .filter((i) => i.categories.includes(category) && i.countries.includes(countryCode))
        .map(({ id, kind, titleEs, titleEn, semester }) => ({
          id,
          kind,
          titleEs,
          titleEn,
          semester,
        })),
    })),
  }));
}
