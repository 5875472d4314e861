import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  Typography,
} from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/call';
import { submitErrors } from '../cases/submit-errors';
import { ErrorSummary, type SummaryError } from '../shell/error-summary';
import { useErrorSummary } from '../shell/sign-in/use-error-summary';
import { crisisApi } from './crisis-api';
import { crisisKeys } from './crisis-queries';
import type { CrisisEvent, UpdateEventBody } from './crisis-types';
import { EventNameField, RespondingPostsField, SubdivisionsField } from './event-fields';

const FIELD_IDS: Record<string, string> = {
  name: 'edit-event-name',
  hostSubdivisions: 'edit-event-subdivisions',
  consulateIds: 'edit-event-posts',
};

interface Edits {
  name: string;
  hostSubdivisions: string[];
  consulateIds: string[];
}

const editsOf = (event: CrisisEvent): Edits => ({
  name: event.name,
  hostSubdivisions: event.hostSubdivisions,
  consulateIds: event.consulateIds,
});

const sameSet = (a: string[], b: string[]) =>
  a.length === b.length && [...a].sort().join() === [...b].sort().join();

/**
 * What differs from the event as read. Subdivisions are a set; the posts are a list, because the
 * first one is the lead post.
 */
function changedFields(base: CrisisEvent, edits: Edits): UpdateEventBody {
  const body: UpdateEventBody = {};
  if (edits.name.trim() !== base.name) body.name = edits.name.trim();
  if (!sameSet(edits.hostSubdivisions, base.hostSubdivisions))
    body.hostSubdivisions = edits.hostSubdivisions;
  if (edits.consulateIds.join() !== base.consulateIds.join())
    body.consulateIds = edits.consulateIds;
  return body;
}

/**
 * The user's edits over the event as read again: what they changed stays theirs, what they left
 * alone takes the new value, so saving does not undo the other person's change.
 */
function rebase(old: CrisisEvent, edits: Edits, fresh: CrisisEvent): Edits {
  const mine = changedFields(old, edits);
  return {
    name: 'name' in mine ? edits.name : fresh.name,
    hostSubdivisions: 'hostSubdivisions' in mine ? edits.hostSubdivisions : fresh.hostSubdivisions,
    consulateIds: 'consulateIds' in mine ? edits.consulateIds : fresh.consulateIds,
  };
}

/**
 * Editing a declared event's name, affected subdivisions and responding posts against the version
 * read (If-Match). When someone saved first (412) the event is read again and the user's edits
 * stay in the form, to be checked and saved over the new version.
 */
export function EditEventDialog({
  event,
  onClose,
  onSaved,
}: {
  event: CrisisEvent;
  onClose(): void;
  onSaved(): void;
}) {
  const { t } = useTranslation('crisis');
  const queryClient = useQueryClient();
  const [base, setBase] = useState(event);
  const [edits, setEdits] = useState<Edits>(() => editsOf(event));
  const [changedElsewhere, setChangedElsewhere] = useState(false);
  const { errors, setErrors, summaryRef, fieldError } = useErrorSummary();
  const set = (patch: Partial<Edits>) => setEdits((e) => ({ ...e, ...patch }));

  const save = useMutation({
    mutationFn: () => crisisApi.update(base, changedFields(base, edits)),
    onSuccess: (saved) => {
      queryClient.setQueryData(crisisKeys.detail(event.id), saved);
      void queryClient.invalidateQueries({ queryKey: crisisKeys.event(event.id) });
      void queryClient.invalidateQueries({ queryKey: crisisKeys.events });
      onSaved();
    },
    onError: async (error) => {
      if (error instanceof ApiError && error.status === 412) {
        const fresh = await queryClient.fetchQuery({
          queryKey: crisisKeys.detail(event.id),
          queryFn: () => crisisApi.event(event.id),
          staleTime: 0,
        });
        setEdits(rebase(base, edits, fresh));
        setBase(fresh);
        setChangedElsewhere(true);
        setErrors([]);
        setTimeout(() => document.getElementById('edit-event-conflict')?.focus());
        return;
      }
      if (error instanceof ApiError && error.status === 409)
        void queryClient.invalidateQueries({ queryKey: crisisKeys.detail(event.id) });
      // Field errors may name an item (`hostSubdivisions.1`): linked to the field it belongs to.
      setErrors(submitErrors(error, (field) => FIELD_IDS[field.split('.')[0]], t));
    },
  });

  const submit = () => {
    if (save.isPending) return;
    const problems: SummaryError[] = [];
    if (!edits.name.trim())
      problems.push({ fieldId: FIELD_IDS.name, message: t('declare.errors.name') });
    if (edits.consulateIds.length === 0)
      problems.push({ fieldId: FIELD_IDS.consulateIds, message: t('declare.errors.posts') });
    if (problems.length) return setErrors(problems);
    if (Object.keys(changedFields(base, edits)).length === 0)
      return setErrors([{ message: t('editEvent.noChange') }]);
    save.mutate();
  };

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md" aria-labelledby="edit-event-title">
      <DialogTitle id="edit-event-title">{t('editEvent.title', { name: event.name })}</DialogTitle>
      <DialogContent>
        <ErrorSummary ref={summaryRef} errors={errors} />
        {changedElsewhere && (
          <Alert severity="warning" role="none" sx={{ mb: 2 }}>
            <Typography id="edit-event-conflict" tabIndex={-1} role="alert" variant="body2">
              {t('editEvent.conflict')}
            </Typography>
          </Alert>
        )}
        <form
          id="edit-event-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <Stack spacing={3} sx={{ pt: 1 }}>
            <EventNameField
              id={FIELD_IDS.name}
              value={edits.name}
              onChange={(name) => set({ name })}
              error={fieldError(FIELD_IDS.name)}
            />
            <SubdivisionsField
              id={FIELD_IDS.hostSubdivisions}
              hostCountryCode={base.hostCountryCode}
              value={edits.hostSubdivisions}
              onChange={(hostSubdivisions) => set({ hostSubdivisions })}
              error={fieldError(FIELD_IDS.hostSubdivisions)}
            />
            <RespondingPostsField
              id={FIELD_IDS.consulateIds}
              value={edits.consulateIds}
              onChange={(consulateIds) => set({ consulateIds })}
              error={fieldError(FIELD_IDS.consulateIds)}
            />
          </Stack>
        </form>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button variant="contained" type="submit" form="edit-event-form" loading={save.isPending}>
          {t('editEvent.submit')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
