import { Link, TextField } from '@mui/material';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ExportSigningKeySection } from '../export-key/export-signing-key-section';
import { Link as RouterLink } from 'react-router';
import { unwrap } from '../../api/call';
import { api } from '../../api/client';
import type { paths } from '../../api/schema';
import { CountrySelect } from '../../directory/common/country-select';
import { FilterForm } from '../../directory/common/filter-form';
import { ListHeading, ResultsTable } from '../../directory/common/results-table';
import { SelectField } from '../../directory/common/select-field';
import { useCountryName } from '../../directory/common/use-countries';
import { useListParams } from '../../directory/common/use-list-params';
import { useHasPermission } from '../../shell/use-me';
import { ROLES, useRoleLabel } from './roles';

type Query = NonNullable<paths['/api/v1/users']['get']['parameters']['query']>;

const FILTERS = ['q', 'status', 'role', 'countryCode'] as const;
type Filters = Partial<Record<(typeof FILTERS)[number], string>>;

function UserFilters({ initial, onApply }: { initial: Filters; onApply(f: Filters): void }) {
  const { t } = useTranslation('admin');
  const roleLabel = useRoleLabel();
  const [draft, setDraft] = useState(initial);
  const set = (key: keyof Filters) => (value: string) => setDraft({ ...draft, [key]: value });
  return (
    <FilterForm
      label={t('users.filtersLabel')}
      onApply={() => onApply(draft)}
      onClear={() => onApply({})}
    >
      <TextField
        id="users-q"
        label={t('users.fields.q')}
        value={draft.q ?? ''}
        onChange={(event) => set('q')(event.target.value)}
      />
      <SelectField
        id="users-status"
        label={t('users.fields.status')}
        value={draft.status ?? ''}
        onChange={set('status')}
        options={[
          { value: 'active', label: t('users.status.active') },
          { value: 'disabled', label: t('users.status.disabled') },
        ]}
        emptyLabel={t('common.any')}
      />
      <SelectField
        id="users-role"
        label={t('users.fields.role')}
        value={draft.role ?? ''}
        onChange={set('role')}
        options={ROLES.map((role) => ({ value: role, label: roleLabel(role) }))}
        emptyLabel={t('common.any')}
      />
      <CountrySelect
        id="users-countryCode"
        label={t('users.fields.countryCode')}
        value={draft.countryCode ?? ''}
        onChange={set('countryCode')}
        emptyLabel={t('common.any')}
        membersOnly
      />
    </FilterForm>
  );
}

/** The accounts the administrator manages: who they are, their roles, and their state. */
export function UsersPage() {
  const { t } = useTranslation('admin');
  const { filters, cursor, apply, goToCursor } = useListParams(FILTERS);
  const mayManage = useHasPermission('users:manage');
  const roleLabel = useRoleLabel();
  const countryName = useCountryName();
  const list = useQuery({
    queryKey: ['users', 'list', filters, cursor],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/users', {
          params: {
            query: {
              ...filters,
              status: filters.status as Query['status'],
              role: filters.role as Query['role'],
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
        title={t('users.title')}
        create={mayManage ? { to: '/admin/users/new', label: t('users.create') } : undefined}
      />
      <UserFilters key={JSON.stringify(filters)} initial={filters} onApply={apply} />
      <ResultsTable
        list={list}
        caption={t('users.caption')}
        rowKey={(user) => user.id}
        cursor={cursor}
        onPage={goToCursor}
        columns={[
          {
            header: t('users.fields.displayName'),
            cell: (user) => (
              <Link component={RouterLink} to={`/admin/users/${user.id}`}>
                {user.displayName}
              </Link>
            ),
          },
          { header: t('users.fields.email'), cell: (user) => user.email },
          {
            header: t('users.fields.roles'),
            cell: (user) =>
              [...new Set(user.grants.map((grant) => roleLabel(grant.role)))].join(', ') ||
              t('users.noRoles'),
          },
          {
            header: t('users.fields.countryCode'),
            cell: (user) => countryName(user.countryCode) || t('users.noCountry'),
          },
          {
            header: t('users.fields.status'),
            cell: (user) =>
              t(`users.status.${user.status}`) +
              (user.activated ? '' : ` · ${t('users.pendingActivation')}`),
          },
        ]}
      />
      <ExportSigningKeySection />
    </>
  );
}
