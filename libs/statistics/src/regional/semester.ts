/** The semester (`2026-S2`) of an ISO date. */
export function semesterOf(isoDate: string): string {
  const [year, month] = isoDate.split('-').map(Number);
  return `${year}-S${month <= 6 ? 1 : 2}`;
}

export const SEMESTER_PATTERN = /^\d{4}-S[12]$/;
