import { FieldError } from '@amparo/core';
import { ReferenceChecks } from '@amparo/directory';

export interface EventPlace {
  eventCountryCode?: string | null;
  eventSubdivisionCode?: string | null;
}

/** The place of the event: a known country, and a subdivision of that country. */
export async function placeOfEventProblems(
  checks: ReferenceChecks,
  place: EventPlace,
): Promise<FieldError[]> {
  const problems = await checks.countryProblems([
    { field: 'eventCountryCode', code: place.eventCountryCode },
  ]);
  return [...problems, ...(await eventSubdivisionProblems(checks, place))];
}

/** A subdivision of the event's country, if one is given. */
export async function eventSubdivisionProblems(
  checks: ReferenceChecks,
  place: EventPlace,
): Promise<FieldError[]> {
  if (!place.eventSubdivisionCode) return [];
  const inside = await checks.subdivisionProblems(
    'eventSubdivisionCode',
    [place.eventSubdivisionCode],
    place.eventCountryCode ? [place.eventCountryCode] : [],
  );
  return inside.map((p) => ({ ...p, field: 'eventSubdivisionCode' }));
}
