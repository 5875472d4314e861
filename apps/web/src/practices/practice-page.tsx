import { Alert, Box, Chip, Link, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import { useCodeLabel } from '../codes/use-code-lists';
import { DetailList } from '../directory/common/detail-list';
import { ProblemAlert } from '../shell/problem-alert';
import { PracticeActions, useIsSubmitter } from './practice-actions';
import { PracticeDocuments } from './practice-documents';
import { titleOf, usePractice, type Practice } from './practice-queries';

function Text({ id, title, text }: { id: string; title: string; text: string }) {
  if (!text) return null;
  return (
    <Box component="section" aria-labelledby={id}>
      <Typography id={id} variant="h5" component="h2" gutterBottom>
        {title}
      </Typography>
      <Typography sx={{ whiteSpace: 'pre-wrap' }}>{text}</Typography>
    </Box>
  );
}

function PracticeView({ practice }: { practice: Practice }) {
  const { t, i18n } = useTranslation('practices');
  const label = useCodeLabel();
  const country = useIsSubmitter(practice);
  const [notice, setNotice] = useState('');
  const editable = practice.status === 'draft' || practice.status === 'returned';
  return (
    <Stack spacing={3}>
      <Link component={RouterLink} to="/practices">
        {t('page.back')}
      </Link>
      <Typography
        variant="h4"
        component="h1"
        lang={practice.titleEs && i18n.language !== 'en' ? 'es' : undefined}
      >
        {titleOf(practice, i18n.language)}
      </Typography>
      <Stack direction="row" spacing={1}>
        <Chip label={t(`kinds.${practice.kind}`)} />
        <Chip label={t(`statuses.${practice.status}`)} variant="outlined" />
      </Stack>
      {practice.status === 'returned' && practice.reviewComment && (
        <Alert severity="info">
          {t('page.reviewComment')}: {practice.reviewComment}
        </Alert>
      )}
      <Typography role="status">{notice}</Typography>
      <PracticeActions practice={practice} onDone={setNotice} />
      <DetailList
        items={[
          [t('page.countries'), practice.countries.join(', ')],
          [
            t('page.categories'),
            practice.categories.map((c) => label('caseCategories', c)).join(', ') || t('page.none'),
          ],
          [
            t('page.flags'),
            practice.flags.map((f) => label('vulnerabilityFlags', f)).join(', ') || t('page.none'),
          ],
          [t('page.semester'), practice.semester ?? t('page.none')],
        ]}
      />
      <Text id="practice-problem" title={t('page.problem')} text={practice.problem} />
      <Text id="practice-action" title={t('page.action')} text={practice.action} />
      <Text id="practice-results" title={t('page.results')} text={practice.results} />
      <Text id="practice-contacts" title={t('page.contacts')} text={practice.contacts} />
      <PracticeDocuments
        practiceId={practice.id}
        mayUpload={country && editable}
        onNotice={setNotice}
      />
    </Stack>
  );
}

/** `/practices/:id`: an entry of the catalogue, its documents, and the review steps. */
export function PracticePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('practices');
  const practice = usePractice(id);
  if (practice.error) return <ProblemAlert error={practice.error} />;
  if (!practice.data) return <Typography role="status">{t('page.loading')}</Typography>;
  return <PracticeView practice={practice.data} />;
}
