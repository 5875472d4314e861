import { Button, Stack } from '@mui/material';
import { useTranslation } from 'react-i18next';

interface PagerProps {
  /** The cursor of the page shown; none on the first page. */
  cursor: string | undefined;
  nextCursor: string | null | undefined;
  onPage(cursor: string | undefined): void;
}

/**
 * Cursor paging: the API gives the next page's cursor only, so "previous" is the browser's back
 * button (each page is its own URL) and "first page" starts over.
 */
export function Pager({ cursor, nextCursor, onPage }: PagerProps) {
  const { t } = useTranslation('directory');
  if (!cursor && !nextCursor) return null;
  return (
    <Stack
      component="nav"
      aria-label={t('common.paging')}
      direction="row"
      spacing={2}
      sx={{ mt: 2 }}
    >
      {cursor && (
        <Button variant="outlined" onClick={() => onPage(undefined)}>
          {t('common.firstPage')}
        </Button>
      )}
      {nextCursor && (
        <Button variant="outlined" onClick={() => onPage(nextCursor)}>
          {t('common.nextPage')}
        </Button>
      )}
    </Stack>
  );
}
