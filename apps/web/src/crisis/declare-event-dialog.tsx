import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  TextField,
} from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { submitErrors } from '../cases/submit-errors';
import { SelectField } from '../directory/common/select-field';
import { useCountryOptions } from '../directory/common/use-countries';
import { ErrorSummary, type SummaryError } from '../shell/error-summary';
import { useErrorSummary } from '../shell/sign-in/use-error-summary';
import { crisisApi } from './crisis-api';
import { crisisKeys } from './crisis-queries';
import { EventNameField, RespondingPostsField, SubdivisionsField } from './event-fields';
import { EVENT_TYPES, type EventType } from './crisis-types';
import { localNow, toIso } from './local-time';
import { useCountryPosts } from './use-country-posts';

const FIELD_IDS: Record<string, string> = {
  name: 'declare-name',
  type: 'declare-type',
  hostCountryCode: 'declare-host',
  hostSubdivisions: 'declare-subdivisions',
  startedAt: 'declare-started',
  consulateIds: 'declare-posts',
};

/** Declaring an event: what, where, since when and which posts respond; then its page opens. */
export function DeclareEventDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation('crisis');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const countries = useCountryOptions();
  const { posts } = useCountryPosts();
  const [name, setName] = useState('');
  const [type, setType] = useState<EventType | ''>('');
  const [host, setHost] = useState('');
  const [subdivisions, setSubdivisions] = useState<string[]>([]);
  const [startedAt, setStartedAt] = useState(localNow);
  const [consulateIds, setConsulateIds] = useState<string[]>([]);
  const { errors, setErrors, summaryRef, fieldError } = useErrorSummary();
  const idempotencyKey = useRef(crypto.randomUUID());

  // A consul declares for their own post: ticked from the start.
  const ownIds = posts.filter((p) => p.own).map((p) => p.id);
  useEffect(() => {
    if (ownIds.length && consulateIds.length === 0) setConsulateIds(ownIds);
  }, [ownIds.join()]);

  const declare = useMutation({
    mutationFn: () =>
      crisisApi.declare(
        {
          name: name.trim(),
          type: type as EventType,
          hostCountryCode: host,
          hostSubdivisions: subdivisions,
          startedAt: toIso(startedAt),
          consulateIds,
        },
        idempotencyKey.current,
      ),
    onSuccess: (event) => {
      void queryClient.invalidateQueries({ queryKey: crisisKeys.events });
      void navigate(`/crisis/${event.id}`);
    },
    onError: (error) => setErrors(submitErrors(error, (field) => FIELD_IDS[field], t)),
  });

  const submit = () => {
    if (declare.isPending) return;
    const problems: SummaryError[] = [];
    if (!name.trim()) problems.push({ fieldId: FIELD_IDS.name, message: t('declare.errors.name') });
    if (!type) problems.push({ fieldId: FIELD_IDS.type, message: t('declare.errors.type') });
    if (!host)
      problems.push({
        fieldId: FIELD_IDS.hostCountryCode,
        message: t('declare.errors.hostCountry'),
      });
    if (!startedAt)
      problems.push({ fieldId: FIELD_IDS.startedAt, message: t('declare.errors.startedAt') });
    if (consulateIds.length === 0)
      problems.push({ fieldId: FIELD_IDS.consulateIds, message: t('declare.errors.posts') });
    if (problems.length) return setErrors(problems);
    declare.mutate();
  };

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md" aria-labelledby="declare-title">
      <DialogTitle id="declare-title">{t('declare.title')}</DialogTitle>
      <DialogContent>
        <ErrorSummary ref={summaryRef} errors={errors} />
        <form
          id="declare-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <Stack spacing={3} sx={{ pt: 1 }}>
            <EventNameField
              id={FIELD_IDS.name}
              value={name}
              onChange={setName}
              error={fieldError(FIELD_IDS.name)}
            />
            <SelectField
              id={FIELD_IDS.type}
              label={t('declare.type')}
              value={type}
              onChange={(value) => setType(value as EventType)}
              required
              emptyLabel=""
              error={fieldError(FIELD_IDS.type)}
              options={EVENT_TYPES.map((code) => ({ value: code, label: t(`types.${code}`) }))}
            />
            <SelectField
              id={FIELD_IDS.hostCountryCode}
              label={t('declare.hostCountry')}
              value={host}
              onChange={(value) => {
                setHost(value);
                setSubdivisions([]);
              }}
              required
              emptyLabel=""
              error={fieldError(FIELD_IDS.hostCountryCode)}
              options={countries.map((c) => ({ value: c.code, label: c.name }))}
            />
            {host && (
              <SubdivisionsField
                id={FIELD_IDS.hostSubdivisions}
                hostCountryCode={host}
                value={subdivisions}
                onChange={setSubdivisions}
                error={fieldError(FIELD_IDS.hostSubdivisions)}
              />
            )}
            <TextField
              id={FIELD_IDS.startedAt}
              type="datetime-local"
              label={t('declare.startedAt')}
              value={startedAt}
              onChange={(e) => setStartedAt(e.target.value)}
              required
              slotProps={{ inputLabel: { shrink: true } }}
              error={Boolean(fieldError(FIELD_IDS.startedAt))}
              helperText={fieldError(FIELD_IDS.startedAt)}
            />
            <RespondingPostsField
              id={FIELD_IDS.consulateIds}
              value={consulateIds}
              onChange={setConsulateIds}
              error={fieldError(FIELD_IDS.consulateIds)}
            />
          </Stack>
        </form>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button variant="contained" type="submit" form="declare-form" loading={declare.isPending}>
          {t('declare.submit')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
