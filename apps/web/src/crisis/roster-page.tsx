import { Button, Link, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { ResultsTable } from '../directory/common/results-table';
import { SelectField } from '../directory/common/select-field';
import { useSubdivisions } from '../directory/common/use-countries';
import { useCodeLabel } from '../codes/use-code-lists';
import { useFormat } from '../shell/format';
import { useRoster } from './crisis-queries';
import {
  WELFARE_STATUSES,
  type CrisisEvent,
  type RosterEntry,
  type RosterFilter,
  type WelfareStatus,
} from './crisis-types';
import { EventFrame, mayWrite } from './event-frame';
import { subdivisionOptions } from './intake-page';
import { personName } from './person-name';
import { WelfareDialog } from './welfare-dialog';

/** `/crisis/:id/roster`: the event's persons, filtered by welfare, place or name; welfare changes. */
export function RosterPage() {
  return <EventFrame>{(event) => <RosterView event={event} />}</EventFrame>;
}

function RosterView({ event }: { event: CrisisEvent }) {
  const { t } = useTranslation('crisis');
  const f = useFormat();
  const codeLabel = useCodeLabel();
  const [params, setParams] = useSearchParams();
  const filter: RosterFilter = {
    welfareStatus: (params.get('welfareStatus') as WelfareStatus | null) ?? undefined,
    subdivision: params.get('subdivision') ?? undefined,
    q: params.get('q') ?? undefined,
    cursor: params.get('cursor') ?? undefined,
  };
  const roster = useRoster(event.id, filter);
  const subdivisions = useSubdivisions(event.hostCountryCode);
  const [draft, setDraft] = useState({
    welfareStatus: filter.welfareStatus ?? '',
    subdivision: filter.subdivision ?? '',
    q: filter.q ?? '',
  });
  const [changing, setChanging] = useState<RosterEntry | null>(null);
  const [notice, setNotice] = useState('');
  const write = mayWrite(event);
  const apply = (next: Record<string, string | undefined>) =>
    setParams(
      Object.fromEntries(Object.entries(next).filter(([, v]) => v)) as Record<string, string>,
    );
  return (
    <Stack spacing={2}>
      <Typography variant="h4" component="h1">
        {t('roster.title')}
      </Typography>
      <Stack
        component="form"
        role="search"
        aria-label={t('roster.filters')}
        direction={{ xs: 'column', md: 'row' }}
        spacing={2}
        sx={{ alignItems: { md: 'flex-start' } }}
        onSubmit={(e) => {
          e.preventDefault();
          apply({ ...draft, q: draft.q.trim() });
        }}
      >
        <TextField
          id="roster-q"
          label={t('roster.q')}
          value={draft.q}
          onChange={(e) => setDraft({ ...draft, q: e.target.value })}
          type="search"
        />
        <SelectField
          id="roster-status"
          label={t('roster.status')}
          value={draft.welfareStatus}
          onChange={(welfareStatus) => setDraft({ ...draft, welfareStatus })}
          emptyLabel={t('roster.anyStatus')}
          options={WELFARE_STATUSES.map((s) => ({ value: s, label: t(`welfare.${s}`) }))}
          sx={{ minWidth: 200 }}
        />
        <SelectField
          id="roster-subdivision"
          label={t('roster.location')}
          value={draft.subdivision}
          onChange={(subdivision) => setDraft({ ...draft, subdivision })}
          emptyLabel={t('roster.anySubdivision')}
          options={subdivisionOptions(event, subdivisions.data?.items ?? [])}
          sx={{ minWidth: 200 }}
        />
        <Button type="submit" variant="contained" size="large" sx={{ minHeight: 56 }}>
          {t('roster.apply')}
        </Button>
      </Stack>
      <Typography role="status">{notice}</Typography>
      <ResultsTable<RosterEntry>
        list={roster}
        caption={t('roster.caption')}
        rowKey={(e) => e.id}
        cursor={filter.cursor}
        onPage={(cursor) => apply({ ...filter, cursor })}
        columns={[
          {
            header: t('roster.name'),
            cell: (e) =>
              write ? (
                <Button
                  variant="text"
                  onClick={() => setChanging(e)}
                  aria-label={t('roster.change', { name: personName(e) })}
                  sx={{
                    textTransform: 'none',
                    p: 0.5,
                    minHeight: 32,
                    justifyContent: 'flex-start',
                  }}
                >
                  {personName(e)}
                </Button>
              ) : (
                personName(e)
              ),
          },
          {
            header: t('roster.document'),
            cell: (e) =>
              e.document
                ? `${codeLabel('documentTypes', e.document.type)} ${e.document.number}`
                : '',
          },
          {
            header: t('roster.location'),
            cell: (e) => [e.locationSubdivision, e.locationText].filter(Boolean).join(' · '),
          },
          {
            header: t('roster.status'),
            cell: (e) => (
              <>
                {t(`welfare.${e.welfareStatus}`)}
                {e.caseId && (
                  <>
                    {' · '}
                    <Link component={RouterLink} to={`/cases/${e.caseId}`}>
                      {t('roster.case')}
                    </Link>
                  </>
                )}
              </>
            ),
          },
          { header: t('roster.changedAt'), cell: (e) => f.dateTime(e.welfareChangedAt) },
          { header: t('roster.source'), cell: (e) => t(`roster.sources.${e.source}`) },
        ]}
      />
      {changing && (
        <WelfareDialog
          event={event}
          entry={changing}
          onClose={() => setChanging(null)}
          onDone={(saved) => {
            setChanging(null);
            setNotice(
              t('welfareDialog.saved', {
                name: personName(saved),
                status: t(`welfare.${saved.welfareStatus}`),
              }),
            );
          }}
        />
      )}
    </Stack>
  );
}
