import { TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';

/** The six-digit TOTP code: numeric keyboard on phones, and the browser's one-time-code fill. */
export function CodeField(props: { value: string; onChange(value: string): void; error?: string }) {
  const { t } = useTranslation();
  return (
    <TextField
      id="code"
      label={t('signIn.code')}
      value={props.value}
      onChange={(event) => props.onChange(event.target.value.replace(/\s/g, ''))}
      error={Boolean(props.error)}
      helperText={props.error}
      autoComplete="one-time-code"
      slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 6 } }}
      required
    />
  );
}

export const isSixDigits = (code: string): boolean => /^\d{6}$/.test(code);
