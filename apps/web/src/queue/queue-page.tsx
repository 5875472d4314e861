import { Alert, Box, Button, Stack, Tab, Tabs, Typography } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { codeListsQuery } from '../codes/use-code-lists';
import { useFormat } from '../shell/format';
import { ProblemAlert } from '../shell/problem-alert';
import { useHasPermission, useHasRole, useMe } from '../shell/use-me';
import { AccessRequestsPanel } from './access-requests-panel';
import { CaseQueuePanel } from './case-queue-panel';
import { workQueueQuery } from './queue-queries';
import { useQueueView, type QueueTab } from './queue-view';

const tabId = (tab: QueueTab) => `queue-tab-${tab.id}`;
const panelId = (tab: QueueTab) => `queue-panel-${tab.id}`;

/**
 * `/queue`: the officer's and consul's home, their cases by tab with counts (GET /work-queue); a
 * supervisor's closure approvals of posts without a consul.
 */
export function QueuePage() {
  const { t } = useTranslation('queue');
  const me = useMe();
  const forQueue = useHasRole('officer', 'consul', 'supervisor');
  const mayRegister = useHasPermission('cases:write');
  // Supervisors get the closure approvals of posts without a consul; others are refused the queue.
  const queue = useQuery({ ...workQueueQuery, enabled: forQueue });
  // The table labels its codes: ask for the lists with the counts, not after the cases have come.
  const queryClient = useQueryClient();
  useEffect(() => void queryClient.prefetchQuery(codeListsQuery), [queryClient]);

  return (
    <Stack spacing={3}>
      <Stack
        direction="row"
        sx={{ justifyContent: 'space-between', alignItems: 'center', flexWrap: 'wrap', gap: 2 }}
      >
        <Typography variant="h4" component="h1">
          {t('title')}
        </Typography>
        {mayRegister && (
          <Button component={RouterLink} to="/cases/new" variant="contained">
            {t('newCase')}
          </Button>
        )}
      </Stack>
      {me.data && !forQueue && <Alert severity="info">{t('notForYou')}</Alert>}
      {forQueue && queue.isPending && <Typography role="status">{t('loading')}</Typography>}
      {queue.isError && <ProblemAlert error={queue.error} />}
      {queue.data && <QueueTabs tabs={queue.data.tabs} today={queue.data.today} />}
    </Stack>
  );
}

function QueueTabs({ tabs, today }: { tabs: QueueTab[]; today: string }) {
  const { t } = useTranslation('queue');
  const f = useFormat();
  const view = useQueueView(tabs);
  const selected = view.tab;
  if (!selected) return null;
  return (
    <Box>
      <Box sx={{ borderBottom: 1, borderColor: 'divider' }}>
        <Tabs
          value={selected.id}
          onChange={(_, id: QueueTab['id']) => view.selectTab(id)}
          aria-label={t('tabsLabel')}
          variant="scrollable"
          allowScrollButtonsMobile
        >
          {tabs.map((tab) => (
            <Tab
              key={tab.id}
              value={tab.id}
              id={tabId(tab)}
              aria-controls={panelId(tab)}
              sx={{ alignItems: 'flex-start', textAlign: 'left', minHeight: 64 }}
              label={
                <span>
                  <Box component="span" sx={{ display: 'block' }}>
                    {t('tabCount', { label: t(`tabs.${tab.id}`), count: f.number(tab.count) })}
                  </Box>
                  {tab.overdue ? (
                    <Box
                      component="span"
                      sx={{ display: 'block', fontSize: '0.8rem', color: 'error.dark' }}
                    >
                      {t('overdue', { count: tab.overdue })}
                    </Box>
                  ) : null}
                </span>
              }
            />
          ))}
        </Tabs>
      </Box>
      <Box role="tabpanel" id={panelId(selected)} aria-labelledby={tabId(selected)} sx={{ pt: 3 }}>
        {selected.id === 'access_requests' ? (
          <AccessRequestsPanel />
        ) : (
          <CaseQueuePanel tab={selected} today={today} view={view} />
        )}
      </Box>
    </Box>
  );
}
