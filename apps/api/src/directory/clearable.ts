import { ApiPropertyOptions } from '@nestjs/swagger';

/**
 * An optional text field of a directory record: an update sends `null` to clear it (an absent
 * field keeps its value, and an empty string is refused).
 */
export const CLEARABLE = {
  nullable: true,
  type: String,
  description: 'Optional; `null` clears it on update',
} satisfies ApiPropertyOptions;
