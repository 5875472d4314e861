/** An instant as a `datetime-local` field shows it: the browser's local time, to the minute. */
export function toLocalInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A `datetime-local` value (local time) as the instant the API stores. */
export function fromLocalInput(value: string): string {
  return new Date(value).toISOString();
}
