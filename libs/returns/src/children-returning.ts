/** What the handover rule needs of a person on a case. */
export interface ReturningPerson {
  personId: string;
  role: 'primary' | 'involved';
  dateOfBirth: string | null;
  estimatedAge: number | null;
  estimatedAgeOn: string | null;
}

const YEAR = 365.2425 * 86_400_000;

/** Under 18 at `now`, from the date of birth, else the dated estimate; unknown age is not a minor. */
export function isMinorAt(person: ReturningPerson, now: Date): boolean {
  if (person.dateOfBirth) return (now.getTime() - Date.parse(person.dateOfBirth)) / YEAR < 18;
  if (person.estimatedAge === null) return false;
  const since = person.estimatedAgeOn
    ? (now.getTime() - Date.parse(person.estimatedAgeOn)) / YEAR
    : 0;
  return person.estimatedAge + Math.max(0, since) < 18;
}

/**
 * The children of a child's case who return on the movement and so are handed over at origin: the
 * returning persons under 18; when no returning person's age says so (an unaccompanied child's
 * case without a known age), the case's primary person if returning, else every returning person.
 */
export function childrenReturning(
  persons: readonly ReturningPerson[],
  returningIds: readonly string[],
  now: Date,
): string[] {
  const returning = persons.filter((p) => returningIds.includes(p.personId));
  const minors = returning.filter((p) => isMinorAt(p, now));
  if (minors.length) return minors.map((p) => p.personId);
  const primary = returning.filter((p) => p.role === 'primary');
  return (primary.length ? primary : returning).map((p) => p.personId);
}
