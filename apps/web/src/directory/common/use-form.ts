import { useState } from 'react';
import { useErrorSummary } from '../../shell/sign-in/use-error-summary';

/**
 * A small form's values and its error summary. `field(name)` gives a text field its id, value,
 * change handler and error, so every field is wired the same way.
 */
export function useForm<V extends object>(prefix: string, initial: V) {
  const [values, setValues] = useState(initial);
  const summary = useErrorSummary();
  const set = <K extends keyof V>(key: K, value: V[K]) =>
    setValues((current) => ({ ...current, [key]: value }));
  const idOf = (key: keyof V & string) => `${prefix}-${key}`;
  const errorOf = (key: keyof V & string) => summary.fieldError(idOf(key));
  return { values, set, idOf, errorOf, ...summary };
}
