import {
  Box,
  Button,
  Checkbox,
  FormControl,
  FormControlLabel,
  FormHelperText,
  FormLabel,
  Radio,
  RadioGroup,
  Stack,
} from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../shell/i18n';
import { useMe } from '../shell/use-me';
import { BreakdownFields, breakdownFieldId } from './breakdown-fields';
import { checkBreakdown } from './check-breakdown';
import { breakdownFrom, measuresFrom, MEASURE_IDS, type MeasureId } from './statistics-model';
import type { ExportRequest } from './use-exports';

export const EXPORT_FORM = 'export';

type Kind = ExportRequest['kind'];
type Format = ExportRequest['format'];
const FORMATS: Format[] = ['csv', 'xlsx', 'json'];
const LANGUAGES: Language[] = ['es', 'en'];

/** Group titles read like the breakdown's legends: one visual level for every group of fields. */
const legendSx = { typography: 'subtitle1', fontWeight: 700, color: 'text.primary' } as const;

/** Element ids of the form's own fields (the breakdown's come from BreakdownFields). */
export const exportFieldId = (field: string) => breakdownFieldId(EXPORT_FORM, field);

interface Props {
  /** The URL's search: "Export this table" on the statistics screen fills the form with it. */
  search: URLSearchParams;
  errors: Record<string, string>;
  busy: boolean;
  onInvalid: (errors: Record<string, string>) => void;
  onSubmit: (request: ExportRequest) => void;
}

function Choice<T extends string>({
  field,
  label,
  value,
  options,
  optionLabel,
  onChange,
  error,
}: {
  field: string;
  label: string;
  value: T;
  options: readonly T[];
  optionLabel: (option: T) => string;
  onChange: (value: T) => void;
  error?: string;
}) {
  const labelId = `${exportFieldId(field)}-label`;
  return (
    <FormControl error={Boolean(error)}>
      <FormLabel id={labelId} sx={legendSx}>
        {label}
      </FormLabel>
      <RadioGroup
        row
        aria-labelledby={labelId}
        value={value}
        onChange={(event) => onChange(event.target.value as T)}
      >
        {options.map((option, index) => (
          <FormControlLabel
            key={option}
            value={option}
            control={<Radio id={index === 0 ? exportFieldId(field) : undefined} />}
            label={optionLabel(option)}
          />
        ))}
      </RadioGroup>
      {error && <FormHelperText>{error}</FormHelperText>}
    </FormControl>
  );
}

/** What to export: kind, measures, breakdown, format and language (POST /exports). */
export function ExportRequestForm({ search, errors, busy, onInvalid, onSubmit }: Props) {
  const { t, i18n } = useTranslation('statistics');
  const me = useMe();
  const mayRegional = me.data?.grants.some((g) => g.role === 'analyst') ?? false;
  const [kind, setKind] = useState<Kind>('statistics');
  const [measures, setMeasures] = useState<MeasureId[]>(() => {
    const named = measuresFrom(search);
    return named.length ? named : ['cases_opened'];
  });
  const [breakdown, setBreakdown] = useState(() => breakdownFrom(search));
  const [format, setFormat] = useState<Format>('csv');
  const [language, setLanguage] = useState<Language>(i18n.language as Language);

  const toggle = (measure: MeasureId, on: boolean) =>
    setMeasures((current) =>
      on
        ? MEASURE_IDS.filter((m) => m === measure || current.includes(m))
        : current.filter((m) => m !== measure),
    );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = checkBreakdown(breakdown, t);
    if (measures.length === 0) problems.measures = t('form.measuresRequired');
    if (Object.keys(problems).length) return onInvalid(problems);
    const filters = Object.fromEntries(
      Object.entries(breakdown.filters).filter(([, codes]) => codes?.length),
    );
    onSubmit({
      kind,
      measures,
      dimensions: breakdown.dimensions,
      period: breakdown.period,
      from: breakdown.from,
      to: breakdown.to,
      ...(Object.keys(filters).length ? { filters } : {}),
      format,
      language,
    });
  };

  return (
    <Box component="form" noValidate onSubmit={submit} aria-labelledby="export-request-title">
      <Stack spacing={3}>
        {mayRegional && (
          <Choice
            field="kind"
            label={t('exports.kind')}
            value={kind}
            options={['statistics', 'regional'] as const}
            optionLabel={(k) => t(`exports.kinds.${k}`)}
            onChange={setKind}
            error={errors.kind}
          />
        )}
        <FormControl component="fieldset" error={Boolean(errors.measures)} required>
          <FormLabel component="legend" sx={legendSx}>
            {t('form.measures')}
          </FormLabel>
          <FormHelperText sx={{ mx: 0 }}>{t('form.measuresHint')}</FormHelperText>
          <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' } }}>
            {MEASURE_IDS.map((measure, index) => (
              <FormControlLabel
                key={measure}
                control={
                  <Checkbox
                    id={index === 0 ? exportFieldId('measures') : undefined}
                    checked={measures.includes(measure)}
                    onChange={(event) => toggle(measure, event.target.checked)}
                  />
                }
                label={t(`measures.${measure}`)}
              />
            ))}
          </Box>
          {errors.measures && <FormHelperText>{errors.measures}</FormHelperText>}
        </FormControl>
        <BreakdownFields
          idPrefix={EXPORT_FORM}
          value={breakdown}
          onChange={setBreakdown}
          measures={measures}
          errors={errors}
        />
        <Choice
          field="format"
          label={t('exports.format')}
          value={format}
          options={FORMATS}
          optionLabel={(f) => t(`exports.formats.${f}`)}
          onChange={setFormat}
          error={errors.format}
        />
        <Choice
          field="language"
          label={t('exports.language')}
          value={language}
          options={LANGUAGES}
          optionLabel={(l) => t(`exports.languages.${l}`)}
          onChange={setLanguage}
          error={errors.language}
        />
        <Box>
          <Button type="submit" variant="contained" disabled={busy}>
            {busy ? t('exports.submitting') : t('exports.submit')}
          </Button>
        </Box>
      </Stack>
    </Box>
  );
}
