import { CasePerson } from './person';

/** A case's persons in the order `PersonsService.ofCases` reads them: the primary first, then by id. */
export function inCaseOrder(persons: CasePerson[]): CasePerson[] {
  const rank = (p: CasePerson) => (p.role === 'primary' ? 0 : 1);
  return [...persons].sort(
    (a, b) =>
      rank(a) - rank(b) || (a.person.id < b.person.id ? -1 : a.person.id > b.person.id ? 1 : 0),
  );
}
