import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  MenuItem,
  Stack,
  TextField,
} from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unwrap } from '../../api/call';
import { api } from '../../api/client';
import { ProblemAlert } from '../../shell/problem-alert';
import { caseKeys } from '../case-queries';
import {
  DURABLE_SOLUTIONS,
  type DurableSolution,
  type NewAssessment,
} from './best-interest-queries';

export interface Child {
  id: string;
  name: string;
}

/** `YYYY-MM-DDTHH:mm` of now in local time, what a datetime-local field holds. */
const localNow = () => {
  const d = new Date();
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

/** Records a best-interest assessment of one child of the case; the API checks every field. */
export function BestInterestDialog({
  caseId,
  children,
  onClose,
  onSaved,
}: {
  caseId: string;
  children: Child[];
  onClose(): void;
  onSaved(): void;
}) {
  const { t } = useTranslation('safeguards');
  const queryClient = useQueryClient();
  const [personId, setPersonId] = useState(children[0]?.id ?? '');
  const [assessedAt, setAssessedAt] = useState(localNow);
  const [external, setExternal] = useState(false);
  const [assessorName, setAssessorName] = useState('');
  const [assessorRole, setAssessorRole] = useState('');
  const [findings, setFindings] = useState('');
  const [solution, setSolution] = useState<DurableSolution | ''>('');
  const [tried, setTried] = useState(false);
  const missing = {
    findings: !findings.trim(),
    solution: !solution,
    assessorName: external && !assessorName.trim(),
  };
  const save = useMutation({
    mutationFn: () => {
      const body: NewAssessment = {
        personId,
        assessedAt: new Date(assessedAt).toISOString(),
        findings: findings.trim(),
        recommendedSolution: solution as DurableSolution,
        ...(external ? { assessorName: assessorName.trim() } : {}),
        ...(external && assessorRole.trim() ? { assessorRole: assessorRole.trim() } : {}),
      };
      return unwrap(
        api.POST('/api/v1/cases/{id}/best-interest-assessments', {
          params: { path: { id: caseId } },
          body,
        }),
      );
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: caseKeys.detail(caseId) });
      onSaved();
    },
  });
  const submit = () => {
    setTried(true);
    if (Object.values(missing).some(Boolean) || save.isPending) return;
    save.mutate();
  };
  const requiredText = (field: keyof typeof missing) =>
    tried && missing[field] ? t('dialog.required') : undefined;

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="bia-title">
      <DialogTitle id="bia-title">{t('dialog.title')}</DialogTitle>
      <DialogContent>
        {save.isError && <ProblemAlert error={save.error} />}
        <Stack
          component="form"
          id="bia-form"
          spacing={2}
          sx={{ mt: 1 }}
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <TextField
            select
            id="bia-person"
            label={t('person')}
            value={personId}
            onChange={(e) => setPersonId(e.target.value)}
          >
            {children.map((c) => (
              <MenuItem key={c.id} value={c.id}>
                {c.name}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            id="bia-assessed-at"
            type="datetime-local"
            label={t('assessedAt')}
            value={assessedAt}
            onChange={(e) => setAssessedAt(e.target.value)}
            slotProps={{ inputLabel: { shrink: true } }}
            required
          />
          <FormControlLabel
            control={
              <Checkbox checked={external} onChange={(e) => setExternal(e.target.checked)} />
            }
            label={t('dialog.external')}
          />
          {external && (
            <>
              <TextField
                id="bia-assessor-name"
                label={t('dialog.assessorName')}
                value={assessorName}
                onChange={(e) => setAssessorName(e.target.value)}
                required
                error={!!requiredText('assessorName')}
                helperText={requiredText('assessorName')}
              />
              <TextField
                id="bia-assessor-role"
                label={t('dialog.assessorRole')}
                value={assessorRole}
                onChange={(e) => setAssessorRole(e.target.value)}
              />
            </>
          )}
          <TextField
            id="bia-findings"
            label={t('findings')}
            value={findings}
            onChange={(e) => setFindings(e.target.value)}
            multiline
            minRows={3}
            required
            error={!!requiredText('findings')}
            helperText={requiredText('findings')}
          />
          <TextField
            select
            id="bia-solution"
            label={t('solution')}
            value={solution}
            onChange={(e) => setSolution(e.target.value as DurableSolution)}
            required
            error={!!requiredText('solution')}
            helperText={requiredText('solution')}
          >
            {DURABLE_SOLUTIONS.map((s) => (
              <MenuItem key={s} value={s}>
                {t(`solutions.${s}`)}
              </MenuItem>
            ))}
          </TextField>
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('dialog.cancel')}</Button>
        <Button type="submit" form="bia-form" variant="contained" loading={save.isPending}>
          {t('dialog.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
