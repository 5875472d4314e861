/**
 * Whether bytes look like a whole PDF, cheaply and without a parser: the `%PDF-1.x`/`%PDF-2.0`
 * header, and in the last kilobyte a `startxref` whose offset lies inside the file and points at a
 * cross-reference table or stream, then `%%EOF`. A renamed image, a truncated upload or an HTML
 * page fails; the name and the declared media type are never trusted.
 */
export function isReadablePdf(bytes: Buffer): boolean {
  if (!/^%PDF-(1\.[0-7]|2\.0)/.test(bytes.subarray(0, 8).toString('latin1'))) return false;
  const tail = bytes.subarray(Math.max(0, bytes.length - 1024)).toString('latin1');
  const match = /startxref\s+(\d{1,10})\s+%%EOF\s*$/.exec(tail);
  if (!match) return false;
  const offset = Number(match[1]);
  if (offset <= 0 || offset >= bytes.length) return false;
  const target = bytes.subarray(offset, offset + 32).toString('latin1');
  return /^(xref|\d+\s+\d+\s+obj)/.test(target);
}
