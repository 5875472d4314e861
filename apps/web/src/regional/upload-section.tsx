import { Alert, Box, Button, Stack, Typography } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { unwrap } from '../api/call';
import { api } from '../api/client';
import type { components } from '../api/schema';
import { ProblemAlert } from '../shell/problem-alert';
import { regionalKeys } from './regional-queries';

type Signature = components['schemas']['ExportSignatureInput'];

/**
 * Receives a national export and its detached signature as files; the API verifies the signature
 * against the registered keys and says clearly whether it stored the export or why not.
 */
export function UploadSection() {
  const { t } = useTranslation('regional');
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [sig, setSig] = useState<File | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const upload = useMutation({
    mutationFn: async () => {
      const text = await file!.text();
      let signature: Signature;
      try {
        signature = JSON.parse(await sig!.text()) as Signature;
      } catch {
        throw new Error(t('upload.unreadable'));
      }
      // 201 stored now, 200 stored before: both are the stored export; unwrap throws a refusal.
      let created = false;
      const data = await unwrap(
        api.POST('/api/v1/regional/exports', { body: { file: text, signature } }).then((result) => {
          created = result.response.status === 201;
          return result;
        }),
      );
      return { created, data };
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: regionalKeys.all }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setLocalError(null);
    if (!file || !sig) {
      setLocalError(t('upload.chooseBoth'));
      return;
    }
    upload.mutate();
  };
  const stored = upload.data?.data;
  return (
    <Box component="section" aria-labelledby="upload-title">
      <Typography id="upload-title" variant="h2" sx={{ fontSize: '1.5rem', mb: 1 }}>
        {t('upload.title')}
      </Typography>
      <Typography sx={{ mb: 2 }}>{t('upload.intro')}</Typography>
      <Stack component="form" spacing={2} onSubmit={submit} noValidate sx={{ maxWidth: 560 }}>
        <label htmlFor="upload-file">
          {t('upload.file')}
          <br />
          <input
            id="upload-file"
            type="file"
            accept="application/json,.json"
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          />
        </label>
        <label htmlFor="upload-signature">
          {t('upload.signature')}
          <br />
          <input
            id="upload-signature"
            type="file"
            accept=".sig,application/json"
            onChange={(event) => setSig(event.target.files?.[0] ?? null)}
          />
        </label>
        <Box>
          <Button type="submit" variant="contained" disabled={upload.isPending}>
            {t('upload.submit')}
          </Button>
        </Box>
      </Stack>
      <Box role="status" aria-live="polite" sx={{ mt: 2 }}>
        {localError ? <Alert severity="warning">{localError}</Alert> : null}
        {stored ? (
          <Alert severity="success">
            {t(upload.data?.created ? 'upload.accepted' : 'upload.already', {
              countries: stored.countries.join(', '),
              semester: stored.semester,
              keyId: stored.keyId,
            })}
          </Alert>
        ) : null}
        {upload.error ? (
          <Stack spacing={1}>
            <Alert severity="error">{t('upload.refused')}</Alert>
            <ProblemAlert error={upload.error} />
          </Stack>
        ) : null}
      </Box>
    </Box>
  );
}
