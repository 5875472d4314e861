import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
} from '@mui/material';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from './session';

export const IDLE_LIMIT_MS = 30 * 60_000;
export const IDLE_WARNING_MS = 2 * 60_000;
const CHECK_EVERY_MS = 1000;
/** Tabs tell each other about activity at most this often (pointer moves come by the hundred). */
const SHARE_EVERY_MS = 10_000;
const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'touchstart', 'wheel'] as const;

/**
 * Signs out after 30 minutes without keyboard, pointer or touch activity in any tab of the app (a
 * consulate's shared computer left open), with a warning two minutes before. Escape, like "Stay
 * signed in", keeps the session: closing a warning must never be what signs someone out.
 */
export function IdleSignOut() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const lastActivity = useRef(Date.now());
  const lastShared = useRef(0);
  const [warningUntil, setWarningUntil] = useState<number>();
  const warning = warningUntil !== undefined;

  const active = useCallback(
    (at: number, share: boolean) => {
      lastActivity.current = Math.max(lastActivity.current, at);
      if (share && at - lastShared.current >= SHARE_EVERY_MS) {
        lastShared.current = at;
        session.shareActivity(at);
      }
    },
    [session],
  );

  useEffect(() => {
    // While the warning is up, only an answer to it counts here: a stray mouse move is not a choice.
    if (warning) return;
    const onActivity = () => active(Date.now(), true);
    ACTIVITY_EVENTS.forEach((name) =>
      document.addEventListener(name, onActivity, { passive: true, capture: true }),
    );
    return () =>
      ACTIVITY_EVENTS.forEach((name) =>
        document.removeEventListener(name, onActivity, { capture: true }),
      );
  }, [warning, active]);

  useEffect(
    () =>
      session.subscribeToOtherTabs((at) => {
        active(at, false);
        setWarningUntil(undefined);
      }),
    [session, active],
  );

  const { end } = session;
  useEffect(() => {
    const timer = setInterval(() => {
      const idle = Date.now() - lastActivity.current;
      if (idle >= IDLE_LIMIT_MS) {
        clearInterval(timer);
        void end('idle');
      } else if (idle >= IDLE_LIMIT_MS - IDLE_WARNING_MS) {
        setWarningUntil((shown) => shown ?? lastActivity.current + IDLE_LIMIT_MS);
      }
    }, CHECK_EVERY_MS);
    return () => clearInterval(timer);
  }, [end]);

  const stay = () => {
    lastShared.current = 0;
    active(Date.now(), true);
    setWarningUntil(undefined);
  };

  return (
    <Dialog open={warning} onClose={stay} aria-labelledby="idle-title" aria-describedby="idle-text">
      <DialogTitle id="idle-title">{t('session.idleTitle')}</DialogTitle>
      <DialogContent>
        <DialogContentText id="idle-text">
          {warningUntil !== undefined &&
            t('session.idleText', {
              time: new Intl.DateTimeFormat(i18n.language, { timeStyle: 'short' }).format(
                warningUntil,
              ),
            })}
        </DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button variant="outlined" onClick={() => void end()}>
          {t('session.signOut')}
        </Button>
        <Button variant="contained" onClick={stay} autoFocus>
          {t('session.stay')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
