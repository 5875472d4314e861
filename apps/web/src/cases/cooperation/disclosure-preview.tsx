import { Alert, Box, Paper, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useCodeLabel } from '../../codes/use-code-lists';
import { useFormat } from '../../shell/format';
import { useCountries } from '../use-countries';
import type { DisclosurePreview } from './cooperation-queries';

type Payload = DisclosurePreview['payload'];
type DisclosedPerson = Payload['persons'][number];

/**
 * Exactly what the organisation would receive (the API's preview, built as the sending builds
 * it), with labels for codes; and what stops the sending, in words.
 */
export function DisclosurePreviewPanel({
  preview,
  nameOf,
}: {
  preview: DisclosurePreview;
  nameOf(personId: string): string;
}) {
  const { t } = useTranslation('cooperation');
  const f = useFormat();
  const label = useCodeLabel();
  const { countryName } = useCountries();
  const { i18n } = useTranslation();
  const languageName = (code: string) => {
    try {
      return new Intl.DisplayNames([i18n.language], { type: 'language' }).of(code) ?? code;
    } catch {
      return code;
    }
  };

  const personRows = (p: DisclosedPerson): [string, string][] => {
    const rows: [string, string | null | undefined][] = [
      ['relationship', p.relationship],
      ['givenNames', p.givenNames],
      ['familyNames', p.familyNames],
      ['otherNames', p.otherNames?.join(', ')],
      ['dateOfBirth', p.dateOfBirth ? f.date(p.dateOfBirth) : null],
      ['estimatedAge', p.estimatedAge != null ? String(p.estimatedAge) : null],
      ['sex', p.sex ? label('sexes', p.sex) : null],
      ['gender', p.gender ? label('genders', p.gender) : null],
      ['nationalityCode', p.nationalityCode ? countryName(p.nationalityCode) : null],
      ['originSubdivisionCode', p.originSubdivisionCode],
      ['originMunicipality', p.originMunicipality],
      [
        'documents',
        p.documents
          ?.map(
            (d) =>
              `${label('documentTypes', d.type)} ${d.number} (${countryName(d.issuingCountryCode)})`,
          )
          .join('; '),
      ],
      ['phone', p.phone],
      ['email', p.email],
      ['addressAbroad', p.addressAbroad],
      ['languages', p.languages?.map(languageName).join(', ')],
      ['indigenousLanguage', p.indigenousLanguage],
    ];
    return rows.filter((r): r is [string, string] => r[1] != null && r[1] !== '');
  };
  const c = preview.payload.case;
  const caseRows = (
    [
      ['primaryCategory', c.primaryCategory ? label('caseCategories', c.primaryCategory) : null],
      [
        'secondaryCategories',
        c.secondaryCategories?.map((x) => label('caseCategories', x)).join(', '),
      ],
      [
        'vulnerabilityFlags',
        c.vulnerabilityFlags?.map((x) => label('vulnerabilityFlags', x)).join(', '),
      ],
      ['summary', c.summary],
    ] as [string, string | null | undefined][]
  ).filter((r): r is [string, string] => r[1] != null && r[1] !== '');

  const list = (rows: [string, string][]) => (
    <Box
      component="dl"
      sx={{
        m: 0,
        display: 'grid',
        gap: 0.5,
        columnGap: 2,
        gridTemplateColumns: { xs: '1fr', sm: 'max-content 1fr' },
      }}
    >
      {rows.map(([key, value]) => (
        <Box key={key} sx={{ display: 'contents' }}>
          <dt>{t(`payload.${key}`)}</dt>
          <dd style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{value}</dd>
        </Box>
      ))}
    </Box>
  );

  const blocked = preview.blockers.filter(
    (b) => b.purposeMissing || b.fieldsMissing.length || b.homeAuthoritiesConsentMissing,
  );
  return (
    <Stack spacing={2}>
      {preview.payload.persons.map((p, index) => (
        <Paper key={index} variant="outlined" sx={{ p: 2 }}>
          <Typography variant="h6" component="h3">
            {t(p.role === 'primary' ? 'payload.primary' : 'payload.involved')}
            {preview.blockers[index] ? ` · ${nameOf(preview.blockers[index].personId)}` : ''}
          </Typography>
          {personRows(p).length ? (
            list(personRows(p))
          ) : (
            <Typography>{t('refer.previewNothing')}</Typography>
          )}
        </Paper>
      ))}
      {caseRows.length > 0 && (
        <Paper variant="outlined" sx={{ p: 2 }}>
          <Typography variant="h6" component="h3">
            {t('payload.case')}
          </Typography>
          {list(caseRows)}
        </Paper>
      )}
      {blocked.length > 0 ? (
        <Alert severity={preview.asylumSafeguard ? 'error' : 'warning'}>
          <Typography component="h3" variant="subtitle1" sx={{ fontWeight: 700 }}>
            {t('refer.blockers')}
          </Typography>
          <ul style={{ margin: 0, paddingLeft: '1.2em' }}>
            {blocked.flatMap((b) => {
              const name = nameOf(b.personId);
              return [
                b.homeAuthoritiesConsentMissing && (
                  <li key={`${b.personId}-home`}>{t('refer.homeAuthorities', { name })}</li>
                ),
                b.purposeMissing && (
                  <li key={`${b.personId}-purpose`}>{t('refer.purposeMissing', { name })}</li>
                ),
                b.fieldsMissing.length > 0 && (
                  <li key={`${b.personId}-fields`}>
                    {t('refer.fieldsMissing', {
                      name,
                      fields: b.fieldsMissing.map((x) => t(`fields.${x}`)).join(', '),
                    })}
                  </li>
                ),
              ].filter(Boolean);
            })}
          </ul>
        </Alert>
      ) : (
        <Alert severity="success">{t('refer.ready')}</Alert>
      )}
    </Stack>
  );
}
