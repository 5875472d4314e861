import { Box, Paper, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'react-router';
import { CaseReturnsSection } from '../../returns/case-returns-section';
import { ProblemAlert } from '../../shell/problem-alert';
import { PendingTransferBanner } from '../../transfers/pending-transfer-banner';
import { isRestrictedRefusal, useCase } from '../case-queries';
import { isRegisteredState } from '../registered-state';
import { AccessBanner } from './access-banner';
import { useAccessGrant } from './access-grant';
import { ConsentSection } from '../cooperation/consent-section';
import { ReferralsSection } from '../cooperation/referrals-section';
import { ChildSafeguardsSection } from '../safeguards/child-safeguards-section';
import { CasePracticesSection } from '../../practices/case-practices-section';
import { ActionsTimeline } from './actions-timeline';
import { CaseCommands } from './case-commands';
import { CaseHeader } from './case-header';
import { CaseHistory } from './case-history';
import { CasePersons } from './case-persons';
import { DetentionSection } from './detention-section';
import { RegisteredNotice } from './registered-notice';
import { RestrictedNotice } from './restricted-notice';

/** `/cases/:id`: the case, its persons, actions and history, and what the caller may do with it. */
export function CasePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('cases');
  const location = useLocation();
  const found = useCase(id);
  const { grant } = useAccessGrant(id);
  const [notice, setNotice] = useState('');

  if (found.isError) {
    if (isRestrictedRefusal(found.error)) return <RestrictedNotice caseId={id} />;
    return (
      <Paper variant="outlined" sx={{ p: 4, maxWidth: 720, mx: 'auto' }}>
        <Stack spacing={2}>
          <Typography variant="h4" component="h1">
            {t('notFound.title')}
          </Typography>
          <ProblemAlert error={found.error} />
        </Stack>
      </Paper>
    );
  }
  if (!found.data) return <Typography role="status">{t('page.loading')}</Typography>;

  const c = found.data.case;
  return (
    <Stack spacing={4}>
      {grant && <AccessBanner grant={grant} />}
      {isRegisteredState(location.state) && location.state.registered.reference === c.reference && (
        <RegisteredNotice registered={location.state.registered} />
      )}
      <CaseHeader value={c} actions={<CaseCommands current={found.data} onNotice={setNotice} />} />
      <Typography role="status">{notice}</Typography>
      <PendingTransferBanner caseId={c.id} enabled={c.callerMay.transfer} onNotice={setNotice} />
      <Box component="section" aria-labelledby="summary-title">
        <Typography id="summary-title" variant="h5" component="h2" gutterBottom>
          {t('page.summary')}
        </Typography>
        <Typography sx={{ whiteSpace: 'pre-wrap' }}>{c.summary || t('page.noSummary')}</Typography>
      </Box>
      {c.persons && <CasePersons persons={c.persons} />}
      <ChildSafeguardsSection c={c} />
      {c.persons && (
        <ConsentSection caseId={id} persons={c.persons} mayRecord={c.callerMay.recordActions} />
      )}
      <DetentionSection value={c} />
      <ReferralsSection
        caseId={id}
        mayWork={c.callerMay.recordActions}
        mayRefer={c.callerMay.recordActions && c.status !== 'closed'}
      />
      <CaseReturnsSection caseId={id} />
      <CasePracticesSection caseId={id} />
      <ActionsTimeline caseId={id} mayRecord={c.callerMay.recordActions} />
      <CaseHistory caseId={id} />
    </Stack>
  );
}
