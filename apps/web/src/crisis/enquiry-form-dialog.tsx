import {
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  TextField,
} from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { submitErrors } from '../cases/submit-errors';
import { ErrorSummary, type SummaryError } from '../shell/error-summary';
import { useErrorSummary } from '../shell/sign-in/use-error-summary';
import { crisisApi } from './crisis-api';
import { crisisKeys } from './crisis-queries';
import type { CrisisEvent, Enquiry, EnquiryBody } from './crisis-types';

const FIELDS = [
  'relativeName',
  'relativeContact',
  'relationship',
  'soughtGivenNames',
  'soughtFamilyNames',
  'soughtDetails',
] as const;
const REQUIRED = new Set(['relativeName', 'relativeContact', 'soughtGivenNames']);
const idOf = (field: string) => `enquiry-${field}`;

/** Recording a relative's enquiry; once saved it opens with its suggested matches. */
export function EnquiryFormDialog({
  event,
  onClose,
  onDone,
}: {
  event: CrisisEvent;
  onClose(): void;
  onDone(created: Enquiry): void;
}) {
  const { t } = useTranslation('crisis');
  const queryClient = useQueryClient();
  const [form, setForm] = useState<Record<(typeof FIELDS)[number], string>>(
    Object.fromEntries(FIELDS.map((f) => [f, ''])) as Record<(typeof FIELDS)[number], string>,
  );
  const { errors, setErrors, summaryRef, fieldError } = useErrorSummary();
  const idempotencyKey = useRef(crypto.randomUUID());
  const create = useMutation({
    mutationFn: () => {
      const body = Object.fromEntries(
        FIELDS.flatMap((f) => (form[f].trim() ? [[f, form[f].trim()]] : [])),
      ) as unknown as EnquiryBody;
      return crisisApi.createEnquiry(event.id, body, idempotencyKey.current);
    },
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: crisisKeys.enquiries(event.id) });
      onDone(created);
    },
    onError: (error) => setErrors(submitErrors(error, idOf, t)),
  });
  const submit = () => {
    if (create.isPending) return;
    const problems: SummaryError[] = FIELDS.filter((f) => REQUIRED.has(f) && !form[f].trim()).map(
      (f) => ({
        fieldId: idOf(f),
        message: t(`enquiryForm.errors.${f as 'relativeName'}`),
      }),
    );
    if (problems.length) return setErrors(problems);
    create.mutate();
  };
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md" aria-labelledby="enquiry-form-title">
      <DialogTitle id="enquiry-form-title">{t('enquiryForm.title')}</DialogTitle>
      <DialogContent>
        <ErrorSummary ref={summaryRef} errors={errors} />
        <form
          id="enquiry-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <Box
            sx={{
              display: 'grid',
              gap: 2,
              pt: 1,
              gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' },
            }}
          >
            {FIELDS.map((field) => (
              <TextField
                key={field}
                id={idOf(field)}
                label={t(`enquiryForm.${field}`)}
                value={form[field]}
                onChange={(e) => setForm({ ...form, [field]: e.target.value })}
                required={REQUIRED.has(field)}
                autoFocus={field === 'relativeName'}
                autoComplete="off"
                error={Boolean(fieldError(idOf(field)))}
                helperText={fieldError(idOf(field))}
              />
            ))}
          </Box>
        </form>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button variant="contained" type="submit" form="enquiry-form" loading={create.isPending}>
          {t('enquiryForm.submit')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
