import type { SxProps, Theme } from '@mui/material';
import { useMemo } from 'react';
import { SelectField } from './select-field';
import { useCountryOptions } from './use-countries';

interface CountrySelectProps {
  id: string;
  label: string;
  value: string;
  onChange(code: string): void;
  emptyLabel?: string;
  /** Only the member countries (those running consulates). */
  membersOnly?: boolean;
  /** Only these countries (the ones an administrator manages); undefined: no such limit. */
  only?: readonly string[];
  required?: boolean;
  error?: string;
  hint?: string;
  disabled?: boolean;
  sx?: SxProps<Theme>;
}

/** A country by its name in the current language (GET /countries); the value is its ISO code. */
export function CountrySelect({ membersOnly, only, ...props }: CountrySelectProps) {
  const countries = useCountryOptions();
  const options = useMemo(
    () =>
      countries
        .filter((country) => !membersOnly || country.member)
        .filter((country) => !only || only.includes(country.code))
        .map((country) => ({ value: country.code, label: country.name })),
    [countries, membersOnly, only],
  );
  return <SelectField {...props} options={options} />;
}
