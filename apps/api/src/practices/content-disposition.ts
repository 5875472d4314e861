/**
 * `attachment` with an ASCII fallback name and the exact name in RFC 5987 form: a stored name with
 * quotes, semicolons or accents can neither break the header nor be lost.
 */
export function contentDisposition(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]|["\\;%]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
