import { TextField, type TextFieldProps } from '@mui/material';

type FormTextFieldProps = Omit<TextFieldProps, 'onChange' | 'error' | 'value'> & {
  id: string;
  value: string;
  onChange(value: string): void;
  error?: string;
  hint?: string;
};

/** A text field of a form: its error (from the summary's list) replaces its hint under it. */
export function FormTextField({ value, onChange, error, hint, ...props }: FormTextFieldProps) {
  return (
    <TextField
      {...props}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      error={Boolean(error)}
      helperText={error ?? hint}
    />
  );
}
