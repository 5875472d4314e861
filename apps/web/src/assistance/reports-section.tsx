import { Box, Button, List, ListItem, Stack, TextField, Typography } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unwrap } from '../api/call';
import { api } from '../api/client';
import type { components } from '../api/schema';
import { submitErrors } from '../cases/submit-errors';
import { useCodeLabel, useCodeLists } from '../codes/use-code-lists';
import { QueryState } from '../directory/common/query-state';
import { SelectField } from '../directory/common/select-field';
import { ErrorSummary } from '../shell/error-summary';
import { useFormat } from '../shell/format';
import type { Language } from '../shell/i18n';
import { useErrorSummary } from '../shell/sign-in/use-error-summary';
import { assistanceKeys, useAssistanceReports } from './assistance-queries';

/** What each side told the other, oldest first, and a form to report back (accepted requests). */
export function ReportsSection({
  requestId,
  mayReport,
}: {
  requestId: string;
  mayReport: boolean;
}) {
  const { t } = useTranslation('assistance');
  const f = useFormat();
  const label = useCodeLabel();
  const reports = useAssistanceReports(requestId);
  return (
    <Box component="section" aria-labelledby="reports-title">
      <Typography id="reports-title" variant="h5" component="h2" gutterBottom>
        {t('reports.title')}
      </Typography>
      <Typography sx={{ mb: 2 }}>{t('reports.intro')}</Typography>
      <QueryState isPending={reports.isPending} error={reports.error} />
      {reports.data && reports.data.items.length === 0 && (
        <Typography>{t('reports.none')}</Typography>
      )}
      {reports.data && reports.data.items.length > 0 && (
        <List disablePadding>
          {reports.data.items.map((r) => (
            <ListItem key={r.id} disableGutters sx={{ display: 'block', mb: 2 }}>
              <Typography variant="body2" color="text.secondary">
                {t('reports.by', {
                  side: t(`reports.${r.side as 'requesting' | 'receiving'}`),
                  date: f.dateTime(r.writtenAt),
                })}
                {r.actionType ? ` · ${label('actionTypes', r.actionType)}` : ''}
              </Typography>
              <Typography sx={{ whiteSpace: 'pre-wrap' }}>{r.text}</Typography>
            </ListItem>
          ))}
        </List>
      )}
      {mayReport && <ReportForm requestId={requestId} />}
    </Box>
  );
}

type ReportBody = components['schemas']['AssistanceReportRequest'];

function ReportForm({ requestId }: { requestId: string }) {
  const { t, i18n } = useTranslation('assistance');
  const language = i18n.language as Language;
  const codes = useCodeLists().data;
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [actionType, setActionType] = useState('');
  const [notice, setNotice] = useState('');
  const { errors, setErrors, summaryRef, fieldError } = useErrorSummary();
  const idempotencyKey = useRef(crypto.randomUUID());
  const send = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/assistance-requests/{id}/reports', {
          params: {
            path: { id: requestId },
            header: { 'Idempotency-Key': idempotencyKey.current },
          },
          body: {
            text,
            actionType: (actionType || undefined) as ReportBody['actionType'],
          },
        }),
      ),
    onSuccess: () => {
      idempotencyKey.current = crypto.randomUUID();
      setText('');
      setActionType('');
      setErrors([]);
      setNotice(t('reports.sent'));
      void queryClient.invalidateQueries({ queryKey: assistanceKeys.reports(requestId) });
    },
    onError: (error) =>
      setErrors(
        submitErrors(
          error,
          (field) => ({ text: 'report-text', actionType: 'report-action' })[field],
          t,
        ),
      ),
  });
  return (
    <Box
      component="form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (send.isPending) return;
        setNotice('');
        if (!text.trim())
          return setErrors([{ fieldId: 'report-text', message: t('reports.errors.text') }]);
        send.mutate();
      }}
      sx={{ maxWidth: 720, mt: 3 }}
    >
      <ErrorSummary ref={summaryRef} errors={errors} />
      <Stack spacing={2}>
        <TextField
          id="report-text"
          label={t('reports.text')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          multiline
          minRows={3}
          required
          error={Boolean(fieldError('report-text'))}
          helperText={fieldError('report-text')}
        />
        <SelectField
          id="report-action"
          label={t('reports.actionType')}
          value={actionType}
          onChange={setActionType}
          emptyLabel={t('reports.anyAction')}
          error={fieldError('report-action')}
          options={(codes?.actionTypes ?? []).map((c) => ({
            value: c.code,
            label: c.label[language],
          }))}
        />
        <Box>
          <Button type="submit" variant="contained" loading={send.isPending}>
            {t('reports.submit')}
          </Button>
        </Box>
        <Typography role="status">{notice}</Typography>
      </Stack>
    </Box>
  );
}
