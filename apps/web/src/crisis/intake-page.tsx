import {
  Box,
  Button,
  Paper,
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
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { submitErrors } from '../cases/submit-errors';
import { useCodeLists } from '../codes/use-code-lists';
import { SelectField } from '../directory/common/select-field';
import { useSubdivisions } from '../directory/common/use-countries';
import { ErrorSummary } from '../shell/error-summary';
import type { Language } from '../shell/i18n';
import { useErrorSummary } from '../shell/sign-in/use-error-summary';
import { crisisApi } from './crisis-api';
import { crisisKeys } from './crisis-queries';
import {
  WELFARE_STATUSES,
  type CrisisEvent,
  type RosterEntry,
  type WelfareStatus,
} from './crisis-types';
import { EventFrame, mayWrite } from './event-frame';
import {
  emptyIntake,
  intakeBody,
  intakeFieldId,
  intakeProblems,
  nextIntake,
  type IntakeForm,
} from './intake-form';
import { personName } from './person-name';

/** `/crisis/:id/intake`: rapid intake, one person per Enter. */
export function IntakePage() {
  return <EventFrame>{(event) => <IntakeView event={event} />}</EventFrame>;
}

function IntakeView({ event }: { event: CrisisEvent }) {
  const { t, i18n } = useTranslation('crisis');
  const language = i18n.language as Language;
  const queryClient = useQueryClient();
  const codes = useCodeLists().data;
  const subdivisions = useSubdivisions(event.hostCountryCode);
  const { errors, setErrors, summaryRef, fieldError } = useErrorSummary();
  const [form, setForm] = useState<IntakeForm>(emptyIntake);
  const set = (patch: Partial<IntakeForm>) => setForm((current) => ({ ...current, ...patch }));
  const [announced, setAnnounced] = useState('');
  const [registered, setRegistered] = useState<RosterEntry[]>([]);
  const firstField = useRef<HTMLInputElement>(null);
  // One key per person, kept across a failure and its retry, so the roster gets them once.
  const idempotencyKey = useRef(crypto.randomUUID());
  const sending = useRef(false);

  const save = useMutation({
    mutationFn: (sent: IntakeForm) =>
      crisisApi.intake(event.id, intakeBody(sent, event.countryCode), idempotencyKey.current),
    onSuccess: (entry, sent) => {
      idempotencyKey.current = crypto.randomUUID();
      setErrors([]);
      setForm(nextIntake(sent));
      setRegistered((list) => [entry, ...list]);
      setAnnounced(t('intake.registered', { name: personName(entry) }));
      void queryClient.invalidateQueries({ queryKey: crisisKeys.event(event.id) });
      firstField.current?.focus();
    },
    onError: (error) => setErrors(submitErrors(error, intakeFieldId, t)),
    onSettled: () => {
      sending.current = false;
    },
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    if (sending.current) return;
    const problems = intakeProblems(form, t);
    if (problems.length) return setErrors(problems);
    sending.current = true;
    save.mutate(form);
  }

  if (!mayWrite(event))
    return (
      <Stack spacing={2}>
        <Typography variant="h4" component="h1">
          {t('intake.title')}: {event.name}
        </Typography>
        <Typography>{t('intake.closed')}</Typography>
      </Stack>
    );

  const text = (field: keyof IntakeForm, label: string, extra: object = {}) => {
    const id = `intake-${field}`;
    return (
      <TextField
        id={id}
        label={label}
        value={form[field]}
        onChange={(e) => set({ [field]: e.target.value })}
        fullWidth
        autoComplete="off"
        error={Boolean(fieldError(id))}
        helperText={fieldError(id)}
        {...extra}
      />
    );
  };

  return (
    <Paper variant="outlined" sx={{ p: { xs: 2, sm: 4 } }}>
      <form noValidate onSubmit={submit}>
        <Typography variant="h4" component="h1" gutterBottom>
          {t('intake.title')}: {event.name}
        </Typography>
        <Typography sx={{ mb: 3 }}>{t('intake.intro')}</Typography>
        <ErrorSummary ref={summaryRef} errors={errors} />
        <Box
          sx={{
            display: 'grid',
            gap: 2,
            gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' },
            '& .MuiInputBase-input': { fontSize: '1.1rem' },
          }}
        >
          {text('givenNames', t('intake.givenNames'), {
            required: true,
            autoFocus: true,
            inputRef: firstField,
          })}
          {text('familyNames', t('intake.familyNames'))}
          <SelectField
            id="intake-documentType"
            label={t('intake.documentType')}
            value={form.documentType}
            onChange={(documentType) => set({ documentType })}
            emptyLabel={t('intake.noDocument')}
            error={fieldError('intake-documentType')}
            options={(codes?.documentTypes ?? []).map((c) => ({
              value: c.code,
              label: c.label[language],
            }))}
          />
          {text('documentNumber', t('intake.documentNumber'))}
          {text('contact', t('intake.contact'))}
          <SelectField
            id="intake-locationSubdivision"
            label={t('intake.subdivision')}
            value={form.locationSubdivision}
            onChange={(locationSubdivision) => set({ locationSubdivision })}
            emptyLabel={t('intake.anySubdivision')}
            error={fieldError('intake-locationSubdivision')}
            options={subdivisionOptions(event, subdivisions.data?.items ?? [])}
          />
          {text('locationText', t('intake.locationText'))}
          <SelectField
            id="intake-welfareStatus"
            label={t('intake.welfareStatus')}
            value={form.welfareStatus}
            onChange={(welfareStatus) => set({ welfareStatus: welfareStatus as WelfareStatus })}
            required
            error={fieldError('intake-welfareStatus')}
            options={WELFARE_STATUSES.map((s) => ({ value: s, label: t(`welfare.${s}`) }))}
          />
        </Box>
        <Button
          type="submit"
          variant="contained"
          size="large"
          loading={save.isPending}
          sx={{ mt: 3, minWidth: 200, py: 1.5, fontSize: '1.1rem' }}
        >
          {t('intake.submit')}
        </Button>
      </form>
      <Typography role="status" aria-live="polite" sx={{ mt: 2, fontWeight: 700 }}>
        {announced}
      </Typography>
      {registered.length > 0 && (
        <Stack component="section" aria-labelledby="session-title" spacing={1} sx={{ mt: 3 }}>
          <Typography id="session-title" variant="h6" component="h2">
            {t('intake.sessionTitle', { count: registered.length })}
          </Typography>
          <TableContainer>
            <Table size="small">
              <caption>{t('intake.sessionCaption')}</caption>
              <TableHead>
                <TableRow>
                  <TableCell scope="col">{t('intake.name')}</TableCell>
                  <TableCell scope="col">{t('intake.locationText')}</TableCell>
                  <TableCell scope="col">{t('intake.welfareStatus')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {registered.slice(0, 20).map((entry) => (
                  <TableRow key={entry.id}>
                    <TableCell component="th" scope="row">
                      {personName(entry)}
                    </TableCell>
                    <TableCell>
                      {[entry.locationSubdivision, entry.locationText].filter(Boolean).join(' · ')}
                    </TableCell>
                    <TableCell>{t(`welfare.${entry.welfareStatus}`)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        </Stack>
      )}
    </Paper>
  );
}

/** The event's affected subdivisions first (where people mostly are), then the host country's others. */
export function subdivisionOptions(
  event: CrisisEvent,
  all: readonly { code: string; name: string }[],
): { value: string; label: string }[] {
  const affected = new Set(event.hostSubdivisions);
  const label = (code: string) => {
    const found = all.find((s) => s.code === code);
    return found ? `${found.name} (${code})` : code;
  };
  return [
    ...event.hostSubdivisions.map((code) => ({ value: code, label: label(code) })),
    ...all
      .filter((s) => !affected.has(s.code))
      .map((s) => ({ value: s.code, label: `${s.name} (${s.code})` })),
  ];
}
