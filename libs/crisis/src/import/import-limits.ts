/** What one import may hold: a list from an airline or a hotel fits many times over. */
export const IMPORT_LIMITS = {
  /** Bytes of the uploaded file; a 100,000-row CSV of the template's columns is about 15 MB. */
  maxBytes: 20 * 1024 * 1024,
  /** Data rows (the header excluded, blank rows not counted). */
  maxRows: 100_000,
  /** Rows of the report returned with the preview; the rest is paged or downloaded. */
  previewRows: 200,
} as const;
