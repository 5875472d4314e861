import { MenuItem, TextField } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { unwrap } from '../../api/call';
import { api } from '../../api/client';
import { caseKeys, type CaseDetail } from '../case-queries';

const QUERY = { limit: 100, sort: '-openedAt' } as const;

/**
 * The case a duplicate closure points at: another case of the same country that the caller may list,
 * newest first (the API refuses any other).
 */
export function SurvivingCaseField({
  id,
  current,
  value,
  onChange,
  error,
}: {
  id: string;
  current: CaseDetail;
  value: string;
  onChange(caseId: string): void;
  error?: string;
}) {
  const { t } = useTranslation('cases');
  const cases = useQuery({
    queryKey: caseKeys.list(QUERY),
    queryFn: () => unwrap(api.GET('/api/v1/cases', { params: { query: QUERY } })),
  });
  const candidates = (cases.data?.items ?? []).filter(
    (c) => c.id !== current.id && c.countryCode === current.countryCode,
  );
  return (
    <TextField
      select
      id={id}
      label={t('transitions.duplicateOf')}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      required
      error={Boolean(error)}
      helperText={
        error ?? (cases.isPending ? t('common.loading') : t('transitions.duplicateOfHint'))
      }
    >
      {candidates.map((c) => (
        <MenuItem key={c.id} value={c.id}>
          {c.primaryPerson?.name ? `${c.reference} — ${c.primaryPerson.name}` : c.reference}
        </MenuItem>
      ))}
    </TextField>
  );
}
