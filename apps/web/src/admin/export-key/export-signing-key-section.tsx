import { Box, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { unwrap } from '../../api/call';
import { api } from '../../api/client';
import { useMe } from '../../shell/use-me';

/**
 * The deployment's export signing key, for the administrator who exchanges its fingerprint with
 * the network secretariat out of band (read aloud, group by group).
 */
export function ExportSigningKeySection() {
  const { t } = useTranslation('admin');
  const me = useMe();
  const allowed = me.data?.permissions.includes('export_signing_key:read') ?? false;
  const key = useQuery({
    queryKey: ['export-signing-key'],
    queryFn: () => unwrap(api.GET('/api/v1/system/export-signing-key')),
    enabled: allowed,
  });
  if (!allowed || !key.data) return null;
  const groups = key.data.fingerprint.split(' ');
  return (
    <Box component="section" aria-labelledby="export-key-title" sx={{ mt: 4 }}>
      <Typography id="export-key-title" variant="h2" sx={{ fontSize: '1.25rem' }}>
        {t('exportKey.title')}
      </Typography>
      <Typography sx={{ mt: 1 }}>{t('exportKey.intro')}</Typography>
      <Box
        component="dl"
        sx={{ mt: 2, display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: 1 }}
      >
        <dt>{t('exportKey.keyId')}</dt>
        <dd style={{ margin: 0, fontFamily: 'monospace' }}>{key.data.keyId}</dd>
        <dt>{t('exportKey.countries')}</dt>
        <dd style={{ margin: 0 }}>{key.data.countries.join(', ') || '—'}</dd>
        <dt>{t('exportKey.fingerprint')}</dt>
        <dd style={{ margin: 0, fontFamily: 'monospace', fontSize: '1.1rem' }}>
          {groups.slice(0, 8).join(' ')}
          <br />
          {groups.slice(8).join(' ')}
        </dd>
      </Box>
    </Box>
  );
}
