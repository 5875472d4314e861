import {
  Button,
  Link,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
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
import { Pager } from '../common/pager';
import { QueryState } from '../common/query-state';
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
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', mb: 2 }}>
        <Typography variant="h4" component="h1">
          {t('consulates.title')}
        </Typography>
        {mayManage && (
          <Button component={RouterLink} to="/directory/consulates/new" variant="contained">
            {t('consulates.create')}
          </Button>
        )}
      </Stack>
      <ConsulateFilters key={JSON.stringify(filters)} initial={filters} onApply={apply} />
      <QueryState isPending={list.isPending} error={list.error} />
      {list.data && list.data.items.length === 0 && (
        <Typography role="status">{t('common.noResults')}</Typography>
      )}
      {list.data && list.data.items.length > 0 && (
        <TableContainer>
          <Table size="small">
            <caption>{t('consulates.caption')}</caption>
            <TableHead>
              <TableRow>
                <TableCell scope="col">{t('consulates.fields.name')}</TableCell>
                <TableCell scope="col">{t('consulates.fields.postCode')}</TableCell>
                <TableCell scope="col">{t('consulates.fields.type')}</TableCell>
                <TableCell scope="col">{t('consulates.fields.sendingCountryCode')}</TableCell>
                <TableCell scope="col">{t('consulates.fields.location')}</TableCell>
                <TableCell scope="col">{t('common.state')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {list.data.items.map((consulate) => (
                <TableRow key={consulate.id}>
                  <TableCell scope="row" component="th">
                    <Link component={RouterLink} to={`/directory/consulates/${consulate.id}`}>
                      {consulate.name}
                    </Link>
                  </TableCell>
                  <TableCell>{consulate.postCode}</TableCell>
                  <TableCell>{label('consulateTypes', consulate.type)}</TableCell>
                  <TableCell>{countryName(consulate.sendingCountryCode)}</TableCell>
                  <TableCell>
                    {consulate.city}, {countryName(consulate.hostCountryCode)}
                  </TableCell>
                  <TableCell>
                    {consulate.active ? t('common.active') : t('common.inactive')}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      <Pager cursor={cursor} nextCursor={list.data?.nextCursor} onPage={goToCursor} />
    </>
  );
}
