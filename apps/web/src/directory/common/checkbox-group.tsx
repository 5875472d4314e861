import {
  Checkbox,
  FormControl,
  FormControlLabel,
  FormGroup,
  FormHelperText,
  FormLabel,
} from '@mui/material';

interface CheckboxGroupProps {
  /** The first box takes this id, so the error summary's link lands on the group. */
  id: string;
  legend: string;
  options: readonly { value: string; label: string }[];
  value: readonly string[];
  onChange(value: string[]): void;
  required?: boolean;
  error?: string;
}

/** Several codes out of a short list (topics, services): a fieldset of checkboxes. */
export function CheckboxGroup({
  id,
  legend,
  options,
  value,
  onChange,
  ...props
}: CheckboxGroupProps) {
  const toggle = (code: string, checked: boolean) =>
    onChange(
      checked
        ? options.map((o) => o.value).filter((v) => v === code || value.includes(v))
        : value.filter((v) => v !== code),
    );
  return (
    <FormControl component="fieldset" error={Boolean(props.error)} required={props.required}>
      <FormLabel component="legend">{legend}</FormLabel>
      {props.error && <FormHelperText id={`${id}-error`}>{props.error}</FormHelperText>}
      <FormGroup row>
        {options.map((option, index) => (
          <FormControlLabel
            key={option.value}
            label={option.label}
            control={
              <Checkbox
                id={index === 0 ? id : `${id}-${option.value}`}
                checked={value.includes(option.value)}
                onChange={(event) => toggle(option.value, event.target.checked)}
                slotProps={{
                  input: {
                    'aria-invalid': Boolean(props.error),
                    'aria-describedby': props.error ? `${id}-error` : undefined,
                  },
                }}
              />
            }
          />
        ))}
      </FormGroup>
    </FormControl>
  );
}
