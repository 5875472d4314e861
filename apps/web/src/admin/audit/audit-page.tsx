import {
  Box,
  Link,
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
import type { components } from '../../api/schema';
import { FilterForm } from '../../directory/common/filter-form';
import { Pager } from '../../directory/common/pager';
import { SelectField } from '../../directory/common/select-field';
import { QueryState } from '../../directory/common/query-state';
import { useListParams } from '../../directory/common/use-list-params';
import { useFormat } from '../../shell/format';
import { es } from '../locales/es';
import { useRoleLabel } from '../users/roles';

/** A kind of record in words; a kind this screen does not know yet shows as its code. */
function useResourceTypeLabel() {
  const { t } = useTranslation('admin');
  return (type: string) => (isKnownType(type) ? t(`audit.resourceTypes.${type}`) : type);
}

type AuditEvent = components['schemas']['AuditEventResponse'];

const FILTERS = ['actorId', 'action', 'resourceType', 'resourceId', 'from', 'to'] as const;
type ResourceType = keyof typeof es.audit.resourceTypes;
const RESOURCE_TYPES = Object.keys(es.audit.resourceTypes) as ResourceType[];
const isKnownType = (type: string): type is ResourceType =>
  (RESOURCE_TYPES as string[]).includes(type);
type Filters = Partial<Record<(typeof FILTERS)[number], string>>;

/** A `datetime-local` value (the user's own clock) as the instant the API filters on. */
const instant = (local: string | undefined) =>
  local && !Number.isNaN(Date.parse(local)) ? new Date(local).toISOString() : undefined;

function AuditFilters({ initial, onApply }: { initial: Filters; onApply(f: Filters): void }) {
  const { t } = useTranslation('admin');
  const [draft, setDraft] = useState(initial);
  const typeLabel = useResourceTypeLabel();
  const field = (key: keyof Filters, type = 'text') => (
    <TextField
      id={`audit-${key}`}
      type={type}
      label={t(`audit.fields.${key}`)}
      value={draft[key] ?? ''}
      onChange={(event) => setDraft({ ...draft, [key]: event.target.value })}
      helperText={t(`audit.hints.${key}`)}
      slotProps={type === 'text' ? undefined : { inputLabel: { shrink: true } }}
    />
  );
  return (
    <FilterForm
      label={t('audit.filtersLabel')}
      onApply={() => onApply(draft)}
      onClear={() => onApply({})}
    >
      {field('actorId')}
      {field('action')}
      <SelectField
        id="audit-resourceType"
        label={t('audit.fields.resourceType')}
        value={draft.resourceType ?? ''}
        onChange={(value) => setDraft({ ...draft, resourceType: value })}
        options={[
          ...RESOURCE_TYPES,
          ...(draft.resourceType && !isKnownType(draft.resourceType) ? [draft.resourceType] : []),
        ].map((type) => ({ value: type, label: typeLabel(type) }))}
        emptyLabel={t('common.any')}
        hint={t('audit.hints.resourceType')}
      />
      {field('resourceId')}
      {field('from', 'datetime-local')}
      {field('to', 'datetime-local')}
    </FilterForm>
  );
}

/** A filter link on a value of the table: "show only this actor's events". */
function FilterLink({
  to,
  label,
  code = true,
  children,
}: {
  to: string;
  label: string;
  /** An identifier (monospace) rather than a name. */
  code?: boolean;
  children: string;
}) {
  return (
    <Link
      component={RouterLink}
      to={to}
      aria-label={label}
      sx={code ? { fontFamily: 'monospace' } : undefined}
    >
      {children}
    </Link>
  );
}

function EventRow({ event }: { event: AuditEvent }) {
  const { t } = useTranslation('admin');
  const f = useFormat();
  const roleLabel = useRoleLabel();
  const typeLabel = useResourceTypeLabel();
  const details = Object.keys(event.details).length ? JSON.stringify(event.details) : '';
  return (
    <TableRow>
      <TableCell scope="row" component="th" sx={{ whiteSpace: 'nowrap' }}>
        {f.dateTime(event.occurredAt)}
      </TableCell>
      <TableCell>
        {event.actorId ? (
          <FilterLink
            to={`?actorId=${event.actorId}`}
            label={t('audit.onlyActor', { name: event.actorName ?? event.actorId })}
            code={!event.actorName}
          >
            {event.actorName ?? event.actorId.slice(0, 8)}
          </FilterLink>
        ) : (
          t('audit.system')
        )}
        {event.actorRoles.length > 0 && (
          <Typography variant="body2">{event.actorRoles.map(roleLabel).join(', ')}</Typography>
        )}
      </TableCell>
      <TableCell>
        <FilterLink
          to={`?action=${encodeURIComponent(event.action)}`}
          label={t('audit.onlyAction', { action: event.action })}
        >
          {event.action}
        </FilterLink>
      </TableCell>
      <TableCell>
        {event.resourceType && <span>{typeLabel(event.resourceType)}</span>}
        {event.resourceId && (
          <Typography variant="body2" sx={{ fontFamily: 'monospace', overflowWrap: 'anywhere' }}>
            {event.resourceId}
          </Typography>
        )}
      </TableCell>
      <TableCell>{t(`audit.outcomes.${event.outcome}`)}</TableCell>
      <TableCell>
        {details && (
          <Box component="code" sx={{ fontSize: '0.8rem', overflowWrap: 'anywhere' }}>
            {details}
          </Box>
        )}
      </TableCell>
      <TableCell>
        {event.hash ? (
          <Box component="code" sx={{ fontSize: '0.75rem', overflowWrap: 'anywhere' }}>
            {event.hash}
          </Box>
        ) : (
          t('audit.notSealed')
        )}
      </TableCell>
    </TableRow>
  );
}

/**
 * The audit log of the administrator's country (all of it for system administrators): who did
 * what to which record, when, with what outcome, and the event's seal in the hash chain.
 */
export function AuditPage() {
  const { t } = useTranslation('admin');
  const { filters, cursor, apply, goToCursor } = useListParams(FILTERS);
  const list = useQuery({
    queryKey: ['audit-events', filters, cursor],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/audit-events', {
          params: {
            query: { ...filters, from: instant(filters.from), to: instant(filters.to), cursor },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <Typography variant="h4" component="h1" sx={{ mb: 2 }}>
        {t('audit.title')}
      </Typography>
      <AuditFilters key={JSON.stringify(filters)} initial={filters} onApply={apply} />
      <QueryState isPending={list.isPending} error={list.error} />
      {list.data && list.data.items.length === 0 && (
        <Typography role="status">{t('common.noResults')}</Typography>
      )}
      {list.data && list.data.items.length > 0 && (
        <TableContainer>
          <Table size="small">
            <caption>{t('audit.caption')}</caption>
            <TableHead>
              <TableRow>
                <TableCell scope="col">{t('audit.columns.time')}</TableCell>
                <TableCell scope="col">{t('audit.columns.actor')}</TableCell>
                <TableCell scope="col">{t('audit.columns.action')}</TableCell>
                <TableCell scope="col">{t('audit.columns.resource')}</TableCell>
                <TableCell scope="col">{t('audit.columns.outcome')}</TableCell>
                <TableCell scope="col">{t('audit.columns.details')}</TableCell>
                <TableCell scope="col">{t('audit.columns.hash')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {list.data.items.map((event) => (
                <EventRow key={event.id} event={event} />
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      <Pager cursor={cursor} nextCursor={list.data?.nextCursor} onPage={goToCursor} />
    </>
  );
}
