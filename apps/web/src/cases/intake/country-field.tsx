import { Autocomplete, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useCountries } from '../use-countries';

/** A country chosen by typing its name in the current language (ISO 3166-1 code as the value). */
export function CountryField({
  id,
  label,
  value,
  onChange,
  error,
  required,
}: {
  id: string;
  label: string;
  value: string;
  onChange(code: string): void;
  error?: string;
  required?: boolean;
}) {
  const { i18n } = useTranslation();
  const { countries } = useCountries();
  const name = (code: string) => {
    const country = countries.find((c) => c.code === code);
    return country ? (i18n.language === 'en' ? country.nameEn : country.nameEs) : code;
  };
  return (
    <Autocomplete
      id={id}
      options={countries.map((c) => c.code)}
      getOptionLabel={name}
      value={value || null}
      onChange={(_, code) => onChange(code ?? '')}
      renderInput={(params) => (
        <TextField
          {...params}
          label={label}
          required={required}
          error={Boolean(error)}
          helperText={error}
        />
      )}
    />
  );
}
