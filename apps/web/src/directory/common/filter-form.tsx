import { Button, Paper, Stack } from '@mui/material';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface FilterFormProps {
  /** The accessible name of the search landmark: "Filter the consulates". */
  label: string;
  onApply(): void;
  onClear(): void;
  children: ReactNode;
}

/**
 * The filters of a list: applied together with one button (so typing does not reload the list at
 * each key), and kept in the URL by the page.
 */
export function FilterForm({ label, onApply, onClear, children }: FilterFormProps) {
  const { t } = useTranslation('directory');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply();
  };
  return (
    <Paper variant="outlined" sx={{ p: 2, mb: 3 }}>
      <form role="search" aria-label={label} noValidate onSubmit={submit}>
        <Stack
          direction="row"
          useFlexGap
          spacing={2}
          // Wide enough for the longest label ("Buscar por nombre, ciudad o código") unclipped, and
          // one width for all: a native select is otherwise as wide as its longest option.
          sx={{
            flexWrap: 'wrap',
            alignItems: 'start',
            '& > .MuiTextField-root': { width: { xs: '100%', sm: 280 } },
          }}
        >
          {children}
        </Stack>
        <Stack direction="row" spacing={2} sx={{ mt: 2 }}>
          <Button type="submit" variant="contained">
            {t('common.apply')}
          </Button>
          <Button type="button" onClick={onClear}>
            {t('common.clear')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
