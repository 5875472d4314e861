import { TextField, type SxProps, type Theme } from '@mui/material';

export interface SelectOption {
  value: string;
  label: string;
}

interface SelectFieldProps {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  options: readonly SelectOption[];
  /** The label of the empty choice ("any" in a filter, "choose" in a form); none: no empty choice. */
  emptyLabel?: string;
  required?: boolean;
  error?: string;
  hint?: string;
  disabled?: boolean;
  sx?: SxProps<Theme>;
}

/**
 * A native select: long lists (250 countries) stay fast, the keyboard jumps by letter, and screen
 * readers and phones use their own list. The error replaces the hint under the field.
 */
export function SelectField(props: SelectFieldProps) {
  const { id, label, value, onChange, options, emptyLabel, error, hint } = props;
  return (
    <TextField
      select
      id={id}
      label={label}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      required={props.required}
      disabled={props.disabled}
      error={Boolean(error)}
      helperText={error ?? hint}
      sx={props.sx}
      slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
    >
      {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </TextField>
  );
}
