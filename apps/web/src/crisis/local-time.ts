/** Now as a `datetime-local` input shows it: the user's own clock, to the minute. */
export function localNow(): string {
  const now = new Date();
  now.setMinutes(now.getMinutes() - now.getTimezoneOffset());
  return now.toISOString().slice(0, 16);
}

/** A `datetime-local` value (the user's clock) as the instant the API stores. */
export const toIso = (local: string) => new Date(local).toISOString();
