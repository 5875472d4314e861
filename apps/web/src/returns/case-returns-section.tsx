import { Box, Link, List, ListItem, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { QueryState } from '../directory/common/query-state';
import { useFormat } from '../shell/format';
import { useCaseReturns } from './return-queries';

/** On the case page: the return movements the case is on, each a link to its page. */
export function CaseReturnsSection({ caseId }: { caseId: string }) {
  const { t } = useTranslation('returns');
  const f = useFormat();
  const returns = useCaseReturns(caseId);
  return (
    <Box component="section" aria-labelledby="case-returns-title">
      <Typography id="case-returns-title" variant="h5" component="h2" gutterBottom>
        {t('caseSection.title')}
      </Typography>
      <QueryState isPending={returns.isPending} error={returns.error} />
      {returns.data?.items.length === 0 && <Typography>{t('caseSection.none')}</Typography>}
      {returns.data && returns.data.items.length > 0 && (
        <List disablePadding>
          {returns.data.items.map(({ movement: m, childReturn }) => (
            <ListItem key={m.id} disableGutters>
              <Link component={RouterLink} to={`/returns/${m.id}`}>
                {t('caseSection.item', {
                  mode: t(`modeWords.${m.mode}`),
                  date: f.dateTime(m.plannedDepartureAt),
                  status: t(`statuses.${m.status}`),
                })}
                {childReturn ? t('caseSection.child') : ''}
              </Link>
            </ListItem>
          ))}
        </List>
      )}
    </Box>
  );
}
