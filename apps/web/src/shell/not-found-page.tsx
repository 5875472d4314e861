import { Button, Paper, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Paper variant="outlined" sx={{ p: 4, maxWidth: 600, mx: 'auto' }}>
      <Stack spacing={2}>
        <Typography variant="h4" component="h1">
          {t('notFound.title')}
        </Typography>
        <Button component={Link} to="/" variant="contained" sx={{ alignSelf: 'start' }}>
          {t('notFound.back')}
        </Button>
      </Stack>
    </Paper>
  );
}
