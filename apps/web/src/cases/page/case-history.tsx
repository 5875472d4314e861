import {
  Box,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { unwrap } from '../../api/call';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import { useCodeLabel, type CodeListName } from '../../codes/use-code-lists';
import { useConsulateOptions } from '../../directory/consulates/use-consulate-options';
import { useFormat } from '../../shell/format';
import { ProblemAlert } from '../../shell/problem-alert';
import { caseKeys } from '../case-queries';
import { useWho } from './use-who';

type Entry = components['schemas']['CaseHistoryEntryResponse'];

/** The code list whose labels a field's values are, for the fields that hold codes. */
const CODED: Record<string, CodeListName> = {
  primaryCategory: 'caseCategories',
  secondaryCategories: 'caseCategories',
  vulnerabilityFlags: 'vulnerabilityFlags',
  riskLevel: 'riskLevels',
  status: 'caseStatuses',
  closureReason: 'closureReasons',
  requestedClosureReason: 'closureReasons',
  hostCountryRole: 'hostCountryRoles',
};

/** Every change of the case's fields: who, when, the old and new values and the reason given. */
export function CaseHistory({ caseId }: { caseId: string }) {
  const { t, i18n } = useTranslation('cases');
  const f = useFormat();
  const label = useCodeLabel();
  const who = useWho();
  // A transfer changes the case's post: shown by name (with its post code), not as an id.
  const consulates = useConsulateOptions(t('history.inactivePost'));
  const post = (id: string) => consulates.options.find((o) => o.value === id)?.label ?? id;
  const history = useQuery({
    queryKey: caseKeys.history(caseId),
    queryFn: () =>
      unwrap(api.GET('/api/v1/cases/{id}/history', { params: { path: { id: caseId } } })),
  });

  const value = (entry: Entry, raw: Entry['oldValue']): string => {
    if (entry.masked) return t('history.masked');
    if (raw === null || raw === '' || (Array.isArray(raw) && raw.length === 0))
      return t('history.empty_value');
    const list = CODED[entry.field];
    if (list)
      return (Array.isArray(raw) ? raw : [raw]).map((c) => label(list, String(c))).join(', ');
    if (entry.field === 'assignedOfficerId') return who(String(raw));
    if (entry.field === 'consulateId') return post(String(raw));
    if (typeof raw === 'boolean') return t(raw ? 'history.yes' : 'history.no');
    if (typeof raw === 'object') return JSON.stringify(raw);
    return String(raw);
  };
  const fieldName = (field: string) =>
    i18n.exists(`history.fields.${field}`, { ns: 'cases' })
      ? t(`history.fields.${field}` as 'history.fields.status')
      : field;

  const items = [...(history.data?.items ?? [])].reverse();
  return (
    <Box component="section" aria-labelledby="history-title">
      <Typography id="history-title" variant="h5" component="h2" gutterBottom>
        {t('history.title')}
      </Typography>
      {history.isError && <ProblemAlert error={history.error} />}
      {history.isPending && <Typography>{t('common.loading')}</Typography>}
      {history.data && items.length === 0 && <Typography>{t('history.empty')}</Typography>}
      {items.length > 0 && (
        <TableContainer component={Paper} variant="outlined">
          <Table size="small">
            <caption>{t('history.caption')}</caption>
            <TableHead>
              <TableRow>
                <TableCell scope="col">{t('history.when')}</TableCell>
                <TableCell scope="col">{t('history.who')}</TableCell>
                <TableCell scope="col">{t('history.field')}</TableCell>
                <TableCell scope="col">{t('history.change')}</TableCell>
                <TableCell scope="col">{t('history.reason')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {items.map((entry) => (
                <TableRow key={entry.id}>
                  <TableCell component="th" scope="row">
                    {f.dateTime(entry.changedAt)}
                  </TableCell>
                  <TableCell>{who(entry.changedBy)}</TableCell>
                  <TableCell>{fieldName(entry.field)}</TableCell>
                  <TableCell>
                    {value(entry, entry.oldValue)} → {value(entry, entry.newValue)}
                  </TableCell>
                  <TableCell>{entry.reason ?? ''}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </Box>
  );
}
