/** What an update of a directory record did, as its audit event says it. */
export interface ChangeSummary {
  /** The fields the request set (names only: values may be personal data). */
  fields: string[];
  /** Those of them it emptied where they held a value, so the trail says a value was removed. */
  cleared: string[];
}

const isEmpty = (value: unknown) =>
  value === null || value === undefined || (Array.isArray(value) && value.length === 0);

export function changeSummary<T extends object>(current: T, changes: Partial<T>): ChangeSummary {
  const sent = Object.entries(changes).filter(([, value]) => value !== undefined);
  return {
    fields: sent.map(([field]) => field),
    cleared: sent
      .filter(([field, value]) => isEmpty(value) && !isEmpty(current[field as keyof T]))
      .map(([field]) => field),
  };
}
