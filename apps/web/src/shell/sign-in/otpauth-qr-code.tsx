import { Box } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The otpauth URI as a QR code for the authenticator app. The encoder is loaded only here, so it is
 * not part of the first load; the key and the link beside it are the text alternative.
 */
export function OtpauthQrCode({ uri }: { uri: string }) {
  const { t } = useTranslation();
  const [svg, setSvg] = useState<string>();

  useEffect(() => {
    let current = true;
    void import('qrcode')
      .then((qrcode) => qrcode.toString(uri, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' }))
      .then((markup) => current && setSvg(markup))
      // Without the picture the key and the link still work.
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [uri]);

  if (!svg) return null;
  return (
    <Box
      role="img"
      aria-label={t('signIn.qrCode')}
      sx={{ width: 200, height: 200, bgcolor: '#fff', '& svg': { width: '100%', height: '100%' } }}
      // Markup the encoder made from the URI here, not text from elsewhere.
      dangerouslySetInnerHTML={{ __html: svg }}
    />
  );
}

/** A base32 secret in groups of four, as authenticator apps show it and people copy it. */
export const groupedInFours = (secret: string): string => secret.match(/.{1,4}/g)?.join(' ') ?? '';
