import {
  Link,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { components } from '../api/schema';
import { QueryState } from '../directory/common/query-state';
import { useFormat } from '../shell/format';
import { cooperationQueueQuery } from './cooperation-queue-query';

type Counts = components['schemas']['CooperationCountsResponse'];

/** One column of the queue: its label, where its figure comes from and the list that shows it. */
interface Column {
  label:
    | 'referralsPending'
    | 'referralsAccepted'
    | 'referralsOverdue'
    | 'assistanceIncoming'
    | 'assistanceActive'
    | 'assistanceOutgoing'
    | 'transfersIncoming'
    | 'transfersOutgoing';
  count(c: Counts): number;
  list: string;
}

const GROUPS: { group: 'referrals' | 'assistance' | 'transfers'; columns: Column[] }[] = [
  {
    group: 'referrals',
    columns: [
      {
        label: 'referralsPending',
        count: (c) => c.referrals.pending,
        list: '/referrals?status=pending',
      },
      {
        label: 'referralsAccepted',
        count: (c) => c.referrals.accepted,
        list: '/referrals?status=accepted',
      },
      {
        label: 'referralsOverdue',
        count: (c) => c.referrals.overdueFollowUps,
        list: '/referrals?overdue=true',
      },
    ],
  },
  {
    group: 'assistance',
    columns: [
      {
        label: 'assistanceIncoming',
        count: (c) => c.assistanceRequests.incomingPending,
        list: '/assistance',
      },
      {
        label: 'assistanceActive',
        count: (c) => c.assistanceRequests.incomingActive,
        list: '/assistance',
      },
      {
        label: 'assistanceOutgoing',
        count: (c) => c.assistanceRequests.outgoingPending,
        list: '/assistance?direction=outgoing',
      },
    ],
  },
  {
    group: 'transfers',
    columns: [
      { label: 'transfersIncoming', count: (c) => c.transfers.incomingPending, list: '/transfers' },
      {
        label: 'transfersOutgoing',
        count: (c) => c.transfers.outgoingPending,
        list: '/transfers?direction=outgoing',
      },
    ],
  },
];

/**
 * The cooperation work queue (GET /cooperation-queue): per post, what waits among referrals,
 * assistance requests and transfers; every figure above zero opens the list it counts.
 */
export function CooperationQueueTable() {
  const { t } = useTranslation('cooperationQueue');
  const f = useFormat();
  const queue = useQuery(cooperationQueueQuery);
  const data = queue.data;
  const columns = GROUPS.flatMap((g) => g.columns);
  const figure = (column: Column, counts: Counts) => {
    const n = column.count(counts);
    if (n === 0) return f.number(0);
    return (
      <Link
        component={RouterLink}
        to={column.list}
        aria-label={t('queue.openList', { count: f.number(n), what: t(`queue.${column.label}`) })}
      >
        {f.number(n)}
      </Link>
    );
  };
  return (
    <section aria-labelledby="cooperation-queue-title">
      <Typography variant="h5" component="h2" id="cooperation-queue-title" sx={{ mb: 1 }}>
        {t('queue.title')}
      </Typography>
      <QueryState isPending={queue.isPending} error={queue.error} />
      {data && data.posts.length === 0 && <Typography role="status">{t('queue.none')}</Typography>}
      {data && data.posts.length > 0 && (
        <TableContainer>
          <Table size="small">
            <caption>{t('queue.caption')}</caption>
            <TableHead>
              <TableRow>
                <TableCell rowSpan={2} component="th" scope="col">
                  {t('queue.post')}
                </TableCell>
                {GROUPS.map((g) => (
                  <TableCell
                    key={g.group}
                    colSpan={g.columns.length}
                    component="th"
                    scope="colgroup"
                    align="center"
                  >
                    {t(`queue.groups.${g.group}`)}
                  </TableCell>
                ))}
              </TableRow>
              <TableRow>
                {columns.map((c) => (
                  <TableCell key={c.label} component="th" scope="col" align="right">
                    {t(`queue.${c.label}`)}
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {data.posts.map((post) => (
                <TableRow key={post.consulateId}>
                  <TableCell component="th" scope="row">
                    {post.consulateName}{' '}
                    <span style={{ whiteSpace: 'nowrap' }}>
                      ({post.countryCode}-{post.postCode})
                    </span>
                  </TableCell>
                  {columns.map((c) => (
                    <TableCell key={c.label} align="right">
                      {figure(c, post)}
                    </TableCell>
                  ))}
                </TableRow>
              ))}
              {data.posts.length > 1 && (
                <TableRow>
                  <TableCell component="th" scope="row" sx={{ fontWeight: 'bold' }}>
                    {t('queue.total')}
                  </TableCell>
                  {columns.map((c) => (
                    <TableCell key={c.label} align="right" sx={{ fontWeight: 'bold' }}>
                      {figure(c, data.totals)}
                    </TableCell>
                  ))}
                </TableRow>
              )}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </section>
  );
}
