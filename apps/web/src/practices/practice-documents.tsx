import { Box, Button, List, ListItem, Stack, Typography } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../shell/problem-alert';
import {
  downloadDocument,
  practiceKeys,
  uploadDocument,
  usePracticeDocuments,
  type PracticeDocument,
} from './practice-queries';

/** The entry's PDFs: download for every reader, upload for its country while it is editable. */
export function PracticeDocuments({
  practiceId,
  mayUpload,
  onNotice,
}: {
  practiceId: string;
  mayUpload: boolean;
  onNotice(message: string): void;
}) {
  const { t } = useTranslation('practices');
  const client = useQueryClient();
  const documents = usePracticeDocuments(practiceId);
  const input = useRef<HTMLInputElement>(null);
  const download = useMutation({
    mutationFn: (d: PracticeDocument) => downloadDocument(practiceId, d),
    onSuccess: (name) => onNotice(t('page.saved', { name })),
  });
  const upload = useMutation({
    mutationFn: (file: File) => uploadDocument(practiceId, file),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: practiceKeys.documents(practiceId) });
      onNotice(t('page.uploaded'));
    },
  });
  const items = documents.data?.items ?? [];
  return (
    <Box component="section" aria-labelledby="practice-documents-title">
      <Typography id="practice-documents-title" variant="h5" component="h2" gutterBottom>
        {t('page.documents')}
      </Typography>
      {download.error && <ProblemAlert error={download.error} />}
      {upload.error && <ProblemAlert error={upload.error} />}
      {documents.isSuccess && items.length === 0 && (
        <Typography>{t('page.noDocuments')}</Typography>
      )}
      <List>
        {items.map((d) => (
          <ListItem key={d.id} disableGutters>
            <Button variant="outlined" onClick={() => download.mutate(d)}>
              {t('page.download', { name: d.filename })}
            </Button>
          </ListItem>
        ))}
      </List>
      {mayUpload && (
        <Stack spacing={1} sx={{ alignItems: 'start' }}>
          <Button variant="outlined" component="label">
            {t('page.upload')}
            <input
              ref={input}
              type="file"
              accept="application/pdf"
              hidden
              onChange={(event) => {
                const file = event.target.files?.[0];
                if (file) upload.mutate(file);
                event.target.value = '';
              }}
            />
          </Button>
          <Typography variant="body2">{t('page.uploadHint')}</Typography>
        </Stack>
      )}
    </Box>
  );
}
