import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControl,
  FormControlLabel,
  FormLabel,
  List,
  ListItem,
  Radio,
  RadioGroup,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unwrap } from '../api/call';
import { api } from '../api/client';
import type { components } from '../api/schema';
import { submitErrors } from '../cases/submit-errors';
import { CheckboxGroup } from '../directory/common/checkbox-group';
import { SelectField } from '../directory/common/select-field';
import { ErrorSummary, type SummaryError } from '../shell/error-summary';
import { useErrorSummary } from '../shell/sign-in/use-error-summary';
import {
  assistanceKeys,
  useAssistanceCandidates,
  type AssistancePreview,
} from './assistance-queries';
import { PayloadView } from './payload-view';

type CreateBody = components['schemas']['CreateAssistanceRequestRequest'];
type Field = CreateBody['fields'][number];

const FIELDS: Field[] = [
  'names',
  'date_of_birth',
  'sex',
  'gender',
  'nationality',
  'origin',
  'documents',
  'contact',
  'address_abroad',
  'languages',
  'categories',
  'vulnerability_flags',
  'case_summary',
];
const KINDS = ['assistance', 'notification'] as const;
const REASONS = ['no_post_in_place', 'language', 'urgency', 'other'] as const;
const FIELD_IDS: Record<string, string> = {
  receivingConsulateId: 'ask-consulate',
  kind: 'ask-kind',
  reason: 'ask-reason',
  reasonNote: 'ask-note',
  fields: 'ask-fields',
  'override.reason': 'ask-override',
};

/**
 * "Ask another country's consulate": choose the consulate, the kind, the reason and the data; see
 * exactly what will be sent and what blocks it (the consent check, the asylum safeguard); send.
 * A consul may override a missing consent with a reason; nothing overrides the safeguard.
 */
