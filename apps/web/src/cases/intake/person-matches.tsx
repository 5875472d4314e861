import { Button, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useCodeLabel } from '../../codes/use-code-lists';
import { useFormat } from '../../shell/format';
import { useCountries } from '../use-countries';
import type { FoundPerson } from './intake-form';

/** Registered persons who may be the one being registered, each with "use this person". */
export function PersonMatches({
  matches,
  dateOfBirth,
  onUse,
}: {
  matches: FoundPerson[];
  dateOfBirth: string;
  onUse(person: FoundPerson): void;
}) {
  const { t } = useTranslation('cases');
  const f = useFormat();
  const label = useCodeLabel();
  const { countryName } = useCountries();
  return (
    <Table size="small" aria-label={t('duplicates.caption')}>
      <TableHead>
        <TableRow>
          <TableCell scope="col">{t('duplicates.name')}</TableCell>
          <TableCell scope="col">{t('duplicates.birth')}</TableCell>
          <TableCell scope="col">{t('duplicates.nationality')}</TableCell>
          <TableCell scope="col">{t('duplicates.cases')}</TableCell>
          <TableCell scope="col">{t('duplicates.action')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {matches.map((person) => (
          <TableRow key={person.id}>
            <TableCell component="th" scope="row">
              {person.givenNames} {person.familyNames}
              {person.masked && ` (${t('common.masked')})`}
            </TableCell>
            <TableCell>
              {person.dateOfBirth
                ? f.date(person.dateOfBirth)
                : person.estimatedAge != null
                  ? t('common.years', { count: person.estimatedAge })
                  : ''}
              {dateOfBirth &&
                person.dateOfBirth === dateOfBirth &&
                ` (${t('duplicates.sameBirth')})`}
              {person.sex && `; ${label('sexes', person.sex)}`}
            </TableCell>
            <TableCell>{countryName(person.nationalityCode)}</TableCell>
            <TableCell>{f.number(person.caseIds.length)}</TableCell>
            <TableCell>
              <Button variant="outlined" size="small" onClick={() => onUse(person)}>
                {t('duplicates.use')}
              </Button>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
