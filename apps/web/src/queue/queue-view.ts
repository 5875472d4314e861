import { useLocation, useSearchParams } from 'react-router';
import type { components } from '../api/schema';

export type QueueTab = components['schemas']['WorkQueueTabResponse'];
export type TabId = QueueTab['id'];

/** The sorts GET /cases accepts that make sense in a queue, the tab's own first. */
export const SORTS = ['nextStepDue', '-openedAt', 'openedAt', '-updatedAt', 'reference'] as const;
export type Sort = (typeof SORTS)[number];

/** The cursors of the pages before this one ('' for the first), carried in the history entry. */
interface PagingState {
  trail?: string[];
}

/**
 * The queue's view in the URL (`?tab=next_steps&sort=…&cursor=…`), so it can be bookmarked and the
 * back button works. A cursor only moves forward: "previous page" uses the trail of cursors kept
 * in the history entry, and from a bookmarked page without one it goes back to the first page.
 */
export function useQueueView(tabs: readonly QueueTab[]) {
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const trail = (location.state as PagingState | null)?.trail ?? [];
  const asked = params.get('tab');
  const tab = tabs.find((candidate) => candidate.id === asked) ?? tabs[0];
  const defaultSort: Sort = (tab?.filter.sort as Sort | undefined) ?? '-openedAt';
  const askedSort = params.get('sort');
  const sort = SORTS.find((candidate) => candidate === askedSort) ?? defaultSort;
  const cursor = params.get('cursor') ?? undefined;

  const go = (next: { tab?: TabId; sort?: Sort; cursor?: string }, nextTrail: string[] = []) => {
    const search = new URLSearchParams();
    if (next.tab) search.set('tab', next.tab);
    if (next.sort && next.sort !== defaultSort) search.set('sort', next.sort);
    if (next.cursor) search.set('cursor', next.cursor);
    setParams(search, { state: { trail: nextTrail } satisfies PagingState });
  };

  return {
    tab,
    sort,
    cursor,
    selectTab: (id: TabId) => go({ tab: id }),
    selectSort: (value: Sort) => go({ tab: tab?.id, sort: value }),
    nextPage: (nextCursor: string) =>
      go({ tab: tab?.id, sort, cursor: nextCursor }, [...trail, cursor ?? '']),
    previousPage: () => {
      const back = trail.at(-1);
      go({ tab: tab?.id, sort, cursor: back || undefined }, trail.slice(0, -1));
    },
    /** The number of the page shown, when the way here is known (1 for the first). */
    pageNumber: cursor ? (trail.length > 0 ? trail.length + 1 : undefined) : 1,
  };
}
