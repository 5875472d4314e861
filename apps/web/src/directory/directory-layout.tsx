import { Box, Button, Stack } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';

const SECTIONS = ['consulates', 'officials', 'organisations'] as const;

/** The directory's three registers, one link each, above the page of the one open. */
export function DirectoryLayout() {
  const { t } = useTranslation('directory');
  return (
    <Box>
      <Stack
        component="nav"
        aria-label={t('sections.label')}
        direction="row"
        spacing={1}
        sx={{ mb: 3, borderBottom: 1, borderColor: 'divider', flexWrap: 'wrap' }}
      >
        {SECTIONS.map((section) => (
          <Button
            key={section}
            component={NavLink}
            to={`/directory/${section}`}
            // Every link has the bar's room, so the current one sits level with the others.
            sx={{
              borderRadius: 0,
              borderBottom: 3,
              borderColor: 'transparent',
              '&.active': { borderColor: 'primary.main', fontWeight: 700 },
            }}
          >
            {t(`sections.${section}`)}
          </Button>
        ))}
      </Stack>
      <Outlet />
    </Box>
  );
}
