import { Button, Link, Stack, TextField, Typography } from '@mui/material';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { unwrap } from '../../api/call';
import { api } from '../../api/client';
import { useFormat } from '../../shell/format';
import { ProblemAlert } from '../../shell/problem-alert';
import { useHasPermission } from '../../shell/use-me';
import { CountrySelect } from '../common/country-select';
import { useDirectoryLabel, useDirectoryOptions } from '../common/directory-codes';
import { FilterForm } from '../common/filter-form';
import { ResultsTable } from '../common/results-table';
import { SelectField } from '../common/select-field';
import { useCountryName } from '../common/use-countries';
import { useListParams } from '../common/use-list-params';
import { useConsulateOptions } from '../consulates/use-consulate-options';
import { downloadOfficialsCsv, type OfficialsQuery } from './download-csv';

const FILTERS = [
  'q',
  'sendingCountryCode',
  'hostCountryCode',
  'consulateId',
  'topic',
  'accreditedOn',
] as const;
type Filters = Partial<Record<(typeof FILTERS)[number], string>>;

function OfficialFilters({ initial, onApply }: { initial: Filters; onApply(f: Filters): void }) {
  const { t } = useTranslation('directory');
  const [draft, setDraft] = useState(initial);
  const topics = useDirectoryOptions('topics');
  const posts = useConsulateOptions(t('common.inactive'));
  const set = (key: keyof Filters) => (value: string) => setDraft({ ...draft, [key]: value });
  return (
    <FilterForm
      label={t('officials.filtersLabel')}
      onApply={() => onApply(draft)}
      onClear={() => onApply({})}
    >
      <TextField
        id="officials-q"
        label={t('officials.fields.q')}
        value={draft.q ?? ''}
        onChange={(event) => set('q')(event.target.value)}
      />
      <CountrySelect
        id="officials-sendingCountryCode"
        label={t('officials.fields.sendingCountryCode')}
        value={draft.sendingCountryCode ?? ''}
        onChange={set('sendingCountryCode')}
        emptyLabel={t('common.any')}
        membersOnly
      />
      <CountrySelect
        id="officials-hostCountryCode"
        label={t('officials.fields.hostCountryCode')}
        value={draft.hostCountryCode ?? ''}
        onChange={set('hostCountryCode')}
        emptyLabel={t('common.any')}
      />
      <SelectField
        id="officials-consulateId"
        label={t('officials.fields.consulateId')}
        value={draft.consulateId ?? ''}
        onChange={set('consulateId')}
        options={posts.options}
        emptyLabel={t('common.any')}
        sx={{ maxWidth: 360 }}
      />
      <SelectField
        id="officials-topic"
        label={t('officials.fields.topic')}
        value={draft.topic ?? ''}
        onChange={set('topic')}
        options={topics}
        emptyLabel={t('common.any')}
      />
      <TextField
        id="officials-accreditedOn"
        type="date"
        label={t('officials.fields.accreditedOn')}
        value={draft.accreditedOn ?? ''}
        onChange={(event) => set('accreditedOn')(event.target.value)}
        slotProps={{ inputLabel: { shrink: true } }}
      />
    </FilterForm>
  );
}

/** The accredited officials of the network's posts: who to call, for what, and until when. */
export function OfficialsPage() {
  const { t } = useTranslation('directory');
  const { filters, cursor, apply, goToCursor } = useListParams(FILTERS);
  const mayManage = useHasPermission('directory:manage');
  const label = useDirectoryLabel();
  const countryName = useCountryName();
  const f = useFormat();
  const query: OfficialsQuery = { ...filters, topic: filters.topic as OfficialsQuery['topic'] };
  const list = useQuery({
    queryKey: ['officials', 'list', filters, cursor],
    queryFn: () =>
      unwrap(api.GET('/api/v1/officials', { params: { query: { ...query, cursor } } })),
    placeholderData: keepPreviousData,
  });
  const download = useMutation({
    mutationFn: () => downloadOfficialsCsv(query, t('officials.csvFileName')),
  });

  return (
    <>
      <Stack
        direction="row"
        useFlexGap
        spacing={2}
        sx={{ justifyContent: 'space-between', alignItems: 'center', mb: 2, flexWrap: 'wrap' }}
      >
        <Typography variant="h4" component="h1">
          {t('officials.title')}
        </Typography>
        <Stack direction="row" spacing={2}>
          <Button variant="outlined" onClick={() => download.mutate()} loading={download.isPending}>
            {t('officials.downloadCsv')}
          </Button>
          {mayManage && (
            <Button component={RouterLink} to="/directory/officials/new" variant="contained">
              {t('officials.create')}
            </Button>
          )}
        </Stack>
      </Stack>
      {download.isError && <ProblemAlert error={download.error} />}
      <OfficialFilters key={JSON.stringify(filters)} initial={filters} onApply={apply} />
      <ResultsTable
        list={list}
        caption={t('officials.caption')}
        rowKey={(official) => official.id}
        cursor={cursor}
        onPage={goToCursor}
        columns={[
          {
            header: t('officials.fields.name'),
            cell: (official) => (
              <Link component={RouterLink} to={`/directory/officials/${official.id}`}>
                {official.name}
              </Link>
            ),
          },
          { header: t('officials.fields.title'), cell: (official) => official.title },
          {
            header: t('officials.fields.consulateId'),
            cell: (official) =>
              `${official.consulateName} (${official.city}, ${countryName(official.hostCountryCode)})`,
          },
          {
            header: t('officials.fields.topics'),
            cell: (official) => official.topics.map((topic) => label('topics', topic)).join(', '),
          },
          {
            header: t('officials.fields.accreditation'),
            cell: (official) =>
              official.accreditedTo
                ? t('officials.accreditedRange', {
                    from: f.date(official.accreditedFrom),
                    to: f.date(official.accreditedTo),
                  })
                : t('officials.accreditedSince', { from: f.date(official.accreditedFrom) }),
          },
        ]}
      />
    </>
  );
}
