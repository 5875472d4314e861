import {
  Alert,
  Box,
  Button,
  FormControl,
  FormControlLabel,
  FormHelperText,
  FormLabel,
  Link,
  Paper,
  Radio,
  RadioGroup,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';
import { unwrap } from '../../api/call';
import { api } from '../../api/client';
import { CheckboxGroup } from '../../directory/common/checkbox-group';
import { ErrorSummary, type SummaryError } from '../../shell/error-summary';
import { ProblemAlert } from '../../shell/problem-alert';
import { useErrorSummary } from '../../shell/sign-in/use-error-summary';
import { caseKeys, useCase } from '../case-queries';
import { submitErrors } from '../submit-errors';
import {
  type Candidate,
  DISCLOSURE_FIELDS,
  type DisclosureField,
  type OrganisationService,
  cooperationKeys,
  useConsents,
} from './cooperation-queries';
import { DisclosurePreviewPanel } from './disclosure-preview';

const FORM_FIELDS: Record<string, string> = {
  organisationId: 'refer-organisation',
  services: 'refer-services',
  fields: 'refer-fields',
  personIds: 'refer-persons',
  need: 'refer-need',
  followUpDue: 'refer-followUpDue',
  purpose: 'refer-fields',
  'override.reason': 'refer-override',
};

/**
 * `/cases/:id/refer`: choosing an organisation among the candidates (and why each matches), the
 * services and the data to disclose (at first what consent allows), a preview of exactly what the
 * organisation receives and what stops it, and the consul's override; then sending.
 */
export function ReferPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('cooperation');
  const { t: tDirectory } = useTranslation('directory');
  const { i18n } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const found = useCase(id);
  const consents = useConsents(id);
  const candidates = useQuery({
    queryKey: cooperationKeys.candidates(id),
    queryFn: () =>
      unwrap(api.GET('/api/v1/cases/{id}/referral-candidates', { params: { path: { id } } })),
  });
  const [organisationId, setOrganisationId] = useState('');
  const [services, setServices] = useState<OrganisationService[]>([]);
  const [chosenFields, setFields] = useState<DisclosureField[] | null>(null);
  const [chosenPersons, setPersons] = useState<string[] | null>(null);
  const [need, setNeed] = useState('');
  const [followUpDue, setFollowUpDue] = useState('');
  const [override, setOverride] = useState('');
  const { errors, setErrors, summaryRef, fieldError } = useErrorSummary();
  const idempotencyKey = useRef(crypto.randomUUID());

  const persons = found.data?.case.persons ?? [];
  const primary = persons.find((p) => p.role === 'primary');
  const personIds = chosenPersons ?? (primary ? [primary.person.id] : []);
  // At first, what the chosen persons' current consents allow to organisations (all of them).
  const allowed = DISCLOSURE_FIELDS.filter((field) =>
    personIds.every((pid) =>
      (consents.data?.consents ?? []).some(
        (k) =>
          k.current &&
          k.personId === pid &&
          k.purposes.includes('disclosure_to_organisations') &&
          k.disclosableFields.includes(field),
      ),
    ),
  );
  const fields = chosenFields ?? allowed;
  const candidate = candidates.data?.items.find((c) => c.organisation.id === organisationId);
  const nameOf = (personId: string) => {
    const p = persons.find((x) => x.person.id === personId)?.person;
    return p ? `${p.givenNames} ${p.familyNames}` : personId.slice(0, 8);
  };

  const request = {
    organisationId,
    services,
    fields,
    ...(chosenPersons ? { personIds } : {}),
  };
  const previewReady = Boolean(organisationId && services.length && fields.length);
  const preview = useQuery({
    queryKey: [...cooperationKeys.candidates(id), 'preview', request],
    queryFn: () =>
      unwrap(
        api.POST('/api/v1/cases/{id}/referrals/preview', {
          params: { path: { id } },
          body: request,
        }),
      ),
    enabled: previewReady,
    placeholderData: keepPreviousData,
    retry: false,
  });

  const send = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/cases/{id}/referrals', {
          params: { path: { id }, header: { 'Idempotency-Key': idempotencyKey.current } },
          body: {
            ...request,
            need: need.trim(),
            ...(followUpDue ? { followUpDue } : {}),
            ...(override.trim() ? { override: { reason: override.trim() } } : {}),
          },
        }),
      ),
    onSuccess: (referral) => {
      void queryClient.invalidateQueries({ queryKey: caseKeys.detail(id) });
      void navigate(`/cases/${id}`, { state: { referralSent: referral.organisationName } });
    },
    onError: (error) => {
      idempotencyKey.current = crypto.randomUUID();
      setErrors(
        submitErrors(
          error,
          (field) =>
            FORM_FIELDS[field.split('.').slice(0, 2).join('.')] ?? FORM_FIELDS[field.split('.')[0]],
          t,
        ),
      );
    },
  });

  const submit = () => {
    if (send.isPending) return;
    const missing: SummaryError[] = [];
    if (!organisationId)
      missing.push({ fieldId: 'refer-organisation', message: t('refer.errors.organisation') });
    if (!services.length)
      missing.push({ fieldId: 'refer-services', message: t('refer.errors.services') });
    if (!fields.length)
      missing.push({ fieldId: 'refer-fields', message: t('refer.errors.fields') });
    if (need.trim().length < 10)
      missing.push({ fieldId: 'refer-need', message: t('refer.errors.need') });
    if (missing.length) return setErrors(missing);
    send.mutate();
  };

  const choose = (c: Candidate) => {
    setOrganisationId(c.organisation.id);
    setServices(c.matches.services as OrganisationService[]);
  };
  const serviceLabel = (s: string) => tDirectory(`codes.services.${s}`);
  const languageName = (code: string) => {
    try {
      return new Intl.DisplayNames([i18n.language], { type: 'language' }).of(code) ?? code;
    } catch {
      return code;
    }
  };

  if (found.isError) return <ProblemAlert error={found.error} />;
  if (!found.data) return <Typography role="status">{t('common.loading')}</Typography>;
  const c = found.data.case;
  const blocked = preview.data?.blockers.some((b) => b.purposeMissing || b.fieldsMissing.length);

  return (
    <Stack spacing={3} sx={{ maxWidth: 960 }}>
      <Link component={RouterLink} to={`/cases/${id}`}>
        {t('refer.back')}
      </Link>
      <Typography variant="h4" component="h1">
        {t('refer.title', { reference: c.reference })}
      </Typography>
      <Typography>{t('refer.intro')}</Typography>
      <ErrorSummary ref={summaryRef} errors={errors} />
      {candidates.isError && <ProblemAlert error={candidates.error} />}

      <FormControl component="fieldset" required error={Boolean(fieldError('refer-organisation'))}>
        <FormLabel component="legend">{t('refer.candidates')}</FormLabel>
        <FormHelperText sx={{ mx: 0 }}>{t('refer.candidatesHint')}</FormHelperText>
        {fieldError('refer-organisation') && (
          <FormHelperText sx={{ mx: 0 }}>{fieldError('refer-organisation')}</FormHelperText>
        )}
        {candidates.data?.items.length === 0 && <Typography>{t('refer.noCandidates')}</Typography>}
        <RadioGroup
          value={organisationId}
          onChange={(e) => {
            const next = candidates.data?.items.find((x) => x.organisation.id === e.target.value);
            if (next) choose(next);
          }}
        >
          {candidates.data?.items.map((candidate, index) => {
            const o = candidate.organisation;
            const m = candidate.matches;
            return (
              <Paper key={o.id} variant="outlined" sx={{ p: 1.5, mb: 1 }}>
                <FormControlLabel
                  value={o.id}
                  control={
                    <Radio id={index === 0 ? 'refer-organisation' : `refer-organisation-${o.id}`} />
                  }
                  label={
                    <Box>
                      <Typography component="span" sx={{ fontWeight: 700 }}>
                        {o.name}
                        {o.acronym ? ` (${o.acronym})` : ''}
                      </Typography>
                      <Typography component="span" variant="body2" sx={{ display: 'block' }}>
                        {tDirectory(`codes.organisationTypes.${o.type}`)} ·{' '}
                        {m.services.length
                          ? t('refer.matchServices', {
                              services: m.services.map(serviceLabel).join(', '),
                            })
                          : t('refer.matchNoServices')}{' '}
                        · {m.coversPlace ? t('refer.coversPlace') : t('refer.notCoversPlace')} ·{' '}
                        {m.languages.length
                          ? t('refer.matchLanguages', {
                              languages: m.languages.map(languageName).join(', '),
                            })
                          : t('refer.matchNoLanguages')}
                      </Typography>
                    </Box>
                  }
                />
              </Paper>
            );
          })}
        </RadioGroup>
      </FormControl>

      {candidate && (
        <CheckboxGroup
          id="refer-services"
          legend={t('refer.services')}
          options={candidate.organisation.services.map((s) => ({
            value: s,
            label: serviceLabel(s),
          }))}
          value={services}
          onChange={(v) => setServices(v as OrganisationService[])}
          required
          error={fieldError('refer-services')}
        />
      )}

      {persons.length > 1 && (
        <CheckboxGroup
          id="refer-persons"
          legend={t('refer.persons')}
          options={persons.map((p) => ({ value: p.person.id, label: nameOf(p.person.id) }))}
          value={personIds}
          onChange={setPersons}
          error={fieldError('refer-persons')}
        />
      )}

      <Box>
        <CheckboxGroup
          id="refer-fields"
          legend={t('refer.fields')}
          options={DISCLOSURE_FIELDS.map((x) => ({ value: x, label: t(`fields.${x}`) }))}
          value={fields}
          onChange={(v) => setFields(v as DisclosureField[])}
          required
          error={fieldError('refer-fields')}
        />
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          {t('refer.fieldsHint')}
        </Typography>
      </Box>

      <TextField
        id="refer-need"
        label={t('refer.need')}
        value={need}
        onChange={(e) => setNeed(e.target.value)}
        multiline
        minRows={3}
        required
        error={Boolean(fieldError('refer-need'))}
        helperText={fieldError('refer-need') ?? t('refer.needHint')}
      />
      <TextField
        id="refer-followUpDue"
        type="date"
        label={t('refer.followUpDue')}
        value={followUpDue}
        onChange={(e) => setFollowUpDue(e.target.value)}
        slotProps={{ inputLabel: { shrink: true } }}
        sx={{ maxWidth: 280 }}
        error={Boolean(fieldError('refer-followUpDue'))}
        helperText={fieldError('refer-followUpDue')}
      />

      <Box component="section" aria-labelledby="preview-title">
        <Typography id="preview-title" variant="h5" component="h2" gutterBottom>
          {t('refer.preview')}
        </Typography>
        <Box aria-live="polite">
          {!previewReady && <Typography>{t('refer.previewEmpty')}</Typography>}
          {previewReady && preview.isError && <ProblemAlert error={preview.error} />}
          {previewReady && preview.data && (
            <DisclosurePreviewPanel preview={preview.data} nameOf={nameOf} />
          )}
        </Box>
      </Box>

      {previewReady &&
        blocked &&
        !preview.data?.asylumSafeguard &&
        (preview.data?.overrideAllowed ? (
          <TextField
            id="refer-override"
            label={t('refer.override')}
            value={override}
            onChange={(e) => setOverride(e.target.value)}
            multiline
            minRows={2}
            error={Boolean(fieldError('refer-override'))}
            helperText={fieldError('refer-override') ?? t('refer.overrideHint')}
          />
        ) : (
          <Alert severity="info">{t('refer.blockedForOfficer')}</Alert>
        ))}

      <Box>
        <Button variant="contained" onClick={submit} loading={send.isPending}>
          {t('refer.send')}
        </Button>
      </Box>
    </Stack>
  );
}
