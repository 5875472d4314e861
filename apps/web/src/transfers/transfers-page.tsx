import { Alert, Box, Button, Link, Stack, Tab, Tabs, Typography } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { unwrap } from '../api/call';
import { api } from '../api/client';
import { ListHeading, ResultsTable } from '../directory/common/results-table';
import { useFormat } from '../shell/format';
import { ProblemAlert } from '../shell/problem-alert';
import { useMe, type Me } from '../shell/use-me';
import { AcceptTransferDialog, RejectTransferDialog } from './decision-dialogs';
import {
  mayCancel,
  transferKeys,
  usePendingCount,
  useTransferList,
  type Direction,
  type Transfer,
} from './transfer-queries';

const DIRECTIONS: Direction[] = ['incoming', 'outgoing'];

/** Who decides an incoming transfer: the receiving post's consul, or a supervisor of the country. */
const mayDecide = (transfer: Transfer, me: Me | undefined) =>
  transfer.status === 'pending' &&
  (me?.grants.some(
    (g) =>
      (g.role === 'consul' && g.consulateId === transfer.toConsulateId) || g.role === 'supervisor',
  ) ??
    false);

type Open = { accept: Transfer } | { reject: Transfer } | null;

/**
 * `/transfers`: the cases proposed to the caller's posts (incoming) and from them (outgoing), one
 * tab each with its pending count; the receiving consul accepts or declines incoming ones here.
 */
export function TransfersPage() {
  const { t } = useTranslation('transfers');
  const f = useFormat();
  const me = useMe().data;
  const [params, setParams] = useSearchParams();
  const direction: Direction = params.get('direction') === 'outgoing' ? 'outgoing' : 'incoming';
  const cursor = params.get('cursor') ?? undefined;
  const list = useTransferList(direction, cursor);
  const counts = { incoming: usePendingCount('incoming'), outgoing: usePendingCount('outgoing') };
  const [open, setOpen] = useState<Open>(null);
  const [decided, setDecided] = useState<Transfer | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  const queryClient = useQueryClient();
  const withdraw = useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST('/api/v1/transfers/{id}/cancel', { params: { path: { id } } })),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: transferKeys.all });
      done(saved);
    },
  });

  const show = (next: Open, button: HTMLElement) => {
    opener.current = button;
    setOpen(next);
  };
  const close = () => {
    setOpen(null);
    setTimeout(() => {
      const back = opener.current?.isConnected
        ? opener.current
        : document.getElementById('decided');
      back?.focus();
    });
  };
  const done = (saved: Transfer) => {
    setDecided(saved);
    setOpen(null);
    setTimeout(() => document.getElementById('decided')?.focus());
  };

  return (
    <Stack spacing={2}>
      <ListHeading title={t('list.title')} />
      <Typography>{t('list.intro')}</Typography>
      {decided && (
        <Alert severity="success" id="decided" tabIndex={-1}>
          {decided.status === 'accepted' ? (
            <>
              {t('list.accepted', { reference: decided.newReference ?? '' })}{' '}
              <Link component={RouterLink} to={`/cases/${decided.caseId}`}>
                {t('list.openCase', { reference: decided.newReference ?? '' })}
              </Link>
            </>
          ) : (
            t(decided.status === 'cancelled' ? 'list.withdrawn' : 'list.rejected', {
              reference: decided.caseReference,
            })
          )}
        </Alert>
      )}
      {withdraw.isError && <ProblemAlert error={withdraw.error} />}
      <Box sx={{ borderBottom: 1, borderColor: 'divider' }}>
        <Tabs
          value={direction}
          onChange={(_, next: Direction) =>
            setParams(next === 'incoming' ? {} : { direction: next })
          }
          aria-label={t('list.tabsLabel')}
        >
          {DIRECTIONS.map((d) => (
            <Tab
              key={d}
              value={d}
              id={`transfers-tab-${d}`}
              aria-controls="transfers-panel"
              label={
                counts[d] === undefined
                  ? t(`list.${d}`)
                  : t('list.tabCount', { label: t(`list.${d}`), count: f.number(counts[d]) })
              }
            />
          ))}
        </Tabs>
      </Box>
      <Box role="tabpanel" id="transfers-panel" aria-labelledby={`transfers-tab-${direction}`}>
        <ResultsTable<Transfer>
          list={list}
          caption={t(`list.captions.${direction}`)}
          rowKey={(r) => r.id}
          cursor={cursor}
          onPage={(next) =>
            setParams({
              ...(direction === 'outgoing' ? { direction } : {}),
              ...(next ? { cursor: next } : {}),
            })
          }
          columns={[
            {
              header: t('list.case'),
              cell: (r) =>
                r.status === 'accepted' && r.newReference ? (
                  <Stack sx={{ whiteSpace: 'nowrap' }}>
                    <Link component={RouterLink} to={`/cases/${r.caseId}`}>
                      {r.newReference}
                    </Link>
                    <Typography variant="body2">
                      {t('list.formerly', { reference: r.caseReference })}
                    </Typography>
                  </Stack>
                ) : (
                  <Box component="span" sx={{ whiteSpace: 'nowrap' }}>
                    {r.caseReference}
                  </Box>
                ),
            },
            {
              header: t('list.route'),
              cell: (r) =>
                t('list.fromTo', { from: r.fromConsulateName ?? '', to: r.toConsulateName ?? '' }),
            },
            { header: t('list.reason'), cell: (r) => r.reason },
            {
              header: t('list.proposed'),
              cell: (r) =>
                t('list.proposedByAt', {
                  who: r.proposedByName ?? '',
                  date: f.dateTime(r.proposedAt),
                }),
            },
            {
              header: t('list.status'),
              cell: (r) => (
                <Stack>
                  <span>{t(`statuses.${r.status}` as 'statuses.pending')}</span>
                  {r.rejectionReason && (
                    <Typography variant="body2">
                      {t('list.rejectionReason', { reason: r.rejectionReason })}
                    </Typography>
                  )}
                </Stack>
              ),
            },
            {
              header: t('list.actions'),
              cell: (r) =>
                direction === 'incoming' && mayDecide(r, me) ? (
                  <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap' }}>
                    <Button
                      size="small"
                      variant="contained"
                      aria-label={t('list.acceptCase', { reference: r.caseReference })}
                      onClick={(e) => show({ accept: r }, e.currentTarget)}
                    >
                      {t('list.accept')}
                    </Button>
                    <Button
                      size="small"
                      variant="outlined"
                      aria-label={t('list.rejectCase', { reference: r.caseReference })}
                      onClick={(e) => show({ reject: r }, e.currentTarget)}
                    >
                      {t('list.reject')}
                    </Button>
                  </Stack>
                ) : direction === 'outgoing' && r.status === 'pending' && mayCancel(r, me) ? (
                  <Button
                    size="small"
                    variant="outlined"
                    aria-label={t('list.withdrawCase', { reference: r.caseReference })}
                    loading={withdraw.isPending && withdraw.variables === r.id}
                    onClick={() => withdraw.mutate(r.id)}
                  >
                    {t('list.withdraw')}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Box>
      {open && 'accept' in open && (
        <AcceptTransferDialog transfer={open.accept} onClose={close} onDone={done} />
      )}
      {open && 'reject' in open && (
        <RejectTransferDialog transfer={open.reject} onClose={close} onDone={done} />
      )}
    </Stack>
  );
}
