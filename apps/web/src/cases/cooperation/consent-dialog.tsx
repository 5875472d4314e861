import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControl,
  FormControlLabel,
  FormGroup,
  FormLabel,
  MenuItem,
  Radio,
  RadioGroup,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unwrap } from '../../api/call';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import { ErrorSummary, type SummaryError } from '../../shell/error-summary';
import { useErrorSummary } from '../../shell/sign-in/use-error-summary';
import { caseKeys } from '../case-queries';
import { fromLocalInput } from '../page/local-time';
import { submitErrors } from '../submit-errors';
import {
  CONSENT_PURPOSES,
  type Consent,
  type ConsentPurpose,
  DISCLOSURE_FIELDS,
  type DisclosureField,
} from './cooperation-queries';

type ConsentRequest = components['schemas']['RecordConsentRequest'];
const FIELDS = [
  'purposes',
  'disclosableFields',
  'method',
  'witnessName',
  'givenBy',
  'guardianName',
  'givenAt',
];

/** Recording a person's consent; it replaces their current one (prefilled with it). */
export function ConsentDialog({
  caseId,
  personId,
  name,
  current,
  onClose,
  onSaved,
}: {
  caseId: string;
  personId: string;
  name: string;
  current?: Consent;
  onClose(): void;
  onSaved(): void;
}) {
  const { t } = useTranslation('cooperation');
  const queryClient = useQueryClient();
  const [purposes, setPurposes] = useState<ConsentPurpose[]>(current?.purposes ?? []);
  const [fields, setFields] = useState<DisclosureField[]>(current?.disclosableFields ?? []);
  const [method, setMethod] = useState<ConsentRequest['method'] | ''>('');
  const [witnessName, setWitnessName] = useState('');
  const [givenBy, setGivenBy] = useState<'person' | 'guardian'>('person');
  const [guardianName, setGuardianName] = useState('');
  const [givenAt, setGivenAt] = useState('');
  const { errors, setErrors, summaryRef, fieldError } = useErrorSummary();
  const idempotencyKey = useRef(crypto.randomUUID());
  const idOf = (field: string) => {
    const base = field.split('.')[0];
    return FIELDS.includes(base) ? `consent-${base}` : undefined;
  };

  const save = useMutation({
    mutationFn: (body: ConsentRequest) =>
      unwrap(
        api.POST('/api/v1/cases/{id}/consents', {
          params: { path: { id: caseId }, header: { 'Idempotency-Key': idempotencyKey.current } },
          body,
        }),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: caseKeys.detail(caseId) });
      onSaved();
    },
    onError: (error) => setErrors(submitErrors(error, idOf, t)),
  });

  const submit = () => {
    if (save.isPending) return;
    const missing: SummaryError[] = [];
    if (!method) missing.push({ fieldId: 'consent-method', message: t('consents.errors.method') });
    if (method === 'verbal_with_witness' && !witnessName.trim())
      missing.push({ fieldId: 'consent-witnessName', message: t('consents.errors.witnessName') });
    if (givenBy === 'guardian' && !guardianName.trim())
      missing.push({ fieldId: 'consent-guardianName', message: t('consents.errors.guardianName') });
    if (missing.length) return setErrors(missing);
    save.mutate({
      personId,
      purposes,
      disclosableFields: fields,
      method: method as ConsentRequest['method'],
      givenBy,
      ...(method === 'verbal_with_witness' ? { witnessName: witnessName.trim() } : {}),
      ...(givenBy === 'guardian' ? { guardianName: guardianName.trim() } : {}),
      ...(givenAt ? { givenAt: fromLocalInput(givenAt) } : {}),
    });
  };

  const toggle = <T,>(list: T[], value: T, on: boolean) =>
    on ? [...list, value] : list.filter((x) => x !== value);

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="consent-title">
      <DialogTitle id="consent-title">{t('consents.dialogTitle', { name })}</DialogTitle>
      <DialogContent>
        <ErrorSummary ref={summaryRef} errors={errors} />
        {current && <Typography sx={{ mb: 2 }}>{t('consents.replaces')}</Typography>}
        <Stack spacing={2}>
          <FormControl component="fieldset" id="consent-purposes" tabIndex={-1}>
            <FormLabel component="legend">{t('consents.purposes')}</FormLabel>
            <FormGroup>
              {CONSENT_PURPOSES.map((p) => (
                <FormControlLabel
                  key={p}
                  control={
                    <Checkbox
                      checked={purposes.includes(p)}
                      onChange={(e) => setPurposes((list) => toggle(list, p, e.target.checked))}
                    />
                  }
                  label={t(`purposes.${p}`)}
                />
              ))}
            </FormGroup>
          </FormControl>
          <FormControl component="fieldset" id="consent-disclosableFields" tabIndex={-1}>
            <FormLabel component="legend">{t('consents.fields')}</FormLabel>
            <FormGroup sx={{ display: 'grid', gridTemplateColumns: { sm: '1fr 1fr' } }}>
              {DISCLOSURE_FIELDS.map((x) => (
                <FormControlLabel
                  key={x}
                  control={
                    <Checkbox
                      checked={fields.includes(x)}
                      onChange={(e) => setFields((list) => toggle(list, x, e.target.checked))}
                    />
                  }
                  label={t(`fields.${x}`)}
                />
              ))}
            </FormGroup>
          </FormControl>
          <TextField
            select
            id="consent-method"
            label={t('consents.method')}
            value={method}
            onChange={(e) => setMethod(e.target.value as ConsentRequest['method'])}
            required
            error={Boolean(fieldError('consent-method'))}
            helperText={fieldError('consent-method')}
          >
            <MenuItem value="signed_form">{t('methods.signed_form')}</MenuItem>
            <MenuItem value="verbal_with_witness">{t('methods.verbal_with_witness')}</MenuItem>
          </TextField>
          {method === 'verbal_with_witness' && (
            <TextField
              id="consent-witnessName"
              label={t('consents.witnessName')}
              value={witnessName}
              onChange={(e) => setWitnessName(e.target.value)}
              required
              error={Boolean(fieldError('consent-witnessName'))}
              helperText={fieldError('consent-witnessName')}
            />
          )}
          <FormControl component="fieldset" id="consent-givenBy">
            <FormLabel component="legend">{t('consents.givenBy')}</FormLabel>
            <RadioGroup
              value={givenBy}
              onChange={(e) => setGivenBy(e.target.value as 'person' | 'guardian')}
            >
              <FormControlLabel value="person" control={<Radio />} label={t('consents.byPerson')} />
              <FormControlLabel
                value="guardian"
                control={<Radio />}
                label={t('consents.byGuardian')}
              />
            </RadioGroup>
          </FormControl>
          {givenBy === 'guardian' && (
            <TextField
              id="consent-guardianName"
              label={t('consents.guardianName')}
              value={guardianName}
              onChange={(e) => setGuardianName(e.target.value)}
              required
              error={Boolean(fieldError('consent-guardianName'))}
              helperText={fieldError('consent-guardianName')}
            />
          )}
          <TextField
            id="consent-givenAt"
            type="datetime-local"
            label={t('consents.givenAt')}
            value={givenAt}
            onChange={(e) => setGivenAt(e.target.value)}
            slotProps={{ inputLabel: { shrink: true } }}
            error={Boolean(fieldError('consent-givenAt'))}
            helperText={fieldError('consent-givenAt')}
          />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button variant="contained" onClick={submit} loading={save.isPending}>
          {t('consents.submit')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
