import { Alert, AlertTitle, Box, Button, Paper, Stack, Typography } from '@mui/material';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../shell/format';
import { ProblemAlert } from '../../shell/problem-alert';
import type { CaseDetail } from '../case-queries';
import { useWho } from '../page/use-who';
import { BestInterestDialog, type Child } from './best-interest-dialog';
import { useAssessments } from './best-interest-queries';

const CHILD_RULES = ['unaccompanied_child_category', 'child_flag', 'person_under_18'];

/**
 * A child's case: which of its fields are withheld from the reader and why, and the best-interest
 * assessments of its children with recording one for those who work the case.
 */
export function ChildSafeguardsSection({ c }: { c: CaseDetail }) {
  const { t } = useTranslation('safeguards');
  const childCase = CHILD_RULES.includes(c.closureApprovalRule ?? '');
  return (
    <>
      {c.masked.length > 0 && (
        <Box component="section" aria-labelledby="masked-title">
          <Alert severity="info" role="note">
            <AlertTitle id="masked-title" component="h2">
              {t('masked.title')}
            </AlertTitle>
            <Typography variant="body2">{t('masked.text')}</Typography>
            <Box component="ul" sx={{ my: 0.5, pl: 3 }}>
              {c.masked.map((field) => (
                <li key={field}>
                  {t(`masked.fields.${field}`)}: {t('masked.value')}
                </li>
              ))}
            </Box>
          </Alert>
        </Box>
      )}
      {childCase && <BestInterestList c={c} />}
    </>
  );
}

function BestInterestList({ c }: { c: CaseDetail }) {
  const { t } = useTranslation('safeguards');
  const f = useFormat();
  const who = useWho();
  const assessments = useAssessments(c.id);
  const [open, setOpen] = useState(false);
  const [notice, setNotice] = useState('');
  const opener = useRef<HTMLButtonElement>(null);
  const mayRecord = c.callerMay.recordActions;
  const children: Child[] = (c.persons ?? []).map((p) => ({
    id: p.person.id,
    name: `${p.person.givenNames} ${p.person.familyNames}`,
  }));
  const nameOf = (id: string) => children.find((x) => x.id === id)?.name ?? '';
  const close = (message = '') => {
    setOpen(false);
    setNotice(message);
    setTimeout(() => opener.current?.focus());
  };

  return (
    <Box component="section" aria-labelledby="bia-section-title">
      <Typography id="bia-section-title" variant="h5" component="h2" gutterBottom>
        {t('title')}
      </Typography>
      <Typography variant="body2" sx={{ mb: 1 }}>
        {t('intro')}
      </Typography>
      <Typography role="status" variant="body2">
        {notice}
      </Typography>
      {assessments.isError && <ProblemAlert error={assessments.error} />}
      {assessments.isPending && <Typography>{t('loading')}</Typography>}
      {assessments.data && assessments.data.items.length === 0 && (
        <Typography sx={{ mb: 1 }}>{t('none')}</Typography>
      )}
      <Stack spacing={2} component="ul" sx={{ listStyle: 'none', p: 0, m: 0 }}>
        {assessments.data?.items.map((a) => (
          <Paper key={a.id} component="li" variant="outlined" sx={{ p: 2 }}>
            <Typography variant="h6" component="h3">
              {nameOf(a.personId)} · {t(`solutions.${a.recommendedSolution}`)}
            </Typography>
            <Box
              component="dl"
              sx={{
                m: 0,
                mt: 1,
                display: 'grid',
                gap: 0.5,
                columnGap: 2,
                gridTemplateColumns: { xs: '1fr', sm: 'max-content 1fr' },
              }}
            >
              <dt>{t('assessedBy')}</dt>
              <dd style={{ margin: 0 }}>
                {a.assessorName
                  ? a.assessorRole
                    ? t('external', { name: a.assessorName, role: a.assessorRole })
                    : t('externalNoRole', { name: a.assessorName })
                  : who(a.assessedBy ?? a.recordedBy)}
              </dd>
              <dt>{t('assessedAt')}</dt>
              <dd style={{ margin: 0 }}>{f.dateTime(a.assessedAt)}</dd>
              <dt>{t('findings')}</dt>
              <dd style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{a.findings}</dd>
            </Box>
            {a.correctedByAssessmentId && (
              <Typography variant="body2" sx={{ mt: 1 }}>
                {t('corrected')}
              </Typography>
            )}
            {a.correctsAssessmentId && (
              <Typography variant="body2" sx={{ mt: 1 }}>
                {t('correction')}
              </Typography>
            )}
            <Typography variant="body2" sx={{ color: 'text.secondary', mt: 1 }}>
              {t('recorded', { who: who(a.recordedBy), when: f.dateTime(a.recordedAt) })}
            </Typography>
          </Paper>
        ))}
      </Stack>
      {mayRecord && children.length > 0 && (
        <Button
          ref={opener}
          variant="outlined"
          sx={{ mt: 2, minHeight: 32 }}
          onClick={() => {
            setNotice('');
            setOpen(true);
          }}
        >
          {t('record')}
        </Button>
      )}
      {open && (
        <BestInterestDialog
          caseId={c.id}
          children={children}
          onClose={() => close()}
          onSaved={() => close(t('saved'))}
        />
      )}
    </Box>
  );
}
