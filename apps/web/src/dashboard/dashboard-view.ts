import { useSearchParams } from 'react-router';
import { defaultPeriod, periodProblems, type MonthPeriod } from './period';

/**
 * The dashboard's view in the URL (`?from=2026-01&to=2026-12&consulateId=…&category=…`), so it can
 * be bookmarked; a period missing or not valid there is the last twelve months.
 */
export function useDashboardView() {
  const [params, setParams] = useSearchParams();
  const asked = { from: params.get('from') ?? '', to: params.get('to') ?? '' };
  const period: MonthPeriod = periodProblems(asked).length ? defaultPeriod() : asked;
  const consulateId = params.get('consulateId') ?? undefined;
  const category = params.get('category') ?? undefined;

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(changes))
      if (value) next.set(name, value);
      else next.delete(name);
    setParams(next);
  };

  return {
    period,
    consulateId,
    category,
    show: (next: MonthPeriod, post: string | undefined) =>
      update({ from: next.from, to: next.to, consulateId: post }),
    reset: () => update({ from: undefined, to: undefined, consulateId: undefined }),
    selectCategory: (value: string) => update({ category: value }),
  };
}
