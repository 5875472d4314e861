/** A `datetime-local` value (the user's own clock) as the instant the API takes, or undefined. */
export const instant = (local: string) =>
  local && !Number.isNaN(Date.parse(local)) ? new Date(local).toISOString() : undefined;

/** Now on the user's clock, as a `datetime-local` value (to the minute). */
export function localNow(): string {
  const now = new Date();
  now.setMinutes(now.getMinutes() - now.getTimezoneOffset());
  return now.toISOString().slice(0, 16);
}
