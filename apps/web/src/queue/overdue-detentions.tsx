import {
  Box,
  Link,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { detentionQueueQuery } from '../detention/detention-queries';
import { OverdueReasons } from '../detention/overdue-reasons';
import { useFormat } from '../shell/format';
import { ProblemAlert } from '../shell/problem-alert';
import { useHasPermission } from '../shell/use-me';

/**
 * The work queue's overdue detentions (GET /work-queue/detentions): the case team's detentions past
 * the deployment's rule, most late first, each with why; and, per post in scope, how many — what a
 * supervisor of the country sees.
 */
export function OverdueDetentions() {
  const { t } = useTranslation('detention');
  const f = useFormat();
  const mayRead = useHasPermission('cases:read');
  const queue = useQuery({ ...detentionQueueQuery, enabled: mayRead });
  if (!mayRead) return null;
  const data = queue.data;
  return (
    <Box component="section" aria-labelledby="overdue-detentions-title">
      <Typography id="overdue-detentions-title" variant="h5" component="h2" gutterBottom>
        {t('queue.title')}
      </Typography>
      {queue.isPending && <Typography role="status">{t('queue.loading')}</Typography>}
      {queue.isError && <ProblemAlert error={queue.error} />}
      {data && (
        <>
          <Typography variant="body2" sx={{ mb: 1 }}>
            {t('queue.intro', {
              notification: data.rule.notificationOverdueHours,
              contact: data.rule.firstContactOverdueHours,
              visit: data.rule.visitOverdueDays,
            })}
          </Typography>
          {data.items.length === 0 && data.posts.length === 0 && (
            <Typography>{t('queue.none')}</Typography>
          )}
          {data.items.length > 0 && (
            <Table size="small" aria-labelledby="overdue-detentions-title">
              <TableHead>
                <TableRow>
                  <TableCell component="th" scope="col">
                    {t('queue.case')}
                  </TableCell>
                  <TableCell component="th" scope="col">
                    {t('queue.arrested')}
                  </TableCell>
                  <TableCell component="th" scope="col">
                    {t('queue.reasons')}
                  </TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {data.items.map((item) => (
                  <TableRow key={item.detentionId}>
                    <TableCell component="th" scope="row">
                      <Link component={RouterLink} to={`/cases/${item.caseId}`}>
                        {item.caseReference}
                      </Link>
                    </TableCell>
                    <TableCell>{f.dateTime(item.arrestedAt)}</TableCell>
                    <TableCell sx={{ color: 'error.dark' }}>
                      <OverdueReasons overdue={item.overdue} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          {data.posts.length > 0 && data.items.length === 0 && (
            <Table size="small" aria-label={t('queue.posts')} sx={{ mt: 2, maxWidth: 560 }}>
              <TableHead>
                <TableRow>
                  <TableCell component="th" scope="col">
                    {t('queue.post')}
                  </TableCell>
                  <TableCell component="th" scope="col" align="right">
                    {t('queue.count')}
                  </TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {data.posts.map((post) => (
                  <TableRow key={post.consulateId}>
                    <TableCell component="th" scope="row">
                      {post.consulateName} ({post.postCode})
                    </TableCell>
                    <TableCell align="right">{f.number(post.overdue)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </>
      )}
    </Box>
  );
}
