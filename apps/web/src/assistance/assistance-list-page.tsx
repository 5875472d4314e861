import { Box, Link, Stack, Tab, Tabs, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { ListHeading, ResultsTable } from '../directory/common/results-table';
import { useFormat } from '../shell/format';
import {
  assistanceCountsQuery,
  useAssistanceList,
  type AssistanceRequest,
  type Direction,
} from './assistance-queries';

const DIRECTIONS: Direction[] = ['incoming', 'outgoing'];

/** `/assistance`: the requests the caller's posts received and sent, one tab each with its pending count. */
export function AssistanceListPage() {
  const { t } = useTranslation('assistance');
  const f = useFormat();
  const [params, setParams] = useSearchParams();
  const direction: Direction = params.get('direction') === 'outgoing' ? 'outgoing' : 'incoming';
  const cursor = params.get('cursor') ?? undefined;
  const counts = useQuery(assistanceCountsQuery);
  const list = useAssistanceList(direction, cursor);
  const pending = (d: Direction) =>
    d === 'incoming' ? counts.data?.incomingPending : counts.data?.outgoingPending;

  const post = (p: AssistanceRequest['requestingPost']) =>
    t('detail.post', { name: p.name, country: p.countryCode });
  return (
    <Stack spacing={2}>
      <ListHeading title={t('list.title')} />
      <Typography>{t('list.intro')}</Typography>
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
              id={`assistance-tab-${d}`}
              aria-controls="assistance-panel"
              label={
                pending(d) === undefined
                  ? t(`list.${d}`)
                  : t('list.tabCount', { label: t(`list.${d}`), count: f.number(pending(d)!) })
              }
            />
          ))}
        </Tabs>
      </Box>
      <Box role="tabpanel" id="assistance-panel" aria-labelledby={`assistance-tab-${direction}`}>
        <ResultsTable<AssistanceRequest>
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
              header: t('list.requested'),
              cell: (r) => (
                <Link component={RouterLink} to={`/assistance/${r.id}`}>
                  {t('list.open', { date: f.dateTime(r.requestedAt) })}
                </Link>
              ),
            },
            { header: t('list.from'), cell: (r) => post(r.requestingPost) },
            { header: t('list.to'), cell: (r) => post(r.receivingPost) },
            { header: t('list.kind'), cell: (r) => t(`kinds.${r.kind}`) },
            { header: t('list.reason'), cell: (r) => t(`reasons.${r.reason}`) },
            { header: t('list.status'), cell: (r) => t(`statuses.${r.status}`) },
          ]}
        />
      </Box>
    </Stack>
  );
}
