import { Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { ListHeading } from '../directory/common/results-table';
import { useListParams } from '../directory/common/use-list-params';
import { useSearchPractices } from './practice-queries';
import { PracticesTable } from './practices-table';

const NO_FILTERS = [] as const;

/** `/practices/review`: the secretariat's queue, the entries submitted for review. */
export function ReviewQueuePage() {
  const { t } = useTranslation('practices');
  const { cursor, goToCursor } = useListParams(NO_FILTERS);
  const list = useSearchPractices({ status: 'submitted', sort: 'updatedAt', cursor, limit: 50 });
  return (
    <Stack spacing={2}>
      <ListHeading title={t('reviewQueue')} />
      <Typography>{t('list.reviewIntro')}</Typography>
      <PracticesTable
        list={list}
        caption={t('list.reviewCaption')}
        cursor={cursor}
        onPage={goToCursor}
      />
    </Stack>
  );
}
