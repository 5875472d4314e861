import {
  AppBar,
  Box,
  Button,
  Container,
  Link,
  Stack,
  SvgIcon,
  Toolbar,
  Typography,
  useMediaQuery,
  useTheme,
} from '@mui/material';
import type { ReactNode, Ref } from 'react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, NavLink, Outlet, useLocation } from 'react-router';
import { LanguageSwitch } from './language-switch';
import { mayOpen, NAVIGATION, type NavigationEntry } from './navigation';
import { ServiceBanner } from './service-banner';
import { useSession } from './session';
import { useFocusHeading } from './use-focus-heading';
import { useMe } from './use-me';

const MENU_ID = 'main-menu';

/**
 * The menu of the screens the signed-in user may use (by permission), with the current one marked.
 * A row of its own under the bar, so a long menu (an administrator's) never pushes the language
 * switch or the way out onto another line. On a phone it is a list that the menu button opens,
 * with the language switch and the way out after the entries (`phoneExtras`).
 */
function MainMenu({
  open,
  onEscape,
  phoneExtras,
}: {
  open: boolean;
  onEscape: () => void;
  phoneExtras?: ReactNode;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const entries = NAVIGATION.filter((entry) => mayOpen(entry, me.data));
  // A long menu (a consul's eight entries and more) is set tighter below 1200 px so that it stays on
  // one line at 1024 px (menu-bar browser spec).
  const compact = entries.length > 7;
  // Ten entries and more (a supervisor who also analyses and administers) need a smaller type too.
  const dense = entries.length > 9;
  const { pathname } = useLocation();
  // An entry whose page leads to others stays marked on them (Cooperation on /transfers).
  const within = (entry: NavigationEntry) =>
    entry.sections?.some((path) => pathname === path || pathname.startsWith(`${path}/`));
  return (
    <Box
      component="nav"
      id={MENU_ID}
      aria-label={t('nav.label')}
      // Escape closes the phone's menu and takes the keyboard back to its button; not an Escape
      // that closes the language list (a portal: in React's tree here, not in the page's).
      onKeyDown={(event) => {
        if (event.key === 'Escape' && event.currentTarget.contains(event.target as Node))
          onEscape();
      }}
      sx={{
        display: { xs: open ? 'block' : 'none', sm: 'block' },
        borderTop: 1,
        borderColor: 'divider',
        px: compact ? { xs: 1, lg: 2 } : { xs: 1, sm: 2 },
        py: 0.5,
      }}
    >
      <Box
        component="ul"
        sx={{
          m: 0,
          p: 0,
          listStyle: 'none',
          display: 'flex',
          flexDirection: { xs: 'column', sm: 'row' },
          flexWrap: 'wrap',
          columnGap: compact ? { sm: 0.25, lg: 1 } : 1,
        }}
      >
        {entries.map((entry) => (
          <li key={entry.path}>
            <Button
              // On a page of its section the entry is the current one for screen readers too:
              // a NavLink only says so on its own path.
              {...(within(entry)
                ? { component: RouterLink, className: 'active', 'aria-current': 'page' as const }
                : { component: NavLink, end: entry.end ?? entry.path === '/' })}
              to={entry.path}
              color="inherit"
              sx={{
                justifyContent: 'flex-start',
                width: { xs: '100%', sm: 'auto' },
                ...(compact && {
                  px: { sm: 0.5, lg: 1 },
                  letterSpacing: { sm: 0, lg: '0.02857em' },
                }),
                ...(dense && { fontSize: { sm: '0.8125rem', lg: '0.875rem' } }),
                minWidth: 0,
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
      </Box>
      {phoneExtras && (
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', px: 1, py: 1.5 }}>
          {phoneExtras}
        </Stack>
      )}
    </Box>
  );
}

/** Three bars: the usual sign of a menu, beside its name (never the icon alone). */
function MenuIcon() {
  return (
    <SvgIcon fontSize="small" aria-hidden="true">
      <path d="M3 6h18v2H3zm0 5h18v2H3zm0 5h18v2H3z" />
    </SvgIcon>
  );
}

/**
 * On a phone only, beside the registry's name: shows and hides the menu (a disclosure button);
 * choosing a screen closes it again.
 */
function MenuButton({
  open,
  onToggle,
  ref,
}: {
  open: boolean;
  onToggle: () => void;
  ref: Ref<HTMLButtonElement>;
}) {
  const { t } = useTranslation();
  return (
    <Button
      ref={ref}
      color="inherit"
      variant="outlined"
      aria-expanded={open}
      aria-controls={MENU_ID}
      onClick={onToggle}
      startIcon={<MenuIcon />}
    >
      {t('nav.menu')}
    </Button>
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
  const { pathname } = useLocation();
  useFocusHeading(pathname, main);
  const [menuOpen, setMenuOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  // Choosing a screen from the phone's menu closes it: the new screen is what the user asked for.
  useEffect(() => setMenuOpen(false), [pathname]);
  // On a phone the signed-in bar is the name and the menu button; the rest is in the menu.
  const phone = useMediaQuery(useTheme().breakpoints.down('sm'));
  const phoneMenu = session.signedIn && phone;
  const signOut = session.signedIn && (
    <Button variant="outlined" color="inherit" onClick={() => void session.end()}>
      {t('home.signOut')}
    </Button>
  );
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
        <Toolbar sx={{ columnGap: 2, rowGap: 1, flexWrap: 'wrap', py: 1 }}>
          <Typography component="p" variant="h6" sx={{ fontWeight: 700, flexGrow: 1 }}>
            {t('app.name')}
          </Typography>
          {!session.signedIn && (
            <Typography
              component="p"
              variant="body2"
              sx={{ flexGrow: 100, flexBasis: { xs: '100%', sm: 0 } }}
            >
              {t('app.tagline')}
            </Typography>
          )}
          {phoneMenu ? (
            <MenuButton
              ref={menuButton}
              open={menuOpen}
              onToggle={() => setMenuOpen((open) => !open)}
            />
          ) : (
            <>
              <LanguageSwitch />
              {signOut}
            </>
          )}
        </Toolbar>
        {session.signedIn && (
          <MainMenu
            open={menuOpen}
            onEscape={() => {
              if (!phoneMenu) return;
              setMenuOpen(false);
              menuButton.current?.focus();
            }}
            phoneExtras={
              phoneMenu && (
                <>
                  <LanguageSwitch />
                  {signOut}
                </>
              )
            }
          />
        )}
      </AppBar>
      <ServiceBanner />
      <Container component="main" id="main" tabIndex={-1} ref={main} maxWidth="lg" sx={{ py: 4 }}>
        <Outlet />
      </Container>
    </Box>
  );
}
