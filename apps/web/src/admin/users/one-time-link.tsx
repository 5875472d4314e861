import { Alert, AlertTitle, Button, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../shell/format';

/** The page where a user sets a password with a one-time token: in the fragment, never sent to a server log. */
export const activationLink = (token: string) =>
  `${window.location.origin}/activate#token=${encodeURIComponent(token)}`;

interface OneTimeLinkProps {
  /** The token the API returned; it is never stored, so leaving the page loses it. */
  token: string;
  expiresAt: string;
  /** Whose link it is, for the explanation. */
  userName: string;
  /** "activation" after creating a user, "reset" after a password reset. */
  kind: 'activation' | 'reset';
}

/**
 * A one-time activation or reset link, shown once: the API keeps only its hash. The panel takes
 * the focus, so a screen reader announces it, and offers to copy the link.
 */
export function OneTimeLink({ token, expiresAt, userName, kind }: OneTimeLinkProps) {
  const { t } = useTranslation('admin');
  const f = useFormat();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [copied, setCopied] = useState<boolean | undefined>();
  const link = activationLink(token);
  useEffect(() => headingRef.current?.focus(), []);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };

  return (
    <Alert severity="warning" role="none" sx={{ '& .MuiAlert-message': { width: '100%' } }}>
      <AlertTitle component="h2" tabIndex={-1} ref={headingRef}>
        {t(`oneTimeLink.${kind}Title`)}
      </AlertTitle>
      <Stack spacing={2}>
        <Typography>
          <strong>{t('oneTimeLink.shownOnce')}</strong>{' '}
          {t('oneTimeLink.explain', { name: userName, date: f.dateTime(expiresAt) })}
        </Typography>
        <TextField
          id="one-time-link"
          label={t('oneTimeLink.label')}
          value={link}
          fullWidth
          slotProps={{
            htmlInput: {
              readOnly: true,
              onFocus: (e: { target: HTMLInputElement }) => e.target.select(),
            },
          }}
        />
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
          <Button variant="contained" onClick={() => void copy()}>
            {t('oneTimeLink.copy')}
          </Button>
          <Typography role="status">
            {copied === true && t('oneTimeLink.copied')}
            {copied === false && t('oneTimeLink.copyFailed')}
          </Typography>
        </Stack>
      </Stack>
    </Alert>
  );
}
