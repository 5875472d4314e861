import { Autocomplete, TextField } from '@mui/material';
import { useMemo } from 'react';

interface CodeAutocompleteProps {
  id: string;
  label: string;
  options: readonly { code: string; name: string }[];
  value: readonly string[];
  onChange(codes: string[]): void;
  required?: boolean;
  error?: string;
  hint?: string;
}

/**
 * Several codes out of a long list (countries, subdivisions), found by typing their name. A code
 * the list does not hold (yet) stays chosen and shows as itself.
 */
export function CodeAutocomplete({
  id,
  label,
  options,
  value,
  onChange,
  ...props
}: CodeAutocompleteProps) {
  const byCode = useMemo(() => new Map(options.map((o) => [o.code, o])), [options]);
  const chosen = value.map((code) => byCode.get(code) ?? { code, name: code });
  return (
    <Autocomplete
      multiple
      id={id}
      options={options as { code: string; name: string }[]}
      value={chosen}
      onChange={(_, next) => onChange(next.map((o) => o.code))}
      getOptionLabel={(option) => option.name}
      getOptionKey={(option) => option.code}
      isOptionEqualToValue={(option, current) => option.code === current.code}
      renderInput={(params) => (
        <TextField
          {...params}
          label={label}
          required={props.required}
          error={Boolean(props.error)}
          helperText={props.error ?? props.hint}
        />
      )}
    />
  );
}
