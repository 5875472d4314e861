import { Box, Paper, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useCodeLabel } from '../../codes/use-code-lists';
import { useFormat } from '../../shell/format';
import type { CaseDetail } from '../case-queries';
import { useCountries } from '../use-countries';

/** The persons of the case, primary first, as the API answers them. */
export function CasePersons({ persons }: { persons: NonNullable<CaseDetail['persons']> }) {
  const { t } = useTranslation('cases');
  const f = useFormat();
  const label = useCodeLabel();
  const { countryName } = useCountries();
  return (
    <Box component="section" aria-labelledby="persons-title">
      <Typography id="persons-title" variant="h5" component="h2" gutterBottom>
        {t('page.persons')}
      </Typography>
      <Stack spacing={2}>
        {persons.map(({ person, role, relationship }) => (
          <Paper key={person.id} variant="outlined" sx={{ p: 2 }}>
            <Typography variant="h6" component="h3">
              {person.givenNames} {person.familyNames}
            </Typography>
            <Typography variant="body2" sx={{ mb: 1 }}>
              {t(role === 'primary' ? 'page.primary' : 'page.involved')}
              {relationship ? ` · ${relationship}` : ''}
            </Typography>
            <Box
              component="dl"
              sx={{ m: 0, display: 'grid', gap: 1, gridTemplateColumns: 'max-content 1fr' }}
            >
              <dt>{t('page.sex')}</dt>
              <dd style={{ margin: 0 }}>{label('sexes', person.sex)}</dd>
              {person.gender && (
                <>
                  <dt>{t('page.gender')}</dt>
                  <dd style={{ margin: 0 }}>{label('genders', person.gender)}</dd>
                </>
              )}
              <dt>{person.dateOfBirth ? t('page.born') : t('page.age')}</dt>
              <dd style={{ margin: 0 }}>
                {person.dateOfBirth
                  ? f.date(person.dateOfBirth)
                  : person.estimatedAge != null
                    ? t('common.years', { count: person.estimatedAge })
                    : t('common.notSet')}
              </dd>
              <dt>{t('page.nationality')}</dt>
              <dd style={{ margin: 0 }}>{countryName(person.nationalityCode)}</dd>
              {person.documents.length > 0 && (
                <>
                  <dt>{t('page.documents')}</dt>
                  <dd style={{ margin: 0 }}>
                    {person.documents
                      .map((doc) => {
                        const d = doc as {
                          type?: string;
                          number?: string;
                          issuingCountryCode?: string;
                        };
                        return `${label('documentTypes', d.type)} ${d.number ?? ''} (${countryName(d.issuingCountryCode)})`;
                      })
                      .join('; ')}
                  </dd>
                </>
              )}
            </Box>
          </Paper>
        ))}
      </Stack>
    </Box>
  );
}
