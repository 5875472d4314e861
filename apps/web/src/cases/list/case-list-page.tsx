import {
  Box,
  Button,
  Chip,
  MenuItem,
  Paper,
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
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { unwrap } from '../../api/call';
import { api } from '../../api/client';
import { useCodeLabel, useCodeLists } from '../../codes/use-code-lists';
import { useFormat } from '../../shell/format';
import type { Language } from '../../shell/i18n';
import { ProblemAlert } from '../../shell/problem-alert';
import { useHasPermission } from '../../shell/use-me';
import { caseKeys } from '../case-queries';
import { isOverdue } from '../page/next-step';
import { FILTERS, listQuery, SORTS, statusesOf, withoutFilter } from './case-filters';
import { FilterChips } from './filter-chips';

/** `/cases`: the cases in the caller's scope, filtered and paged through the URL. */
export function CaseListPage() {
  const { t, i18n } = useTranslation('cases');
  const f = useFormat();
  const label = useCodeLabel();
  const codes = useCodeLists().data;
  const mayRegister = useHasPermission('cases:write');
  const [params, setParams] = useSearchParams();
  const query = listQuery(params);
  const cases = useQuery({
    queryKey: caseKeys.list(query),
    queryFn: () => unwrap(api.GET('/api/v1/cases', { params: { query } })),
    placeholderData: keepPreviousData,
  });

  const setFilter = (param: string, value: string) => {
    const next = new URLSearchParams(params);
    next.delete('cursor');
    if (value) next.set(param, value);
    else next.delete(param);
    setParams(next);
  };
  // Several statuses (a dashboard link) show as a chip; the select shows one status or none.
  const selected = (param: string) => {
    if (param !== 'status') return params.get(param) ?? '';
    const statuses = statusesOf(params);
    return statuses.length === 1 ? statuses[0] : '';
  };
  const page = (cursor: string | null) => {
    const next = new URLSearchParams(params);
    if (cursor) next.set('cursor', cursor);
    else next.delete('cursor');
    setParams(next);
  };

  return (
    <Stack spacing={3}>
      <Stack
        direction="row"
        sx={{ justifyContent: 'space-between', alignItems: 'center', flexWrap: 'wrap', gap: 2 }}
      >
        <Typography variant="h4" component="h1">
          {t('list.title')}
        </Typography>
        {mayRegister && (
          <Button component={RouterLink} to="/cases/new" variant="contained">
            {t('list.newCase')}
          </Button>
        )}
      </Stack>
      <Paper variant="outlined" component="section" aria-labelledby="filters-title" sx={{ p: 2 }}>
        <Typography id="filters-title" variant="h6" component="h2" gutterBottom>
          {t('list.filters')}
        </Typography>
        <Stack
          direction={{ xs: 'column', md: 'row' }}
          spacing={2}
          useFlexGap
          // The clear button goes whole to the next line rather than breaking its words.
          sx={{ alignItems: { md: 'center' }, flexWrap: 'wrap' }}
        >
          {FILTERS.map((filter) => (
            <TextField
              key={filter.param}
              select
              id={`filter-${filter.param}`}
              label={t(filter.label)}
              value={selected(filter.param)}
              onChange={(e) => setFilter(filter.param, e.target.value)}
              size="small"
              sx={{ minWidth: 240 }}
            >
              <MenuItem value="">{t('list.any')}</MenuItem>
              {(codes?.[filter.list] ?? []).map((code) => (
                <MenuItem key={code.code} value={code.code}>
                  {code.label[i18n.language as Language]}
                </MenuItem>
              ))}
            </TextField>
          ))}
          <TextField
            select
            id="filter-sort"
            label={t('list.sort')}
            value={params.get('sort') ?? '-openedAt'}
            onChange={(e) =>
              setFilter('sort', e.target.value === '-openedAt' ? '' : e.target.value)
            }
            size="small"
            sx={{ minWidth: 260 }}
          >
            {SORTS.map((sort) => (
              <MenuItem key={sort} value={sort}>
                {t(`list.sorts.${sort}`)}
              </MenuItem>
            ))}
          </TextField>
          <Button
            onClick={() => setParams(new URLSearchParams())}
            sx={{ whiteSpace: 'nowrap', alignSelf: { xs: 'flex-start', md: 'center' } }}
          >
            {t('list.clear')}
          </Button>
        </Stack>
        <Box sx={{ mt: 2 }}>
          <FilterChips
            params={params}
            onRemove={(param) => setParams(withoutFilter(params, param))}
          />
        </Box>
      </Paper>
      {cases.isError && <ProblemAlert error={cases.error} />}
      {cases.isPending && <Typography role="status">{t('common.loading')}</Typography>}
      {cases.data && (
        <>
          <Typography role="status" variant="body2">
            {cases.data.items.length === 0
              ? t('list.empty')
              : t('list.count', { count: cases.data.items.length })}
          </Typography>
          {cases.data.items.length > 0 && (
            <TableContainer component={Paper} variant="outlined">
              <Table size="small">
                <caption>{t('list.caption')}</caption>
                <TableHead>
                  <TableRow>
                    <TableCell scope="col">{t('list.reference')}</TableCell>
                    <TableCell scope="col">{t('list.person')}</TableCell>
                    <TableCell scope="col">{t('list.category')}</TableCell>
                    <TableCell scope="col">{t('list.status')}</TableCell>
                    <TableCell scope="col">{t('list.risk')}</TableCell>
                    <TableCell scope="col">{t('list.opened')}</TableCell>
                    <TableCell scope="col">{t('list.nextStepDue')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {cases.data.items.map((c) => (
                    <TableRow key={c.id} hover>
                      <TableCell component="th" scope="row">
                        <RouterLink to={`/cases/${c.id}`}>{c.reference}</RouterLink>
                        {c.restricted && (
                          <Chip size="small" label={t('list.restricted')} sx={{ ml: 1 }} />
                        )}
                      </TableCell>
                      <TableCell>
                        {c.primaryPerson?.name ?? ''}
                        {c.primaryPerson?.birthYear ? ` (${c.primaryPerson.birthYear})` : ''}
                      </TableCell>
                      <TableCell>{label('caseCategories', c.primaryCategory)}</TableCell>
                      <TableCell>{label('caseStatuses', c.status)}</TableCell>
                      <TableCell>{label('riskLevels', c.riskLevel)}</TableCell>
                      <TableCell>{f.date(c.openedAt)}</TableCell>
                      <TableCell sx={isOverdue(c) ? { color: 'error.main' } : undefined}>
                        {c.nextStepDue &&
                          t(isOverdue(c) ? 'list.dueOverdue' : 'list.due', {
                            date: f.date(c.nextStepDue),
                          })}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </TableContainer>
          )}
          <Box sx={{ display: 'flex', gap: 2 }}>
            {params.get('cursor') && (
              <Button onClick={() => page(null)}>{t('list.firstPage')}</Button>
            )}
            {cases.data.nextCursor && (
              <Button variant="outlined" onClick={() => page(cases.data.nextCursor)}>
                {t('list.nextPage')}
              </Button>
            )}
          </Box>
        </>
      )}
    </Stack>
  );
}
