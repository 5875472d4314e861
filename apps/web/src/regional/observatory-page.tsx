import { Alert, Link, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { SelectField } from '../directory/common/select-field';
import { ProblemAlert } from '../shell/problem-alert';
import { ObservatoryTableSection } from './observatory-table-section';
import { ObservatoryTiles } from './observatory-tiles';
import { RegionalDisclosureNote } from './regional-disclosure-note';
import { ReportsSection } from './reports-section';
import { useConsolidation } from './use-consolidation';
import { useReportedSemesters } from './use-semesters';

/**
 * `/regional/observatory`: the regional dashboard of one semester's consolidated data, and its
 * semester report. Every figure is a consolidation of the verified national exports.
 */
export function ObservatoryPage() {
  const { t } = useTranslation('regional');
  const semesters = useReportedSemesters();
  const [chosen, setChosen] = useState<string | undefined>();
  const list = semesters.data ?? [];
  const semester = chosen && list.includes(chosen) ? chosen : list[0];
  return (
    <Stack spacing={4}>
      <Stack spacing={1}>
        <Typography variant="h1" sx={{ fontSize: '2rem' }}>
          {t('observatory.title')}
        </Typography>
        <Typography>{t('observatory.intro')}</Typography>
        <Link component={RouterLink} to="/regional">
          {t('observatory.toWorkspace')}
        </Link>
      </Stack>
      {semesters.error ? <ProblemAlert error={semesters.error} /> : null}
      {semesters.isPending ? <Typography>{t('observatory.loading')}</Typography> : null}
      {semesters.data && !semester ? (
        <Alert severity="info">{t('observatory.noExports')}</Alert>
      ) : null}
      {semester ? (
        <>
          <SelectField
            id="observatory-semester"
            label={t('observatory.semester')}
            value={semester}
            onChange={setChosen}
            options={list.map((s) => ({ value: s, label: s }))}
            hint={t('observatory.semesterHint')}
            sx={{ maxWidth: 240 }}
          />
          <SemesterDashboard semester={semester} />
        </>
      ) : null}
    </Stack>
  );
}

function SemesterDashboard({ semester }: { semester: string }) {
  // The k of the cases-opened table (the strictest of the exports) heads the disclosure note.
  const headline = useConsolidation(semester, 'cases_opened', 'category');
  return (
    <>
      <ObservatoryTiles semester={semester} />
      {headline.data ? <RegionalDisclosureNote k={headline.data.k} /> : null}
      <ObservatoryTableSection
        section="flows"
        semester={semester}
        measure="cases_opened"
        dimension="host_country"
      />
      <ObservatoryTableSection
        section="categories"
        semester={semester}
        measure="cases_opened"
        dimension="category"
      />
      <ObservatoryTableSection
        section="returns"
        semester={semester}
        measure="returns"
        dimension="return_mode"
      />
      <ObservatoryTableSection
        section="delays"
        semester={semester}
        measure="notification_delay"
        dimension="category"
      />
      <ReportsSection semester={semester} />
    </>
  );
}
