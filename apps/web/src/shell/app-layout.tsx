import { AppBar, Box, Button, Container, Link, Stack, Toolbar, Typography } from '@mui/material';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useLocation } from 'react-router';
import { LanguageSwitch } from './language-switch';
import { mayOpen, NAVIGATION } from './navigation';
import { ServiceBanner } from './service-banner';
import { useSession } from './session';
import { useFocusHeading } from './use-focus-heading';
import { useMe } from './use-me';

/** The menu of the screens the signed-in user may use (by permission), with the current one marked. */
function MainMenu() {
  const { t } = useTranslation();
  const me = useMe();
  const entries = NAVIGATION.filter((entry) => mayOpen(entry, me.data));
  return (
    <Box component="nav" aria-label={t('nav.label')} sx={{ flexGrow: 1 }}>
      <Stack
        component="ul"
        direction="row"
        spacing={1}
        sx={{ m: 0, p: 0, listStyle: 'none', flexWrap: 'wrap' }}
      >
        {entries.map((entry) => (
          <li key={entry.path}>
            <Button
              component={NavLink}
              to={entry.path}
              end={entry.end ?? entry.path === '/'}
              color="inherit"
              sx={{
                '&.active': {
                  textDecoration: 'underline',
                  textUnderlineOffset: 6,
                  fontWeight: 700,
                },
              }}
            >
              {t(`nav.${entry.label}`)}
            </Button>
          </li>
        ))}
      </Stack>
    </Box>
  );
}

/**
 * The frame of every screen: a skip link, the name of the registry, the menu, the language switch
 * and, signed in, the way out (from any screen, not only the account page).
 */
export function AppLayout() {
  const { t } = useTranslation();
  const session = useSession();
  const main = useRef<HTMLElement>(null);
  useFocusHeading(useLocation().pathname, main);
  return (
    <Box sx={{ minHeight: '100vh', bgcolor: 'grey.50' }}>
      <Link
        href="#main"
        sx={{
          position: 'absolute',
          left: 8,
          top: -48,
          zIndex: 1200,
          p: 1,
          bgcolor: 'background.paper',
          '&:focus': { top: 8 },
        }}
      >
        {t('nav.skipToContent')}
      </Link>
      <AppBar position="static" color="default" elevation={0}>
        <Toolbar sx={{ gap: 2, flexWrap: 'wrap', py: 1 }}>
          <Typography component="p" variant="h6" sx={{ fontWeight: 700 }}>
            {t('app.name')}
          </Typography>
          {session.signedIn ? (
            <MainMenu />
          ) : (
            <Typography component="p" variant="body2" sx={{ flexGrow: 1 }}>
              {t('app.tagline')}
            </Typography>
          )}
          <LanguageSwitch />
          {session.signedIn && (
            <Button variant="outlined" color="inherit" onClick={() => void session.end()}>
              {t('home.signOut')}
            </Button>
          )}
        </Toolbar>
      </AppBar>
      <ServiceBanner />
      <Container component="main" id="main" tabIndex={-1} ref={main} maxWidth="lg" sx={{ py: 4 }}>
        <Outlet />
      </Container>
    </Box>
  );
}
