import {
  Alert,
  Box,
  Checkbox,
  FormControlLabel,
  FormGroup,
  FormHelperText,
  MenuItem,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useCodeLists } from '../../codes/use-code-lists';
import type { Language } from '../../shell/i18n';
import { errorProps, type SectionProps } from './form-props';
import { mustBeRestricted, type IntakeForm } from './intake-form';

/** The case itself: category, vulnerability flags, risk, summary and the restriction. */
export function CaseSection({ form, set, fieldError }: SectionProps) {
  const { t, i18n } = useTranslation('cases');
  const codes = useCodeLists().data;
  const language = i18n.language as Language;
  const forced = mustBeRestricted(form);
  const toggleFlag = (code: IntakeForm['vulnerabilityFlags'][number], on: boolean) =>
    set({
      vulnerabilityFlags: on
        ? [...form.vulnerabilityFlags, code]
        : form.vulnerabilityFlags.filter((flag) => flag !== code),
    });
  return (
    <Stack spacing={2}>
      <TextField
        select
        id="primaryCategory"
        label={t('intake.primaryCategory')}
        value={form.primaryCategory}
        onChange={(e) => set({ primaryCategory: e.target.value as IntakeForm['primaryCategory'] })}
        required
        {...errorProps(fieldError('primaryCategory'))}
      >
        {(codes?.caseCategories ?? []).map((code) => (
          <MenuItem key={code.code} value={code.code}>
            {code.label[language]}
          </MenuItem>
        ))}
      </TextField>
      <Box component="fieldset" sx={{ border: 0, m: 0, p: 0 }}>
        <Typography component="legend" variant="subtitle1">
          {t('intake.flags')}
        </Typography>
        <FormGroup sx={{ display: 'grid', gridTemplateColumns: { sm: '1fr 1fr' } }}>
          {(codes?.vulnerabilityFlags ?? []).map((code, index) => (
            <FormControlLabel
              key={code.code}
              label={code.label[language]}
              control={
                <Checkbox
                  id={index === 0 ? 'vulnerabilityFlags' : undefined}
                  checked={form.vulnerabilityFlags.includes(
                    code.code as IntakeForm['vulnerabilityFlags'][number],
                  )}
                  onChange={(e) =>
                    toggleFlag(
                      code.code as IntakeForm['vulnerabilityFlags'][number],
                      e.target.checked,
                    )
                  }
                />
              }
            />
          ))}
        </FormGroup>
        {fieldError('vulnerabilityFlags') && (
          <FormHelperText error>{fieldError('vulnerabilityFlags')}</FormHelperText>
        )}
      </Box>
      <TextField
        select
        id="riskLevel"
        label={t('intake.riskLevel')}
        value={form.riskLevel}
        onChange={(e) => set({ riskLevel: e.target.value as IntakeForm['riskLevel'] })}
        sx={{ maxWidth: 320 }}
        {...errorProps(fieldError('riskLevel'))}
      >
        {(codes?.riskLevels ?? []).map((code) => (
          <MenuItem key={code.code} value={code.code}>
            {code.label[language]}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        select
        id="hostCountryRole"
        label={t('intake.hostCountryRole')}
        value={form.hostCountryRole}
        onChange={(e) => set({ hostCountryRole: e.target.value as IntakeForm['hostCountryRole'] })}
        sx={{ maxWidth: 320 }}
        error={Boolean(fieldError('hostCountryRole'))}
        helperText={fieldError('hostCountryRole') ?? t('intake.hostCountryRoleHint')}
      >
        <MenuItem value="">{t('common.notRecorded')}</MenuItem>
        {(codes?.hostCountryRoles ?? []).map((code) => (
          <MenuItem key={code.code} value={code.code}>
            {code.label[language]}
          </MenuItem>
        ))}
      </TextField>
      <Box>
        <FormControlLabel
          label={t('intake.temporaryWorker')}
          control={
            <Checkbox
              id="temporaryWorker"
              checked={form.temporaryWorker}
              onChange={(e) => set({ temporaryWorker: e.target.checked })}
              slotProps={{ input: { 'aria-describedby': 'temporaryWorker-hint' } }}
            />
          }
        />
        <FormHelperText id="temporaryWorker-hint" error={Boolean(fieldError('temporaryWorker'))}>
          {fieldError('temporaryWorker') ?? t('intake.temporaryWorkerHint')}
        </FormHelperText>
      </Box>
      <TextField
        id="summary"
        label={t('intake.summary')}
        value={form.summary}
        onChange={(e) => set({ summary: e.target.value })}
        multiline
        minRows={3}
        {...errorProps(fieldError('summary'))}
      />
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <TextField
          id="nextStep"
          label={t('intake.nextStep')}
          value={form.nextStep}
          onChange={(e) => set({ nextStep: e.target.value })}
          sx={{ flex: 2 }}
          slotProps={{ htmlInput: { maxLength: 300 } }}
          {...errorProps(fieldError('nextStep'))}
        />
        <TextField
          id="nextStepDue"
          type="date"
          label={t('intake.nextStepDue')}
          value={form.nextStepDue}
          onChange={(e) => set({ nextStepDue: e.target.value })}
          sx={{ flex: 1 }}
          slotProps={{ inputLabel: { shrink: true } }}
          {...errorProps(fieldError('nextStepDue'))}
        />
      </Stack>
      <Box>
        <FormControlLabel
          label={t('intake.restricted')}
          control={
            <Checkbox
              id="restricted"
              checked={form.restricted || forced}
              disabled={forced}
              onChange={(e) => set({ restricted: e.target.checked })}
              slotProps={{ input: { 'aria-describedby': 'restricted-hint' } }}
            />
          }
        />
        <FormHelperText id="restricted-hint" error={Boolean(fieldError('restricted'))}>
          {fieldError('restricted') ?? t('intake.restrictedHint')}
        </FormHelperText>
        {forced && (
          <Alert severity="info" role="status" sx={{ mt: 1 }}>
            {t('intake.restrictedForced')}
          </Alert>
        )}
      </Box>
    </Stack>
  );
}
