import { Alert, Box, Button, Link, Paper, Stack, Typography } from '@mui/material';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import { DetailList } from '../directory/common/detail-list';
import { useFormat } from '../shell/format';
import { ProblemAlert } from '../shell/problem-alert';
import { useHasPermission } from '../shell/use-me';
import { useAssistanceRequest, type AssistanceRequest } from './assistance-queries';
import { AcceptDialog, CompleteButton, ReasonDialog } from './decision-dialogs';
import { PayloadView } from './payload-view';
import { ReportsSection } from './reports-section';

type Open = 'accept' | 'reject' | 'revoke' | null;

/** `/assistance/:id`: one request as the caller's side sees it, its decisions and its reports. */
export function AssistanceDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('assistance');
  const found = useAssistanceRequest(id);
  if (found.isError)
    return (
      <Paper variant="outlined" sx={{ p: 4, maxWidth: 720, mx: 'auto' }}>
        <Stack spacing={2}>
          <Typography variant="h4" component="h1">
            {t('detail.notFound')}
          </Typography>
          <ProblemAlert error={found.error} />
        </Stack>
      </Paper>
    );
  if (!found.data) return <Typography role="status">{t('common.loading')}</Typography>;
  return <RequestView request={found.data} />;
}

function RequestView({ request: r }: { request: AssistanceRequest }) {
  const { t } = useTranslation('assistance');
  const f = useFormat();
  const mayDecide = useHasPermission('cases:assign');
  const mayWrite = useHasPermission('cases:write');
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState('');
  const receiving = r.sides.includes('receiving');
  const requesting = r.sides.includes('requesting');
  const post = (p: AssistanceRequest['requestingPost']) =>
    t('detail.post', { name: p.name, country: p.countryCode });
  const close = () => {
    setOpen(null);
    setTimeout(() => document.getElementById('assistance-title')?.focus());
  };
  const done = (message: string) => {
    close();
    setNotice(message);
  };

  const commands = [
    receiving && r.status === 'pending' && mayDecide && (
      <Button key="accept" variant="contained" onClick={() => setOpen('accept')}>
        {r.kind === 'assistance' ? t('detail.accept') : t('detail.acknowledge')}
      </Button>
    ),
    receiving && r.status === 'pending' && mayDecide && (
      <Button key="reject" variant="outlined" color="error" onClick={() => setOpen('reject')}>
        {t('detail.reject')}
      </Button>
    ),
    requesting && mayWrite && (r.status === 'pending' || r.status === 'accepted') && (
      <Button key="revoke" variant="outlined" onClick={() => setOpen('revoke')}>
        {t('detail.revoke')}
      </Button>
    ),
  ].filter(Boolean);

  const caseLink = (caseId: string, which: 'requestingCase' | 'receivingCase') => (
    <Link component={RouterLink} to={`/cases/${caseId}`}>
      {t('detail.openCase', { which: t(`detail.${which}`) })}
    </Link>
  );
  return (
    <Stack spacing={4}>
      <Box>
        <Typography id="assistance-title" variant="h4" component="h1" tabIndex={-1} gutterBottom>
          {t('detail.title', { kind: t(`kinds.${r.kind}`), from: r.requestingPost.name })}
        </Typography>
        {commands.length > 0 && (
          <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 2 }}>
            {commands}
          </Stack>
        )}
      </Box>
      <Typography role="status">{notice}</Typography>
      {r.receivingCaseId && receiving && (
        <Alert severity="success">{caseLink(r.receivingCaseId, 'receivingCase')}</Alert>
      )}
      <DetailList
        items={[
          [t('detail.status'), t(`statuses.${r.status}`)],
          [t('detail.kind'), t(`kinds.${r.kind}`)],
          [t('detail.requestingPost'), post(r.requestingPost)],
          [t('detail.receivingPost'), post(r.receivingPost)],
          [t('detail.reason'), t(`reasons.${r.reason}`)],
          [t('detail.reasonNote'), r.reasonNote],
          [t('detail.requestedAt'), f.dateTime(r.requestedAt)],
          ...(r.decidedAt
            ? ([[t('detail.decidedAt'), f.dateTime(r.decidedAt)]] as [string, string][])
            : []),
          ...(r.rejectionReason
            ? ([[t('detail.rejectionReason'), r.rejectionReason]] as [string, string][])
            : []),
          ...(r.revokedAt
            ? ([[t('detail.revokedAt'), f.dateTime(r.revokedAt)]] as [string, string][])
            : []),
          ...(r.revocationReason
            ? ([[t('detail.revocationReason'), r.revocationReason]] as [string, string][])
            : []),
          ...(r.completedAt
            ? ([[t('detail.completedAt'), f.dateTime(r.completedAt)]] as [string, string][])
            : []),
          ...(r.requestingCaseId
            ? ([[t('detail.ownCase'), caseLink(r.requestingCaseId, 'requestingCase')]] as [
                string,
                ReactNode,
              ][])
            : []),
        ]}
      />
      {r.overridden && <Alert severity="warning">{t('detail.overridden')}</Alert>}
      <Box component="section" aria-labelledby="payload-title">
        <Typography id="payload-title" variant="h5" component="h2" gutterBottom>
          {t('detail.payload')}
        </Typography>
        {r.payload ? (
          <PayloadView payload={r.payload} />
        ) : (
          <Alert severity="info">{t('detail.purged')}</Alert>
        )}
      </Box>
      {receiving && r.status === 'accepted' && mayWrite && (
        <CompleteButton request={r} onDone={() => setNotice(t('detail.completed'))} />
      )}
      <ReportsSection
        requestId={r.id}
        mayReport={mayWrite && (r.status === 'accepted' || r.status === 'completed')}
      />
      {open === 'accept' && (
        <AcceptDialog
          request={r}
          onClose={close}
          onDone={(saved) =>
            done(saved.receivingCaseId ? t('detail.acceptedWithCase') : t('detail.accepted'))
          }
        />
      )}
      {(open === 'reject' || open === 'revoke') && (
        <ReasonDialog
          request={r}
          decision={open}
          onClose={close}
          onDone={() => done(t(open === 'reject' ? 'detail.rejected' : 'detail.revoked'))}
        />
      )}
    </Stack>
  );
}
