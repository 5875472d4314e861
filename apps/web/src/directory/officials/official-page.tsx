import { Button, Link, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import { useFormat } from '../../shell/format';
import { useHasPermission } from '../../shell/use-me';
import { DetailList } from '../common/detail-list';
import { useDirectoryLabel } from '../common/directory-codes';
import { QueryState } from '../common/query-state';
import { useCountryName } from '../common/use-countries';
import { useOfficial } from './use-official';

/** An accredited official: their post, topics, accreditation and work contact. */
export function OfficialPage() {
  const { t } = useTranslation('directory');
  const { id } = useParams();
  const official = useOfficial(id);
  const mayManage = useHasPermission('directory:manage');
  const label = useDirectoryLabel();
  const countryName = useCountryName();
  const f = useFormat();
  if (!official.data) return <QueryState isPending={official.isPending} error={official.error} />;
  const o = official.data;
  return (
    <Stack spacing={3}>
      <Typography variant="h4" component="h1">
        {o.name}
      </Typography>
      {mayManage && (
        <Button
          component={RouterLink}
          to={`/directory/officials/${o.id}/edit`}
          variant="contained"
          sx={{ alignSelf: 'start' }}
        >
          {t('common.edit')}
        </Button>
      )}
      <DetailList
        items={[
          [t('officials.fields.title'), o.title],
          [
            t('officials.fields.consulateId'),
            <Link key="post" component={RouterLink} to={`/directory/consulates/${o.consulateId}`}>
              {o.consulateName}
            </Link>,
          ],
          [t('officials.fields.location'), `${o.city}, ${countryName(o.hostCountryCode)}`],
          [t('officials.fields.sendingCountryCode'), countryName(o.sendingCountryCode)],
          [
            t('officials.fields.topics'),
            o.topics.map((topic) => label('topics', topic)).join(', '),
          ],
          [t('officials.fields.accreditedFrom'), f.date(o.accreditedFrom)],
          [t('officials.fields.accreditedTo'), f.date(o.accreditedTo)],
          [t('officials.fields.workEmail'), o.workEmail],
          [t('officials.fields.workPhone'), o.workPhone],
          [t('common.updatedAt'), f.dateTime(o.updatedAt)],
        ]}
      />
    </Stack>
  );
}
