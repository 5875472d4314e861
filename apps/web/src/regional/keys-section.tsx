import {
  Alert,
  Box,
  Button,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { unwrap } from '../api/call';
import { api } from '../api/client';
import { ProblemAlert } from '../shell/problem-alert';
import { regionalKeys } from './regional-queries';

/** The member countries' registered keys, registering a new one and revoking one. */
export function KeysSection() {
  const { t } = useTranslation('regional');
  const queryClient = useQueryClient();
  const keys = useQuery({
    queryKey: regionalKeys.keys,
    queryFn: () => unwrap(api.GET('/api/v1/regional/keys')),
  });
  const [draft, setDraft] = useState({ country: '', label: '', publicKey: '' });
  const register = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/regional/keys', {
          body: { ...draft, country: draft.country.trim().toUpperCase() },
          headers: { 'Idempotency-Key': crypto.randomUUID() },
        }),
      ),
    onSuccess: () => {
      setDraft({ country: '', label: '', publicKey: '' });
      void queryClient.invalidateQueries({ queryKey: regionalKeys.all });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST('/api/v1/regional/keys/{id}/revoke', { params: { path: { id } } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: regionalKeys.all }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    register.mutate();
  };
  const field = (key: keyof typeof draft, label: string, extra: object = {}) => (
    <TextField
      id={`key-${key}`}
      label={label}
      value={draft[key]}
      required
      onChange={(event) => setDraft({ ...draft, [key]: event.target.value })}
      {...extra}
    />
  );
  return (
    <Box component="section" aria-labelledby="keys-title">
      <Typography id="keys-title" variant="h2" sx={{ fontSize: '1.5rem', mb: 1 }}>
        {t('keys.title')}
      </Typography>
      {keys.error ? <ProblemAlert error={keys.error} /> : null}
      {keys.data && keys.data.items.length === 0 ? <Typography>{t('keys.none')}</Typography> : null}
      {keys.data && keys.data.items.length > 0 ? (
        <TableContainer>
          <Table size="small">
            <caption>{t('keys.caption')}</caption>
            <TableHead>
              <TableRow>
                <TableCell>{t('keys.country')}</TableCell>
                <TableCell>{t('keys.label')}</TableCell>
                <TableCell>{t('keys.keyId')}</TableCell>
                <TableCell>{t('keys.fingerprint')}</TableCell>
                <TableCell>{t('keys.state')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {keys.data.items.map((key) => (
                <TableRow key={key.id}>
                  <TableCell>{key.country}</TableCell>
                  <TableCell>{key.label}</TableCell>
                  <TableCell sx={{ fontFamily: 'monospace' }}>{key.keyId}</TableCell>
                  <TableCell sx={{ fontFamily: 'monospace', maxWidth: 280 }}>
                    {key.fingerprint}
                  </TableCell>
                  <TableCell>
                    {key.revokedAt ? (
                      t('keys.revoked')
                    ) : (
                      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                        <span>{t('keys.live')}</span>
                        <Button
                          size="small"
                          onClick={() => revoke.mutate(key.id)}
                          aria-label={t('keys.revoke', { keyId: key.keyId, country: key.country })}
                        >
                          ✕
                        </Button>
                      </Stack>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      ) : null}
      <Typography variant="h3" sx={{ fontSize: '1.2rem', mt: 3, mb: 1 }}>
        {t('keys.register')}
      </Typography>
      <Stack component="form" spacing={2} onSubmit={submit} sx={{ maxWidth: 560 }}>
        {field('country', t('keys.country'), { slotProps: { htmlInput: { maxLength: 2 } } })}
        {field('label', t('keys.label'))}
        {field('publicKey', t('keys.publicKey'), {
          multiline: true,
          minRows: 3,
          helperText: t('keys.publicKeyHint'),
        })}
        <Box>
          <Button type="submit" variant="contained" disabled={register.isPending}>
            {t('keys.register')}
          </Button>
        </Box>
      </Stack>
      <Box role="status" aria-live="polite" sx={{ mt: 2 }}>
        {register.data ? (
          <Alert severity="success">
            {t('keys.registered', {
              keyId: register.data.keyId,
              country: register.data.country,
            })}
          </Alert>
        ) : null}
        {register.error ? <ProblemAlert error={register.error} /> : null}
        {revoke.error ? <ProblemAlert error={revoke.error} /> : null}
      </Box>
    </Box>
  );
}
