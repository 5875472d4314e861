import { Button, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { unwrap } from '../api/call';
import { api } from '../api/client';
import { ProblemAlert } from '../shell/problem-alert';
import { CaseQueueTable } from './case-queue-table';
import { queueKeys, type CaseListQuery } from './queue-queries';
import { SORTS, type QueueTab, type Sort, type useQueueView } from './queue-view';

export const PAGE_SIZE = 50;

/** GET /cases's query for a tab: exactly its filter (so the list agrees with the count). */
export function tabQuery(tab: QueueTab, sort: Sort, cursor: string | undefined): CaseListQuery {
  const { status, assignedOfficerId, nextStepDueTo, withoutConsul } = tab.filter;
  const query: CaseListQuery = { sort, limit: PAGE_SIZE };
  if (status?.length) query.status = status;
  if (assignedOfficerId) query.assignedOfficerId = assignedOfficerId;
  if (nextStepDueTo) query.nextStepDueTo = nextStepDueTo;
  if (withoutConsul) query.withoutConsul = true;
  if (cursor) query.cursor = cursor;
  return query;
}

interface Props {
  tab: QueueTab;
  today: string;
  view: ReturnType<typeof useQueueView>;
}

/** One tab of cases: its sort, a page of 50 and the way to the next and previous pages. */
export function CaseQueuePanel({ tab, today, view }: Props) {
  const { t } = useTranslation('queue');
  const query = tabQuery(tab, view.sort, view.cursor);
  const cases = useQuery({
    queryKey: queueKeys.list(query),
    queryFn: () => unwrap(api.GET('/api/v1/cases', { params: { query } })),
    placeholderData: keepPreviousData,
  });

  // After a page change the buttons may be gone: bring the keyboard to the new page's table.
  const tableRef = useRef<HTMLDivElement>(null);
  const shownCursor = useRef(view.cursor);
  useEffect(() => {
    if (shownCursor.current === view.cursor || cases.isPlaceholderData) return;
    shownCursor.current = view.cursor;
    tableRef.current?.focus();
  }, [view.cursor, cases.isPlaceholderData]);

  const label = t(`tabs.${tab.id}`);
  const caption =
    view.pageNumber && view.pageNumber > 1
      ? t('table.captionPage', { tab: label, page: view.pageNumber })
      : t('table.caption', { tab: label });

  return (
    <Stack spacing={2}>
      <TextField
        select
        id="queue-sort"
        label={t('sort.label')}
        value={view.sort}
        onChange={(event) => view.selectSort(event.target.value as Sort)}
        size="small"
        sx={{ maxWidth: 360 }}
      >
        {SORTS.map((sort) => (
          <MenuItem key={sort} value={sort}>
            {t(`sort.${sort}`)}
          </MenuItem>
        ))}
      </TextField>
      {cases.isPending && <Typography role="status">{t('paging.loading')}</Typography>}
      {cases.isError && <ProblemAlert error={cases.error} />}
      {cases.data &&
        (cases.data.items.length === 0 && !view.cursor ? (
          <Typography>{t(`empty.${tab.id}`)}</Typography>
        ) : (
          <CaseQueueTable ref={tableRef} caption={caption} cases={cases.data.items} today={today} />
        ))}
      {cases.isFetching && cases.isPlaceholderData && (
        <Typography role="status">{t('paging.loading')}</Typography>
      )}
      {cases.data && (view.cursor || cases.data.nextCursor) && (
        <Stack component="nav" aria-label={t('paging.label')} direction="row" spacing={2}>
          {view.cursor && (
            <Button variant="outlined" onClick={view.previousPage}>
              {t('paging.previous')}
            </Button>
          )}
          {cases.data.nextCursor && (
            <Button variant="outlined" onClick={() => view.nextPage(cases.data.nextCursor!)}>
              {t('paging.next')}
            </Button>
          )}
        </Stack>
      )}
    </Stack>
  );
}
