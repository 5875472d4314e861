import { Box, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useCodeLabel } from '../codes/use-code-lists';
import { DetailList } from '../directory/common/detail-list';
import { useFormat } from '../shell/format';
import type { AssistancePayload } from './assistance-queries';

/** Exactly what a request carries: each person's disclosed fields, then the case's. */
export function PayloadView({
  payload,
  headingLevel = 3,
}: {
  payload: AssistancePayload;
  headingLevel?: 3 | 4;
}) {
  const { t } = useTranslation('assistance');
  const label = useCodeLabel();
  const f = useFormat();
  const heading = `h${headingLevel}` as const;
  const c = payload.case;
  const caseItems: [string, string][] = [
    ...(c.primaryCategory !== undefined
      ? ([[t('payload.primaryCategory'), label('caseCategories', c.primaryCategory)]] as [
          string,
          string,
        ][])
      : []),
    ...(c.secondaryCategories?.length
      ? ([
          [
            t('payload.secondaryCategories'),
            c.secondaryCategories.map((code) => label('caseCategories', code)).join(', '),
          ],
        ] as [string, string][])
      : []),
    ...(c.vulnerabilityFlags?.length
      ? ([
          [
            t('payload.vulnerabilityFlags'),
            c.vulnerabilityFlags.map((code) => label('vulnerabilityFlags', code)).join(', '),
          ],
        ] as [string, string][])
      : []),
    ...(c.summary !== undefined ? ([[t('payload.summary'), c.summary]] as [string, string][]) : []),
  ];
  return (
    <Stack spacing={2}>
      {payload.persons.map((p, index) => {
        const items: [string, string][] = [];
        const add = (key: string, value: string | null | undefined, present: boolean) => {
          if (present) items.push([t(`payload.${key}`), value ?? '']);
        };
        add('givenNames', p.givenNames, p.givenNames !== undefined);
        add('familyNames', p.familyNames, p.familyNames !== undefined);
        add('dateOfBirth', f.date(p.dateOfBirth), p.dateOfBirth !== undefined);
        add('estimatedAge', p.estimatedAge?.toString(), p.estimatedAge != null);
        add('sex', label('sexes', p.sex), p.sex !== undefined);
        add('gender', p.gender ? label('genders', p.gender) : '', p.gender != null);
        add('nationalityCode', p.nationalityCode, p.nationalityCode !== undefined);
        add(
          'origin',
          [p.originSubdivisionCode, p.originMunicipality].filter(Boolean).join(', '),
          p.originSubdivisionCode !== undefined,
        );
        add(
          'documents',
          p.documents
            ?.map((d) => `${label('documentTypes', d.type)} ${d.number} (${d.issuingCountryCode})`)
            .join('; '),
          p.documents !== undefined,
        );
        add('phone', p.phone, p.phone !== undefined);
        add('email', p.email, p.email !== undefined);
        add('addressAbroad', p.addressAbroad, p.addressAbroad !== undefined);
        add('languages', p.languages?.join(', '), p.languages !== undefined);
        return (
          <Box key={index}>
            <Typography variant="h6" component={heading} gutterBottom>
              {p.role === 'primary' ? t('payload.primary') : t('payload.involved')}
            </Typography>
            {items.length ? (
              <DetailList items={items} />
            ) : (
              <Typography>{t('payload.nothing')}</Typography>
            )}
          </Box>
        );
      })}
      {caseItems.length > 0 && (
        <Box>
          <Typography variant="h6" component={heading} gutterBottom>
            {t('payload.case')}
          </Typography>
          <DetailList items={caseItems} />
        </Box>
      )}
    </Stack>
  );
}