export function AskAssistanceDialog({
  caseId,
  onClose,
  onSent,
}: {
  caseId: string;
  onClose(): void;
  onSent(message: string): void;
}) {
  const { t } = useTranslation('assistance');
  const queryClient = useQueryClient();
  const candidates = useAssistanceCandidates(caseId);
  const [form, setForm] = useState({
    receivingConsulateId: '',
    kind: 'assistance' as CreateBody['kind'],
    reason: 'no_post_in_place' as CreateBody['reason'],
    reasonNote: '',
    fields: ['names', 'sex', 'nationality'] as Field[],
    overrideReason: '',
  });
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));
  const [preview, setPreview] = useState<AssistancePreview | null>(null);
  const { errors, setErrors, summaryRef, fieldError } = useErrorSummary();
  const idempotencyKey = useRef(crypto.randomUUID());
  const idOf = (field: string) => FIELD_IDS[field];
  const chosen = candidates.data?.find((c) => c.consulate.id === form.receivingConsulateId);

  const ask = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/cases/{id}/assistance-requests/preview', {
          params: { path: { id: caseId } },
          body: {
            receivingConsulateId: form.receivingConsulateId,
            kind: form.kind,
            fields: form.fields,
          },
        }),
      ),
    onSuccess: (answer) => {
      setErrors([]);
      setPreview(answer);
      setTimeout(() => document.getElementById('ask-preview-title')?.focus());
    },
    onError: (error) => setErrors(submitErrors(error, idOf, t)),
  });
  const send = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/cases/{id}/assistance-requests', {
          params: { path: { id: caseId }, header: { 'Idempotency-Key': idempotencyKey.current } },
          body: {
            receivingConsulateId: form.receivingConsulateId,
            kind: form.kind,
            reason: form.reason,
            reasonNote: form.reasonNote,
            fields: form.fields,
            ...(needsOverride ? { override: { reason: form.overrideReason } } : {}),
          },
        }),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: assistanceKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['cases'] });
      onSent(t('ask.sent', { name: chosen?.consulate.name ?? '' }));
    },
    onError: (error) => {
      // A new attempt after a refusal is another request: the key of the refused one is spent.
      idempotencyKey.current = crypto.randomUUID();
      setErrors(submitErrors(error, idOf, t));
    },
  });

  const blocked = preview
    ? preview.blockers.filter((b) => b.purposeMissing || b.fieldsMissing.length)
    : [];
  const needsOverride = blocked.length > 0 && Boolean(preview?.overrideAllowed);

  const toPreview = () => {
    if (ask.isPending) return;
    const missing: SummaryError[] = [];
    if (!form.receivingConsulateId)
      missing.push({ fieldId: 'ask-consulate', message: t('ask.errors.consulate') });
    if (form.reasonNote.trim().length < 10)
      missing.push({ fieldId: 'ask-note', message: t('ask.errors.reasonNote') });
    if (form.fields.length === 0)
      missing.push({ fieldId: 'ask-fields', message: t('ask.errors.fields') });
    if (missing.length) return setErrors(missing);
    ask.mutate();
  };
  const toSend = () => {
    if (send.isPending) return;
    if (needsOverride && form.overrideReason.trim().length < 10)
      return setErrors([{ fieldId: 'ask-override', message: t('ask.errors.overrideReason') }]);
    send.mutate();
  };

  const label = (c: NonNullable<typeof candidates.data>[number]) =>
    t(c.coversPlace ? 'ask.coversPlace' : 'ask.elsewhere', {
      name: c.consulate.name,
      country: c.consulate.sendingCountryCode,
      city: c.consulate.city,
    });
  const fieldLabel = (f: string) => t(`fields.${f}` as 'fields.names');
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md" aria-labelledby="ask-title">
      <DialogTitle id="ask-title">{t('ask.title')}</DialogTitle>
      <DialogContent>
        <ErrorSummary ref={summaryRef} errors={errors} />
        {!preview ? (
          <form
            id="ask-form"
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              toPreview();
            }}
          >
            <Stack spacing={3} sx={{ pt: 1 }}>
              <Typography>{t('ask.intro')}</Typography>
              <SelectField
                id="ask-consulate"
                label={t('ask.consulate')}
                value={form.receivingConsulateId}
                onChange={(receivingConsulateId) => set({ receivingConsulateId })}
                required
                emptyLabel={candidates.isPending ? t('common.loading') : t('ask.choose')}
                error={fieldError('ask-consulate')}
                options={(candidates.data ?? []).map((c) => ({
                  value: c.consulate.id,
                  label: label(c),
                }))}
              />
              <FormControl component="fieldset">
                <FormLabel component="legend" id="ask-kind-label">
                  {t('ask.kind')}
                </FormLabel>
                <RadioGroup
                  aria-labelledby="ask-kind-label"
                  value={form.kind}
                  onChange={(e) => set({ kind: e.target.value as CreateBody['kind'] })}
                >
                  {KINDS.map((kind, index) => (
                    <FormControlLabel
                      key={kind}
                      value={kind}
                      control={<Radio id={index === 0 ? 'ask-kind' : `ask-kind-${kind}`} />}
                      label={`${t(`kinds.${kind}`)}: ${t(`kindHints.${kind}`)}`}
                    />
                  ))}
                </RadioGroup>
              </FormControl>
              <SelectField
                id="ask-reason"
                label={t('ask.reason')}
                value={form.reason}
                onChange={(reason) => set({ reason: reason as CreateBody['reason'] })}
                required
                error={fieldError('ask-reason')}
                options={REASONS.map((r) => ({ value: r, label: t(`reasons.${r}`) }))}
              />
              <TextField
                id="ask-note"
                label={t('ask.reasonNote')}
                value={form.reasonNote}
                onChange={(e) => set({ reasonNote: e.target.value })}
                required
                multiline
                minRows={3}
                error={Boolean(fieldError('ask-note'))}
                helperText={fieldError('ask-note') ?? t('ask.reasonNoteHint')}
              />
              <CheckboxGroup
                id="ask-fields"
                legend={`${t('ask.fields')}. ${t('ask.fieldsHint')}`}
                options={FIELDS.map((f) => ({ value: f, label: fieldLabel(f) }))}
                value={form.fields}
                onChange={(fields) => set({ fields: fields as Field[] })}
                required
                error={fieldError('ask-fields')}
              />
            </Stack>
          </form>
        ) : (
          <form
            id="ask-send-form"
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              toSend();
            }}
          >
            <Stack spacing={3} sx={{ pt: 1 }}>
              <Typography id="ask-preview-title" variant="h6" component="h3" tabIndex={-1}>
                {t('ask.previewTitle')}
              </Typography>
              <Typography>
                {t('ask.to', {
                  name: chosen?.consulate.name,
                  country: chosen?.consulate.sendingCountryCode,
                })}
                {' · '}
                {t(`kinds.${form.kind}`)} · {t(`reasons.${form.reason}`)}
              </Typography>
              {preview.asylumSafeguard && <Alert severity="error">{t('ask.asylum')}</Alert>}
              {!preview.asylumSafeguard && blocked.length > 0 && (
                <Alert severity="warning">
                  <Typography>{t('ask.blocked')}</Typography>
                  <List dense disablePadding>
                    {blocked.map((b) => (
                      <ListItem key={b.personId} disableGutters sx={{ display: 'block' }}>
                        {[
                          b.purposeMissing ? t('ask.purposeMissing') : null,
                          b.fieldsMissing.length
                            ? t('ask.fieldsMissing', {
                                fields: b.fieldsMissing.map(fieldLabel).join(', '),
                              })
                            : null,
                        ]
                          .filter(Boolean)
                          .join('; ')}
                      </ListItem>
                    ))}
                  </List>
                  {!preview.overrideAllowed && <Typography>{t('ask.noOverride')}</Typography>}
                </Alert>
              )}
              <PayloadView payload={preview.payload} headingLevel={4} />
              {needsOverride && !preview.asylumSafeguard && (
                <Stack spacing={1}>
                  <Typography variant="h6" component="h4">
                    {t('ask.overrideTitle')}
                  </Typography>
                  <Typography>{t('ask.overrideHint')}</Typography>
                  <TextField
                    id="ask-override"
                    label={t('ask.overrideReason')}
                    value={form.overrideReason}
                    onChange={(e) => set({ overrideReason: e.target.value })}
                    required
                    multiline
                    minRows={2}
                    error={Boolean(fieldError('ask-override'))}
                    helperText={fieldError('ask-override')}
                  />
                </Stack>
              )}
            </Stack>
          </form>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        {preview && (
          <Button
            onClick={() => {
              setPreview(null);
              setErrors([]);
            }}
          >
            {t('common.back')}
          </Button>
        )}
        {!preview ? (
          <Button variant="contained" type="submit" form="ask-form" loading={ask.isPending}>
            {t('ask.preview')}
          </Button>
        ) : (
          <Button
            variant="contained"
            type="submit"
            form="ask-send-form"
            loading={send.isPending}
            disabled={preview.asylumSafeguard || (blocked.length > 0 && !preview.overrideAllowed)}
          >
            {t('ask.send')}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
