import { Box, Button, Stack, Typography } from '@mui/material';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { ErrorSummary } from '../shell/error-summary';
import { ProblemAlert } from '../shell/problem-alert';
import { useHasPermission } from '../shell/use-me';
import { breakdownFieldId, isBreakdownField } from './breakdown-fields';
import { DisclosureNote } from './disclosure-note';
import { formProblemsOf, localProblems } from './problem-fields';
import { STATISTICS_FORM, StatisticsForm } from './statistics-form';
import { statisticsParamsFrom, type StatisticsResult } from './statistics-model';
import { StatisticsTable } from './statistics-table';
import { useStatistics } from './use-statistics';

const fieldIdOf = (field: string) =>
  field === 'measure' || isBreakdownField(field)
    ? breakdownFieldId(STATISTICS_FORM, field)
    : undefined;

function ScopeLine({ result }: { result: StatisticsResult }) {
  const { t } = useTranslation('statistics');
  const countries = result.scope.countries.join(', ');
  const posts = result.scope.consulateIds.length;
  return (
    <Typography variant="body2">
      {posts
        ? t('statistics.scopePosts', { count: posts, countries })
        : t('statistics.scope', { countries })}
    </Typography>
  );
}

/**
 * /statistics: a measure by up to three dimensions over the caller's scope, as the API publishes
 * it after disclosure control. The table on screen is the one the URL names.
 */
export function StatisticsPage() {
  const { t } = useTranslation('statistics');
  const { t: tShell } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const params = useMemo(() => statisticsParamsFrom(search), [search]);
  const statistics = useStatistics(params);
  const mayExport = useHasPermission('statistics:export');
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const summaryRef = useRef<HTMLDivElement>(null);

  const problems =
    localProblems(localErrors, fieldIdOf) ?? formProblemsOf(statistics.error, fieldIdOf);
  useEffect(() => {
    if (problems) summaryRef.current?.focus();
    // Focus moves when a new set of problems arrives, not on every render.
  }, [localErrors, statistics.error]);

  return (
    <Stack spacing={3}>
      <Typography component="h1" variant="h4">
        {t('statistics.title')}
      </Typography>
      <Typography>{t('statistics.intro')}</Typography>
      {/* The exports page is a section of statistics (the menu has one entry for both). */}
      {mayExport && (
        <Box>
          <Button component={RouterLink} to="/statistics/exports" variant="outlined">
            {tShell('nav.exports')}
          </Button>
        </Box>
      )}
      {problems && <ErrorSummary ref={summaryRef} errors={problems.summary} />}
      <StatisticsForm
        key={search.toString()}
        search={search}
        errors={problems?.byField ?? {}}
        onInvalid={setLocalErrors}
        onSubmit={(next) => {
          setLocalErrors({});
          setSearch(next);
        }}
      />
      <Box component="section" aria-labelledby="statistics-result">
        <Typography id="statistics-result" component="h2" variant="h5" sx={{ mb: 2 }}>
          {t('statistics.resultTitle')}
        </Typography>
        {!params && <Typography>{t('statistics.chooseAndShow')}</Typography>}
        {statistics.isFetching && <Typography role="status">{t('statistics.loading')}</Typography>}
        {statistics.isError && !problems && <ProblemAlert error={statistics.error} />}
        {statistics.data && (
          <Box
            sx={{
              display: 'grid',
              gap: 3,
              gridTemplateColumns: { xs: '1fr', md: 'minmax(0, 2fr) minmax(0, 1fr)' },
              alignItems: 'start',
            }}
          >
            <Stack spacing={1} sx={{ minWidth: 0 }}>
              <ScopeLine result={statistics.data} />
              <StatisticsTable result={statistics.data} />
              <Typography variant="body2">{t('suppressed.legend')}</Typography>
              {mayExport && (
                <Box>
                  <Button
                    component={RouterLink}
                    to={`/statistics/exports?${search.toString()}`}
                    variant="outlined"
                  >
                    {t('statistics.exportThis')}
                  </Button>
                </Box>
              )}
            </Stack>
            <DisclosureNote result={statistics.data} />
          </Box>
        )}
      </Box>
    </Stack>
  );
}
