import { AppBar, Box, Container, Toolbar, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { LanguageSwitch } from './language-switch';
import { ServiceBanner } from './service-banner';

/** The frame of every screen: the name of the registry, the language switch, the page. */
export function AppLayout() {
  const { t } = useTranslation();
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
      <ServiceBanner />
      <Container component="main" maxWidth="sm" sx={{ py: 4 }}>
        <Outlet />
      </Container>
    </Box>
  );
}
