import { Button, MenuItem, Paper, Stack, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, type SummaryError } from '../shell/error-summary';
import { useErrorSummary } from '../shell/sign-in/use-error-summary';
import { periodProblems, type MonthPeriod, type PeriodProblem } from './period';
import type { ScopePost } from './use-scope-posts';

const FIELD_OF: Record<PeriodProblem, string> = {
  fromInvalid: 'period-from',
  toInvalid: 'period-to',
  reversed: 'period-to',
  tooLong: 'period-to',
};

interface Props {
  period: MonthPeriod;
  consulateId: string | undefined;
  posts: ScopePost[];
  onShow: (period: MonthPeriod, consulateId: string | undefined) => void;
  onReset: () => void;
}

/** The months to count and the post to narrow to: checked here as the API checks them. */
export function PeriodForm({ period, consulateId, posts, onShow, onReset }: Props) {
  const { t } = useTranslation('dashboard');
  const [from, setFrom] = useState(period.from);
  const [to, setTo] = useState(period.to);
  const [post, setPost] = useState(consulateId ?? '');
  const { errors, setErrors, summaryRef, fieldError } = useErrorSummary();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const asked = { from: from.trim(), to: to.trim() };
    const found: SummaryError[] = periodProblems(asked).map((problem) => ({
      fieldId: FIELD_OF[problem],
      message: t(`period.${problem}`),
    }));
    setErrors(found);
    if (!found.length) onShow(asked, post || undefined);
  };

  const month = (id: string, label: string, value: string, set: (value: string) => void) => {
    const error = fieldError(id);
    return (
      // A text field, not a native `type="month"`: that one names the months in the browser's
      // language, not the page's, and its pop-up is not the same to operate in every browser.
      <TextField
        id={id}
        label={label}
        value={value}
        onChange={(event) => set(event.target.value)}
        error={!!error}
        helperText={error ?? t('period.monthHint')}
        size="small"
        autoComplete="off"
        sx={{ width: 230 }}
        slotProps={{ htmlInput: { inputMode: 'numeric', spellCheck: false } }}
      />
    );
  };

  return (
    <Paper variant="outlined" component="section" aria-labelledby="period-title" sx={{ p: 2 }}>
      <Typography id="period-title" variant="h6" component="h2" gutterBottom>
        {t('period.title')}
      </Typography>
      <ErrorSummary ref={summaryRef} errors={errors} />
      <form onSubmit={submit} noValidate>
        <Stack
          direction={{ xs: 'column', md: 'row' }}
          spacing={2}
          useFlexGap
          sx={{ alignItems: 'flex-start', flexWrap: 'wrap' }}
        >
          {month('period-from', t('period.from'), from, setFrom)}
          {month('period-to', t('period.to'), to, setTo)}
          <TextField
            select
            id="period-post"
            label={t('period.post')}
            value={post}
            onChange={(event) => setPost(event.target.value)}
            size="small"
            sx={{ minWidth: 260 }}
            // "All posts" is a choice of its own (the empty value), shown rather than a blank field.
            slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
          >
            <MenuItem value="">{t('period.allPosts')}</MenuItem>
            {posts.map((item) => (
              <MenuItem key={item.id} value={item.id}>
                {`${item.name} (${item.postCode})`}
              </MenuItem>
            ))}
          </TextField>
        </Stack>
        {/* The actions on a line of their own: beside three fields they would wrap at 1024 px. */}
        <Stack direction="row" spacing={2} sx={{ mt: 2 }}>
          <Button type="submit" variant="contained" sx={{ whiteSpace: 'nowrap' }}>
            {t('period.apply')}
          </Button>
          <Button
            sx={{ whiteSpace: 'nowrap' }}
            onClick={() => {
              setErrors([]);
              onReset();
            }}
          >
            {t('period.reset')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
