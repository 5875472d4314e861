/** A table or a disclosure parameter that the disclosure control refuses to work with. */
export class DisclosureInputError extends Error {
  constructor(
    readonly code: 'DISCLOSURE_THRESHOLD_TOO_LOW' | 'COUNT_TABLE_INVALID',
    message: string,
  ) {
    super(message);
    this.name = 'DisclosureInputError';
  }
}
