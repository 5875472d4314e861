import { Box, Button, MenuItem, Stack, TextField } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BreakdownFields, breakdownFieldId } from './breakdown-fields';
import { checkBreakdown } from './check-breakdown';
import {
  breakdownFrom,
  measuresFrom,
  MEASURE_IDS,
  searchOf,
  type MeasureId,
} from './statistics-model';

export const STATISTICS_FORM = 'statistics';

interface Props {
  /** The URL's search: the form starts from the table on screen. */
  search: URLSearchParams;
  /** Messages by API field name, from the last check or the API's refusal. */
  errors: Record<string, string>;
  onInvalid: (errors: Record<string, string>) => void;
  onSubmit: (search: URLSearchParams) => void;
}

/** What table to compute: a measure and its breakdown; submitting puts it in the URL. */
export function StatisticsForm({ search, errors, onInvalid, onSubmit }: Props) {
  const { t } = useTranslation('statistics');
  const [measure, setMeasure] = useState<MeasureId>(
    () => measuresFrom(search)[0] ?? 'cases_opened',
  );
  const [breakdown, setBreakdown] = useState(() => breakdownFrom(search));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = checkBreakdown(breakdown, t);
    if (Object.keys(problems).length) onInvalid(problems);
    else onSubmit(searchOf(breakdown, [measure]));
  };

  return (
    <Box component="form" noValidate onSubmit={submit} aria-label={t('statistics.title')}>
      <Stack spacing={3}>
        <TextField
          select
          id={breakdownFieldId(STATISTICS_FORM, 'measure')}
          label={t('form.measure')}
          value={measure}
          onChange={(event) => setMeasure(event.target.value as MeasureId)}
          error={Boolean(errors.measure)}
          helperText={errors.measure}
          sx={{ maxWidth: 420 }}
        >
          {MEASURE_IDS.map((m) => (
            <MenuItem key={m} value={m}>
              {t(`measures.${m}`)}
            </MenuItem>
          ))}
        </TextField>
        <BreakdownFields
          idPrefix={STATISTICS_FORM}
          value={breakdown}
          onChange={setBreakdown}
          measures={[measure]}
          errors={errors}
        />
        <Box>
          <Button type="submit" variant="contained">
            {t('statistics.show')}
          </Button>
        </Box>
      </Stack>
    </Box>
  );
}
