import {
  Alert,
  AlertTitle,
  Box,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  FormGroup,
  List,
  ListItem,
  MenuItem,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/call';
import { api } from '../../api/client';
import { useCodeLabel, useCodeLists } from '../../codes/use-code-lists';
import { ErrorSummary } from '../../shell/error-summary';
import { useFormat } from '../../shell/format';
import type { Language } from '../../shell/i18n';
import { useErrorSummary } from '../../shell/sign-in/use-error-summary';
import { caseKeys, fetchCase, unwrapVersioned, type VersionedCase } from '../case-queries';
import { submitErrors } from '../submit-errors';
import {
  changedFields,
  editsOf,
  EDITED_FIELDS,
  rebase,
  type CaseEdits,
  type Conflict,
  type EditedField,
} from './case-edits';

/**
 * Editing the case's fields with the version read (If-Match). When someone saved first (412) the
 * case is read again, the fields that changed are listed and the user's own edits stay in the form.
 */
export function CaseEditDialog({
  open,
  current,
  onClose,
  onSaved,
}: {
  open: boolean;
  current: VersionedCase;
  onClose(): void;
  onSaved(): void;
}) {
  // A fresh form each time it opens, from the case as last read.
  return open ? <EditForm current={current} onClose={onClose} onSaved={onSaved} /> : null;
}

function EditForm({
  current,
  onClose,
  onSaved,
}: {
  current: VersionedCase;
  onClose(): void;
  onSaved(): void;
}) {
  const { t, i18n } = useTranslation('cases');
  const language = i18n.language as Language;
  const codes = useCodeLists().data;
  const label = useCodeLabel();
  const f = useFormat();
  const queryClient = useQueryClient();
  const id = current.case.id;
  const [base, setBase] = useState(() => ({ edits: editsOf(current.case), etag: current.etag }));
  const [edits, setEdits] = useState<CaseEdits>(base.edits);
  const [conflicts, setConflicts] = useState<Conflict[] | null>(null);
  const { errors, setErrors, summaryRef, fieldError } = useErrorSummary();
  const set = (patch: Partial<CaseEdits>) => setEdits((e) => ({ ...e, ...patch }));

  const shown = (field: EditedField, value: unknown): string => {
    if (field === 'primaryCategory') return label('caseCategories', value as string);
    if (field === 'riskLevel') return label('riskLevels', value as string);
    if (field === 'vulnerabilityFlags')
      return (
        (value as string[]).map((flag) => label('vulnerabilityFlags', flag)).join(', ') ||
        t('common.none')
      );
    if (field === 'restricted' || field === 'temporaryWorker')
      return t(value ? 'history.yes' : 'history.no');
    if (field === 'hostCountryRole')
      return value ? label('hostCountryRoles', value as string) : t('common.notRecorded');
    if (field === 'nextStepDue' && value) return f.date(value as string);
    return (value as string) || t('history.empty_value');
  };

  const save = useMutation({
    mutationFn: () =>
      unwrapVersioned(
        api.PATCH('/api/v1/cases/{id}', {
          params: { path: { id }, header: { 'If-Match': base.etag } },
          body: changedFields(base.edits, edits),
        }),
      ),
    onSuccess: (saved) => {
      queryClient.setQueryData(caseKeys.detail(id), saved);
      void queryClient.invalidateQueries({ queryKey: caseKeys.history(id) });
      onSaved();
    },
    onError: async (error) => {
      if (error instanceof ApiError && error.status === 412) {
        const fresh = await queryClient.fetchQuery({
          queryKey: caseKeys.detail(id),
          queryFn: () => fetchCase(id),
          staleTime: 0,
        });
        const freshEdits = editsOf(fresh.case);
        const moved = rebase(base.edits, edits, freshEdits);
        setBase({ edits: freshEdits, etag: fresh.etag });
        setEdits(moved.edits);
        setConflicts(moved.conflicts);
        setErrors([]);
        setTimeout(() => document.getElementById('edit-conflict')?.focus());
        return;
      }
      setErrors(
        submitErrors(
          error,
          (field) =>
            (EDITED_FIELDS as readonly string[]).includes(field) ? `edit-${field}` : undefined,
          t,
        ),
      );
    },
  });

  const submit = () => {
    if (save.isPending) return;
    if (Object.keys(changedFields(base.edits, edits)).length === 0)
      return setErrors([{ message: t('edit.noChange') }]);
    save.mutate();
  };

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md" aria-labelledby="edit-title">
      <DialogTitle id="edit-title">{t('edit.title')}</DialogTitle>
      <DialogContent>
        <ErrorSummary ref={summaryRef} errors={errors} />
        {conflicts && (
          <Alert severity="warning" role="none" sx={{ mb: 2 }}>
            <div id="edit-conflict" tabIndex={-1} role="alert">
              <AlertTitle component="h3">{t('edit.conflictTitle')}</AlertTitle>
              <Typography variant="body2">
                {conflicts.length ? t('edit.conflictIntro') : t('edit.conflictNone')}
              </Typography>
              <List dense>
                {conflicts.map((c) => (
                  <ListItem key={c.field} disableGutters>
                    {c.yours === undefined
                      ? t('edit.conflictTheirs', {
                          field: t(`edit.fields.${c.field}`),
                          theirs: shown(c.field, c.theirs),
                        })
                      : t('edit.conflictField', {
                          field: t(`edit.fields.${c.field}`),
                          theirs: shown(c.field, c.theirs),
                          yours: shown(c.field, c.yours),
                        })}
                  </ListItem>
                ))}
              </List>
            </div>
          </Alert>
        )}
        <Stack spacing={2} sx={{ pt: 1 }}>
          <TextField
            select
            id="edit-primaryCategory"
            label={t('edit.fields.primaryCategory')}
            value={edits.primaryCategory}
            onChange={(e) =>
              set({ primaryCategory: e.target.value as CaseEdits['primaryCategory'] })
            }
            error={Boolean(fieldError('edit-primaryCategory'))}
            helperText={fieldError('edit-primaryCategory')}
          >
            {(codes?.caseCategories ?? []).map((code) => (
              <MenuItem key={code.code} value={code.code}>
                {code.label[language]}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            select
            id="edit-riskLevel"
            label={t('edit.fields.riskLevel')}
            value={edits.riskLevel}
            onChange={(e) => set({ riskLevel: e.target.value as CaseEdits['riskLevel'] })}
            error={Boolean(fieldError('edit-riskLevel'))}
            helperText={fieldError('edit-riskLevel')}
          >
            {(codes?.riskLevels ?? []).map((code) => (
              <MenuItem key={code.code} value={code.code}>
                {code.label[language]}
              </MenuItem>
            ))}
          </TextField>
          <Box component="fieldset" sx={{ border: 0, m: 0, p: 0 }}>
            <Typography component="legend" variant="subtitle1">
              {t('edit.fields.vulnerabilityFlags')}
            </Typography>
            <FormGroup sx={{ display: 'grid', gridTemplateColumns: { sm: '1fr 1fr' } }}>
              {(codes?.vulnerabilityFlags ?? []).map((code, index) => {
                const flag = code.code as CaseEdits['vulnerabilityFlags'][number];
                return (
                  <FormControlLabel
                    key={code.code}
                    label={code.label[language]}
                    control={
                      <Checkbox
                        id={index === 0 ? 'edit-vulnerabilityFlags' : undefined}
                        checked={edits.vulnerabilityFlags.includes(flag)}
                        onChange={(e) =>
                          set({
                            vulnerabilityFlags: e.target.checked
                              ? [...edits.vulnerabilityFlags, flag]
                              : edits.vulnerabilityFlags.filter((other) => other !== flag),
                          })
                        }
                      />
                    }
                  />
                );
              })}
            </FormGroup>
          </Box>
          <TextField
            select
            id="edit-hostCountryRole"
            label={t('edit.fields.hostCountryRole')}
            value={edits.hostCountryRole}
            onChange={(e) =>
              set({ hostCountryRole: e.target.value as CaseEdits['hostCountryRole'] })
            }
            error={Boolean(fieldError('edit-hostCountryRole'))}
            helperText={fieldError('edit-hostCountryRole') ?? t('intake.hostCountryRoleHint')}
          >
            <MenuItem value="">{t('common.notRecorded')}</MenuItem>
            {(codes?.hostCountryRoles ?? []).map((code) => (
              <MenuItem key={code.code} value={code.code}>
                {code.label[language]}
              </MenuItem>
            ))}
          </TextField>
          <FormControlLabel
            label={t('edit.fields.temporaryWorker')}
            control={
              <Checkbox
                id="edit-temporaryWorker"
                checked={edits.temporaryWorker}
                onChange={(e) => set({ temporaryWorker: e.target.checked })}
              />
            }
          />
          <TextField
            id="edit-summary"
            label={t('edit.fields.summary')}
            value={edits.summary}
            onChange={(e) => set({ summary: e.target.value })}
            multiline
            minRows={3}
            error={Boolean(fieldError('edit-summary'))}
            helperText={fieldError('edit-summary')}
          />
          {/* Someone who may not see where a child is sheltered may not overwrite it either. */}
          {!current.case.masked.includes('shelter') && (
            <TextField
              id="edit-shelter"
              label={t('edit.fields.shelter')}
              value={edits.shelter}
              onChange={(e) => set({ shelter: e.target.value })}
              error={Boolean(fieldError('edit-shelter'))}
              helperText={fieldError('edit-shelter') ?? t('edit.shelterHelp')}
            />
          )}
          <TextField
            id="edit-nextStep"
            label={t('edit.fields.nextStep')}
            value={edits.nextStep}
            onChange={(e) => set({ nextStep: e.target.value })}
            slotProps={{ htmlInput: { maxLength: 300 } }}
            error={Boolean(fieldError('edit-nextStep'))}
            helperText={fieldError('edit-nextStep')}
          />
          <TextField
            id="edit-nextStepDue"
            type="date"
            label={t('edit.fields.nextStepDue')}
            value={edits.nextStepDue}
            onChange={(e) => set({ nextStepDue: e.target.value })}
            slotProps={{ inputLabel: { shrink: true } }}
            error={Boolean(fieldError('edit-nextStepDue'))}
            helperText={fieldError('edit-nextStepDue')}
          />
          <FormControlLabel
            label={t('edit.fields.restricted')}
            control={
              <Checkbox
                id="edit-restricted"
                checked={edits.restricted}
                onChange={(e) => set({ restricted: e.target.checked })}
              />
            }
          />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button variant="contained" onClick={submit} loading={save.isPending}>
          {t('edit.submit')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
