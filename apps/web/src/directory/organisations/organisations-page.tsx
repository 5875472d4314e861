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

type Query = NonNullable<paths['/api/v1/organisations']['get']['parameters']['query']>;

const FILTERS = ['q', 'service', 'type', 'coverageCountry', 'language', 'active'] as const;
type Filters = Partial<Record<(typeof FILTERS)[number], string>>;

function OrganisationFilters({
  initial,
  onApply,
}: {
  initial: Filters;
  onApply(f: Filters): void;
}) {
  const { t } = useTranslation('directory');
  const [draft, setDraft] = useState(initial);
  const services = useDirectoryOptions('services');
  const types = useDirectoryOptions('organisationTypes');
  const set = (key: keyof Filters) => (value: string) => setDraft({ ...draft, [key]: value });
  return (
    <FilterForm
      label={t('organisations.filtersLabel')}
      onApply={() => onApply({ ...draft, language: draft.language?.trim().toLowerCase() })}
      onClear={() => onApply({})}
    >
      <TextField
        id="organisations-q"
        label={t('organisations.fields.q')}
        value={draft.q ?? ''}
        onChange={(event) => set('q')(event.target.value)}
      />
      <SelectField
        id="organisations-service"
        label={t('organisations.fields.service')}
        value={draft.service ?? ''}
        onChange={set('service')}
        options={services}
        emptyLabel={t('common.any')}
      />
      <SelectField
        id="organisations-type"
        label={t('organisations.fields.type')}
        value={draft.type ?? ''}
        onChange={set('type')}
        options={types}
        emptyLabel={t('common.any')}
      />
      <CountrySelect
        id="organisations-coverageCountry"
        label={t('organisations.fields.coverageCountry')}
        value={draft.coverageCountry ?? ''}
        onChange={set('coverageCountry')}
        emptyLabel={t('common.any')}
      />
      <TextField
        id="organisations-language"
        label={t('organisations.fields.language')}
        helperText={t('organisations.hints.language')}
        value={draft.language ?? ''}
        onChange={(event) => set('language')(event.target.value)}
        slotProps={{ htmlInput: { maxLength: 3 } }}
      />
      <SelectField
        id="organisations-active"
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

/** The referral organisations: who offers which service, where, and in which languages. */
export function OrganisationsPage() {
  const { t } = useTranslation('directory');
  const { filters, cursor, apply, goToCursor } = useListParams(FILTERS);
  const mayManage = useHasPermission('directory:manage');
  const label = useDirectoryLabel();
  const countryName = useCountryName();
  const list = useQuery({
    queryKey: ['organisations', 'list', filters, cursor],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/organisations', {
          params: {
            query: {
              ...filters,
              service: filters.service as Query['service'],
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
        title={t('organisations.title')}
        create={
          mayManage
            ? { to: '/directory/organisations/new', label: t('organisations.create') }
            : undefined
        }
      />
      <OrganisationFilters key={JSON.stringify(filters)} initial={filters} onApply={apply} />
      <ResultsTable
        list={list}
        caption={t('organisations.caption')}
        rowKey={(organisation) => organisation.id}
        cursor={cursor}
        onPage={goToCursor}
        columns={[
          {
            header: t('organisations.fields.name'),
            cell: (organisation) => (
              <Link component={RouterLink} to={`/directory/organisations/${organisation.id}`}>
                {organisation.name}
                {organisation.acronym ? ` (${organisation.acronym})` : ''}
              </Link>
            ),
          },
          {
            header: t('organisations.fields.type'),
            cell: (organisation) => label('organisationTypes', organisation.type),
          },
          {
            header: t('organisations.fields.services'),
            cell: (organisation) =>
              organisation.services.map((s) => label('services', s)).join(', '),
          },
          {
            header: t('organisations.fields.coverageCountries'),
            cell: (organisation) => organisation.coverageCountries.map(countryName).join(', '),
          },
          {
            header: t('common.state'),
            cell: (organisation) =>
              organisation.active ? t('common.active') : t('common.inactive'),
          },
        ]}
      />
    </>
  );
}
