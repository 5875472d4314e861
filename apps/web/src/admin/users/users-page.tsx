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
import { CountrySelect } from '../../directory/common/country-select';
import { FilterForm } from '../../directory/common/filter-form';
import { Pager } from '../../directory/common/pager';
import { QueryState } from '../../directory/common/query-state';
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
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', mb: 2 }}>
        <Typography variant="h4" component="h1">
          {t('users.title')}
        </Typography>
        {mayManage && (
          <Button component={RouterLink} to="/admin/users/new" variant="contained">
            {t('users.create')}
          </Button>
        )}
      </Stack>
      <UserFilters key={JSON.stringify(filters)} initial={filters} onApply={apply} />
      <QueryState isPending={list.isPending} error={list.error} />
      {list.data && list.data.items.length === 0 && (
        <Typography role="status">{t('common.noResults')}</Typography>
      )}
      {list.data && list.data.items.length > 0 && (
        <TableContainer>
          <Table size="small">
            <caption>{t('users.caption')}</caption>
            <TableHead>
              <TableRow>
                <TableCell scope="col">{t('users.fields.displayName')}</TableCell>
                <TableCell scope="col">{t('users.fields.email')}</TableCell>
                <TableCell scope="col">{t('users.fields.roles')}</TableCell>
                <TableCell scope="col">{t('users.fields.countryCode')}</TableCell>
                <TableCell scope="col">{t('users.fields.status')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {list.data.items.map((user) => (
                <TableRow key={user.id}>
                  <TableCell scope="row" component="th">
                    <Link component={RouterLink} to={`/admin/users/${user.id}`}>
                      {user.displayName}
                    </Link>
                  </TableCell>
                  <TableCell>{user.email}</TableCell>
                  <TableCell>
                    {[...new Set(user.grants.map((grant) => roleLabel(grant.role)))].join(', ') ||
                      t('users.noRoles')}
                  </TableCell>
                  <TableCell>{countryName(user.countryCode) || t('users.noCountry')}</TableCell>
                  <TableCell>
                    {t(`users.status.${user.status}`)}
                    {!user.activated && ` · ${t('users.pendingActivation')}`}
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
