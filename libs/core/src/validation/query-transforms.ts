import { Transform } from 'class-transformer';

/** Query strings carry text: `true`/`false` (and 1/0) become booleans; anything else stays to fail validation. */
export const ToBoolean = () =>
  Transform(({ value }: { value: unknown }) =>
    value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value,
  );

/** `a,b,c` or repeated parameters become an array. */
export const ToArray = () =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.split(',').filter(Boolean) : value,
  );
