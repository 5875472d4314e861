import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { submitErrors } from '../cases/submit-errors';
import type { SummaryError } from '../shell/error-summary';
import { returnKeys } from './return-queries';

/**
 * A write on a movement: refreshes every returns query when done, and hands the API's refusal
 * (field errors linked to the form's fields, or the problem's own words) to the form's summary.
 */
export function useMovementWrite<T, V = void>(
  write: (variables: V) => Promise<T>,
  {
    fields = {},
    onDone,
    onErrors,
  }: {
    fields?: Record<string, string>;
    onDone(result: T): void;
    onErrors(errors: SummaryError[]): void;
  },
) {
  const { t } = useTranslation('returns');
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: returnKeys.all });
      onDone(result);
    },
    onError: (error) => onErrors(submitErrors(error, (field) => fields[field], t)),
  });
}
