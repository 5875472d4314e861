import { Link, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { ConsolidationSection } from './consolidation-section';
import { KeysSection } from './keys-section';
import { ReportingSection } from './reporting-section';
import { UploadSection } from './upload-section';

const SEMESTER = /^\d{4}-S[12]$/;

/** The semester that ended last (the one countries report on now). */
function lastSemester(now = new Date()): string {
  const year = now.getUTCFullYear();
  return now.getUTCMonth() < 6 ? `${year - 1}-S2` : `${year}-S1`;
}

/**
 * `/regional`: the network secretariat's workspace: which member countries reported for a
 * semester, receiving a signed national export, the regional table, and the members' keys.
 */
export function RegionalPage() {
  const { t } = useTranslation('regional');
  const [draft, setDraft] = useState(lastSemester);
  const semester = SEMESTER.test(draft) ? draft : lastSemester();
  return (
    <Stack spacing={4}>
      <Stack spacing={1}>
        <Typography variant="h1" sx={{ fontSize: '2rem' }}>
          {t('title')}
        </Typography>
        <Link component={RouterLink} to="/regional/observatory">
          {t('workspaceLinks.observatory')}
        </Link>
      </Stack>
      <TextField
        id="regional-semester"
        label={t('semester')}
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        helperText={t('semesterHint')}
        error={!SEMESTER.test(draft)}
        sx={{ maxWidth: 240 }}
      />
      <ReportingSection semester={semester} />
      <UploadSection />
      <ConsolidationSection semester={semester} />
      <KeysSection />
    </Stack>
  );
}
