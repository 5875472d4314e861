import { FieldError } from '@amparo/core';
import { ReferenceChecks } from '@amparo/directory';
import { CrisisEventRow } from '../events/crisis-event';
import { NewRosterEntry } from './roster-entry';

/** Nobody alive was born before this (the case rules accept ages up to 130). */
const oldestBirth = () => `${new Date().getUTCFullYear() - 130}-01-01`;

/**
 * What the reference data says of an entry: a known document country, a location inside the
 * event's host country, a birth date not in the future. Field names as rapid intake sends them.
 */
export async function rosterEntryProblems(
  checks: ReferenceChecks,
  event: Pick<CrisisEventRow, 'hostCountryCode'>,
  entry: NewRosterEntry,
): Promise<FieldError[]> {
  const problems = await checks.countryProblems([
    { field: 'document.country', code: entry.document?.country },
  ]);
  if (entry.locationSubdivision)
    problems.push(
      ...(
        await checks.subdivisionProblems(
          'locationSubdivision',
          [entry.locationSubdivision],
          [event.hostCountryCode],
        )
      ).map((p) => ({ ...p, field: 'locationSubdivision' })),
    );
  if (entry.dateOfBirth && entry.dateOfBirth < oldestBirth())
    problems.push({
      field: 'dateOfBirth',
      code: 'IMPLAUSIBLE',
      message: {
        es: 'La fecha de nacimiento no es plausible.',
        en: 'The date of birth is not plausible.',
      },
    });
  if (entry.dateOfBirth && entry.dateOfBirth > new Date().toISOString().slice(0, 10))
    problems.push({
      field: 'dateOfBirth',
      code: 'IN_THE_FUTURE',
      message: {
        es: 'La fecha de nacimiento no puede ser futura.',
        en: 'The date of birth cannot be in the future.',
      },
    });
  return problems;
}
