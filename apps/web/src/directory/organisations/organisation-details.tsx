import { useTranslation } from 'react-i18next';
import { useFormat } from '../../shell/format';
import { DetailList } from '../common/detail-list';
import { useDirectoryLabel } from '../common/directory-codes';
import { useCountryName } from '../common/use-countries';
import { languageName } from './languages';
import type { Organisation } from './use-organisation';

/** A referral organisation's fields in words, for the directory's readers and its focal point. */
export function OrganisationDetails({ organisation: o }: { organisation: Organisation }) {
  const { t, i18n } = useTranslation('directory');
  const label = useDirectoryLabel();
  const countryName = useCountryName();
  const f = useFormat();
  return (
    <DetailList
      items={[
        [t('organisations.fields.type'), label('organisationTypes', o.type)],
        [t('organisations.fields.description'), o.description],
        [
          t('organisations.fields.services'),
          o.services.map((s) => label('services', s)).join(', '),
        ],
        [
          t('organisations.fields.coverageCountries'),
          o.coverageCountries.map(countryName).join(', '),
        ],
        [
          t('organisations.fields.coverageSubdivisions'),
          o.coverageSubdivisions.length
            ? o.coverageSubdivisions.join(', ')
            : t('organisations.wholeCountries'),
        ],
        [
          t('organisations.fields.languages'),
          o.languages.map((code) => languageName(code, i18n.language)).join(', '),
        ],
        [t('organisations.fields.email'), o.email],
        [t('organisations.fields.phone'), o.phone],
        [t('organisations.fields.website'), o.website],
        [t('organisations.fields.address'), o.address],
        [t('organisations.fields.managedByCountryCode'), countryName(o.managedByCountryCode)],
        [t('common.state'), o.active ? t('common.active') : t('common.inactive')],
        [t('common.updatedAt'), f.dateTime(o.updatedAt)],
      ]}
    />
  );
}
