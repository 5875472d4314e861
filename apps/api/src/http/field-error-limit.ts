/**
 * Field errors one problem lists at most; the rest are counted. A body of thousands of bad fields
 * gets a short answer, not an echo of itself.
 */
export const MAX_FIELD_ERRORS = 50;

/** Field paths come from the client (unknown keys): long ones are cut in error bodies. */
export const MAX_FIELD_PATH_LENGTH = 200;
