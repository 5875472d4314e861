import { Alert, Box, Button, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useCodeLists } from '../../codes/use-code-lists';
import type { Language } from '../../shell/i18n';
import { CountryField } from './country-field';
import { errorProps, type SectionProps } from './form-props';

/** The person of the case: a new one typed in, or the registered one chosen from the matches. */
export function PersonSection({ form, set, fieldError }: SectionProps) {
  const { t, i18n } = useTranslation('cases');
  const codes = useCodeLists().data;
  const language = i18n.language as Language;
  if (form.linkedPerson) {
    const name = `${form.linkedPerson.givenNames} ${form.linkedPerson.familyNames}`;
    return (
      <Alert
        severity="info"
        role="status"
        id="linked-person"
        tabIndex={-1}
        action={
          <Button color="inherit" onClick={() => set({ linkedPerson: null })}>
            {t('duplicates.unlink')}
          </Button>
        }
      >
        {t('duplicates.linked', { name })}
      </Alert>
    );
  }
  return (
    <Stack spacing={2}>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <TextField
          id="givenNames"
          label={t('intake.givenNames')}
          value={form.givenNames}
          onChange={(e) => set({ givenNames: e.target.value })}
          required
          fullWidth
          autoComplete="off"
          {...errorProps(fieldError('givenNames'))}
        />
        <TextField
          id="familyNames"
          label={t('intake.familyNames')}
          value={form.familyNames}
          onChange={(e) => set({ familyNames: e.target.value })}
          required
          fullWidth
          autoComplete="off"
          {...errorProps(fieldError('familyNames'))}
        />
      </Stack>
      <TextField
        select
        id="sex"
        label={t('intake.sex')}
        value={form.sex}
        onChange={(e) => set({ sex: e.target.value as SectionProps['form']['sex'] })}
        required
        sx={{ maxWidth: 320 }}
        {...errorProps(fieldError('sex'))}
      >
        {(codes?.sexes ?? []).map((code) => (
          <MenuItem key={code.code} value={code.code}>
            {code.label[language]}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        select
        id="gender"
        label={t('intake.gender')}
        value={form.gender}
        onChange={(e) => set({ gender: e.target.value as SectionProps['form']['gender'] })}
        sx={{ maxWidth: 320 }}
        {...errorProps(fieldError('gender'))}
      >
        <MenuItem value="">{t('common.notRecorded')}</MenuItem>
        {(codes?.genders ?? []).map((code) => (
          <MenuItem key={code.code} value={code.code}>
            {code.label[language]}
          </MenuItem>
        ))}
      </TextField>
      <Box component="fieldset" sx={{ border: 0, m: 0, p: 0 }}>
        <Typography component="legend" variant="body2" sx={{ mb: 1 }}>
          {t('intake.birthHint')}
        </Typography>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
          <TextField
            id="dateOfBirth"
            type="date"
            label={t('intake.dateOfBirth')}
            value={form.dateOfBirth}
            onChange={(e) => set({ dateOfBirth: e.target.value })}
            slotProps={{ inputLabel: { shrink: true } }}
            {...errorProps(fieldError('dateOfBirth'))}
          />
          <TextField
            id="estimatedAge"
            label={t('intake.estimatedAge')}
            value={form.estimatedAge}
            onChange={(e) => set({ estimatedAge: e.target.value })}
            slotProps={{ htmlInput: { inputMode: 'numeric' } }}
            {...errorProps(fieldError('estimatedAge'))}
          />
        </Stack>
      </Box>
      <CountryField
        id="nationalityCode"
        label={t('intake.nationality')}
        value={form.nationalityCode}
        onChange={(code) => set({ nationalityCode: code })}
        error={fieldError('nationalityCode')}
        required
      />
      <Typography variant="h6" component="h3">
        {t('intake.documentSection')}
      </Typography>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <TextField
          select
          id="documentType"
          label={t('intake.documentType')}
          value={form.documentType}
          onChange={(e) =>
            set({ documentType: e.target.value as SectionProps['form']['documentType'] })
          }
          sx={{ minWidth: 220 }}
          {...errorProps(fieldError('documentType'))}
        >
          <MenuItem value="">{t('common.none')}</MenuItem>
          {(codes?.documentTypes ?? []).map((code) => (
            <MenuItem key={code.code} value={code.code}>
              {code.label[language]}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          id="documentNumber"
          label={t('intake.documentNumber')}
          value={form.documentNumber}
          onChange={(e) => set({ documentNumber: e.target.value })}
          autoComplete="off"
          fullWidth
          {...errorProps(fieldError('documentNumber'))}
        />
      </Stack>
      <CountryField
        id="documentCountry"
        label={t('intake.documentCountry')}
        value={form.documentCountry}
        onChange={(code) => set({ documentCountry: code })}
        error={fieldError('documentCountry')}
      />
    </Stack>
  );
}
