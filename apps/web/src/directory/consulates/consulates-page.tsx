import { Link, TextField } from '@mui/material';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { unwrap } from '../../api/call';
import { api } from '../../api/client';
import type { paths } from '../../api/schema';
import { useHasPermission } from '../../shell/use-me';
import { CountrySelect } from '../common/country-select';
import { useDirectoryLabel, useDirectoryOptions } from '../common/directory-codes';
import { FilterForm } from '../common/filter-form';
import { ListHeading, ResultsTable } from '../common/results-table';
import { SelectField } from '../common/select-field';
import { useCountryName } from '../common/use-countries';
import { useListParams } from '../common/use-list-params';

type Query = NonNullable<paths['/api/v1/consulates']['get']['parameters']['query']>;

const FILTERS = ['q', 'sendingCountryCode', 'hostCountryCode', 'type', 'active'] as const;
type Filters = Partial<Record<(typeof FILTERS)[number], string>>;

function ConsulateFilters({ initial, onApply }: { initial: Filters; onApply(f: Filters): void }) {
  const { t } = useTranslation('directory');
  const [draft, setDraft] = useState(initial);
  const types = useDirectoryOptions('consulateTypes');
  const set = (key: keyof Filters) => (value: string) => setDraft({ ...draft, [key]: value });
  return (
    <FilterForm
      label={t('consulates.filtersLabel')}
      onApply={() => onApply(draft)}
      onClear={() => onApply({})}
    >
      <TextField
        id="consulates-q"
        label={t('consulates.fields.q')}
        value={draft.q ?? ''}
        onChange={(event) => set('q')(event.target.value)}
      />
      <CountrySelect
        id="consulates-sendingCountryCode"
        label={t('consulates.fields.sendingCountryCode')}
        value={draft.sendingCountryCode ?? ''}
        onChange={set('sendingCountryCode')}
        emptyLabel={t('common.any')}
        membersOnly
      />
      <CountrySelect
        id="consulates-hostCountryCode"
        label={t('consulates.fields.hostCountryCode')}
        value={draft.hostCountryCode ?? ''}
        onChange={set('hostCountryCode')}
        emptyLabel={t('common.any')}
      />
      <SelectField
        id="consulates-type"
        label={t('consulates.fields.type')}
        value={draft.type ?? ''}
        onChange={set('type')}
        options={types}
        emptyLabel={t('common.any')}
      />
      <SelectField
        id="consulates-active"
        label={t('common.state')}
        value={draft.active ?? ''}
        onChange={set('active')}
        options={[
          { value: 'true', label: t('common.active') },
          { value: 'false', label: t('common.inactive') },
        ]}
        emptyLabel={t('common.any')}
      />
    </FilterForm>
  );
}

/** The consular posts of the network, filtered by country, type and state. */
export function ConsulatesPage() {
  const { t } = useTranslation('directory');
  const { filters, cursor, apply, goToCursor } = useListParams(FILTERS);
  const mayManage = useHasPermission('consulates:manage');
  const label = useDirectoryLabel();
  const countryName = useCountryName();
  const list = useQuery({
    queryKey: ['consulates', 'list', filters, cursor],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/consulates', {
          params: {
            query: {
              ...filters,
              type: filters.type as Query['type'],
              active: filters.active === undefined ? undefined : filters.active === 'true',
              cursor,
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <ListHeading
        title={t('consulates.title')}
        create={
          mayManage ? { to: '/directory/consulates/new', label: t('consulates.create') } : undefined
        }
      />
      <ConsulateFilters key={JSON.stringify(filters)} initial={filters} onApply={apply} />
      <ResultsTable
        list={list}
        caption={t('consulates.caption')}
        rowKey={(consulate) => consulate.id}
        cursor={cursor}
        onPage={goToCursor}
        columns={[
          {
            header: t('consulates.fields.name'),
            cell: (consulate) => (
              <Link component={RouterLink} to={`/directory/consulates/${consulate.id}`}>
                {consulate.name}
              </Link>
            ),
          },
          { header: t('consulates.fields.postCode'), cell: (consulate) => consulate.postCode },
          {
            header: t('consulates.fields.type'),
            cell: (consulate) => label('consulateTypes', consulate.type),
          },
          {
            header: t('consulates.fields.sendingCountryCode'),
            cell: (consulate) => countryName(consulate.sendingCountryCode),
          },
          {
            header: t('consulates.fields.location'),
            cell: (consulate) => `${consulate.city}, ${countryName(consulate.hostCountryCode)}`,
          },
          {
            header: t('common.state'),
            cell: (consulate) => (consulate.active ? t('common.active') : t('common.inactive')),
          },
        ]}
      />
    </>
  );
}
