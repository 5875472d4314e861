import { Box, Button, Stack, Typography } from '@mui/material';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { unwrap } from '../api/call';
import { api } from '../api/client';
import { useFormat } from '../shell/format';
import { OverdueDetentions } from '../queue/overdue-detentions';
import { ProblemAlert } from '../shell/problem-alert';
import { useHasRole } from '../shell/use-me';
import { OfficerTable, PostTable } from './caseload-tables';
import { CaseloadTiles } from './caseload-tiles';
import { useDashboardView } from './dashboard-view';
import { OpenedClosedSection } from './opened-closed-section';
import { caseloadDates } from './period';
import { PeriodForm } from './period-form';
import { useScopePosts, type ScopePost } from './use-scope-posts';

/**
 * `/dashboard`: the caseload of the supervisor's country (or the consul's post) from GET
 * /caseload: figures that link to their cases, by post and by officer, and over time.
 */
export function DashboardPage() {
  const { t } = useTranslation('dashboard');
  const { t: tShell } = useTranslation();
  const f = useFormat();
  const view = useDashboardView();
  const query = { ...caseloadDates(view.period), consulateId: view.consulateId };
  const caseload = useQuery({
    queryKey: ['cases', 'caseload', query],
    queryFn: () => unwrap(api.GET('/api/v1/caseload', { params: { query } })),
    placeholderData: keepPreviousData,
  });
  const scopePosts = useScopePosts();
  // Supervisors land here, not on the work queue: its overdue detentions, counted per post.
  const supervises = useHasRole('supervisor');
  // A post narrowed to stays in the list while the directory loads.
  const posts: ScopePost[] = [
    ...scopePosts,
    ...(caseload.data?.byPost ?? [])
      .filter((post) => !scopePosts.some((known) => known.id === post.consulateId))
      .map((post) => ({ id: post.consulateId, name: post.name, postCode: post.postCode })),
  ];

  return (
    <Stack spacing={4}>
      <Typography variant="h4" component="h1">
        {t('title')}
      </Typography>
      <PeriodForm
        key={`${view.period.from}/${view.period.to}/${view.consulateId ?? ''}`}
        period={view.period}
        consulateId={view.consulateId}
        posts={posts}
        onShow={view.show}
        onReset={view.reset}
      />
      {/* A supervisor's queue holds the closure requests of posts without a consul; reached from
          here, the supervisor's home, to keep the menu of a long-menu user on one line. */}
      {supervises && (
        <Box>
          <Button component={RouterLink} to="/queue" variant="outlined">
            {tShell('nav.closureApprovals')}
          </Button>
        </Box>
      )}
      {caseload.isPending && <Typography role="status">{t('loading')}</Typography>}
      {caseload.isError && <ProblemAlert error={caseload.error} />}
      {caseload.data && (
        <>
          {caseload.isFetching && <Typography role="status">{t('loading')}</Typography>}
          <Typography>{t('asOf', { date: f.date(caseload.data.today) })}</Typography>
          <CaseloadTiles
            totals={caseload.data.totals}
            today={caseload.data.today}
            consulateId={view.consulateId}
          />
          <PostTable caseload={caseload.data} />
          <OfficerTable caseload={caseload.data} />
          <OpenedClosedSection
            caseload={caseload.data}
            consulateId={view.consulateId}
            category={view.category}
            onCategory={view.selectCategory}
          />
        </>
      )}
      {supervises && <OverdueDetentions />}
    </Stack>
  );
}
