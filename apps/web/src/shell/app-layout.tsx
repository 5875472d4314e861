import { AppBar, Box, Container, Toolbar, Typography } from '@mui/material';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { LanguageSwitch } from './language-switch';
import { useFocusHeading } from './use-focus-heading';

/** The frame of every screen: the name of the registry, the language switch, the page. */
export function AppLayout() {
  const { t } = useTranslation();
  const main = useRef<HTMLElement>(null);
  useFocusHeading(useLocation().pathname, main);
  return (
    <Box sx={{ minHeight: '100vh', bgcolor: 'grey.50' }}>
      <AppBar position="static" color="default" elevation={0}>
        <Toolbar sx={{ gap: 2 }}>
          <Typography component="p" variant="h6" sx={{ fontWeight: 700 }}>
            {t('app.name')}
          </Typography>
          <Typography component="p" variant="body2" sx={{ flexGrow: 1 }}>
            {t('app.tagline')}
          </Typography>
          <LanguageSwitch />
        </Toolbar>
      </AppBar>
      <Container component="main" ref={main} maxWidth="sm" sx={{ py: 4 }}>
        <Outlet />
      </Container>
    </Box>
  );
}
