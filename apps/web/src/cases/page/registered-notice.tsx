import { Alert, AlertTitle } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { RegisteredState } from '../registered-state';

type Duplicate = RegisteredState['registered']['possibleDuplicates'][number];

/**
 * After registration: the case exists (the API warns, it does not refuse), but the registry found
 * persons like the new one; the officer should check them, as no route merges persons yet.
 */
export function RegisteredNotice({ registered }: RegisteredState) {
  const { t } = useTranslation('cases');
  const describe = (d: Duplicate) =>
    t('duplicates.item', {
      initials: d.initials,
      birth: d.birthYear
        ? t('duplicates.bornIn', { year: d.birthYear })
        : d.estimatedAge != null
          ? t('common.years', { count: d.estimatedAge })
          : t('duplicates.unknownBirth'),
      matched: d.matchedOn.map((m) => t(`duplicates.matchedOn.${m}`)).join(', '),
    });
  return (
    <Alert severity={registered.possibleDuplicates.length ? 'warning' : 'success'} role="status">
      <AlertTitle component="p">
        {t('intake.created', { reference: registered.reference })}
      </AlertTitle>
      {registered.possibleDuplicates.length > 0 && (
        <>
          <strong>{t('duplicates.afterTitle')}</strong>{' '}
          {t('duplicates.afterIntro', {
            list: registered.possibleDuplicates.map(describe).join('; '),
          })}
        </>
      )}
    </Alert>
  );
}
