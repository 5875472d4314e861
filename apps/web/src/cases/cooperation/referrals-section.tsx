import { Alert, Box, Button, Stack, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useLocation } from 'react-router';
import { ApiError } from '../../api/call';
import { ResultsTable } from '../../directory/common/results-table';
import { useFormat } from '../../shell/format';
import { ProblemAlert } from '../../shell/problem-alert';
import { type Referral, downloadLetter, useReferrals } from './cooperation-queries';
import { ReferralStepDialog, type ReferralStep } from './referral-step-dialog';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * The case's referrals to organisations: status, follow-up date, and for those who work the case
 * the next steps (record the organisation's answer, complete, revoke) and the letter to print.
 */
export function ReferralsSection({
  caseId,
  mayWork,
  mayRefer,
}: {
  caseId: string;
  mayWork: boolean;
  mayRefer: boolean;
}) {
  const { t } = useTranslation('cooperation');
  const { t: tDirectory } = useTranslation('directory');
  const f = useFormat();
  const referrals = useReferrals(caseId);
  const [open, setOpen] = useState<{ step: ReferralStep; referral: Referral } | null>(null);
  // Back from the referral page: say where the referral went.
  const sent = (useLocation().state as { referralSent?: string } | null)?.referralSent;
  const [notice, setNotice] = useState(() => (sent ? t('refer.sent', { organisation: sent }) : ''));
  const opener = useRef<HTMLElement | null>(null);
  const letter = useMutation({
    mutationFn: ({ id, lang }: { id: string; lang: 'es' | 'en' }) => downloadLetter(id, lang),
    onSuccess: (name) => setNotice(t('referrals.letterSaved', { name })),
  });
  const show = (step: ReferralStep, referral: Referral) => {
    opener.current = document.activeElement as HTMLElement | null;
    setNotice('');
    setOpen({ step, referral });
  };
  const close = (message = '') => {
    setOpen(null);
    setNotice(message);
    setTimeout(() => opener.current?.focus());
  };
  const items = referrals.data?.items ?? [];
  const reasonOf = (r: Referral) =>
    r.statusReason === 'consent_withdrawn' ? t('referrals.consentWithdrawn') : r.statusReason;
  const action = (label: string, r: Referral, onClick: () => void) => (
    <Button
      size="small"
      variant="outlined"
      sx={{ minHeight: 32 }}
      onClick={onClick}
      aria-label={t('referrals.named', { action: label, organisation: r.organisationName })}
    >
      {label}
    </Button>
  );

  return (
    <Box component="section" aria-labelledby="referrals-title">
      <Stack
        direction="row"
        sx={{ justifyContent: 'space-between', alignItems: 'center', flexWrap: 'wrap', gap: 1 }}
      >
        <Typography id="referrals-title" variant="h5" component="h2">
          {t('referrals.title')}
        </Typography>
        {mayRefer && (
          <Button component={RouterLink} to={`/cases/${caseId}/refer`} variant="contained">
            {t('referrals.refer')}
          </Button>
        )}
      </Stack>
      <Typography variant="body2" sx={{ mb: 1 }}>
        {t('referrals.intro')}
      </Typography>
      <Typography role="status" variant="body2">
        {notice}
      </Typography>
      {letter.isError && (
        <Alert severity="error" role="alert">
          {t('referrals.letterFailed')}
          {letter.error instanceof ApiError && letter.error.problem
            ? `: ${letter.error.message}`
            : ''}
        </Alert>
      )}
      {referrals.isError && <ProblemAlert error={referrals.error} />}
      {referrals.data && items.length === 0 && <Typography>{t('referrals.none')}</Typography>}
      {items.length > 0 && (
        <ResultsTable<Referral>
          list={{ isPending: false, error: null, data: { items, nextCursor: null } }}
          caption={t('referrals.caption')}
          rowKey={(r) => r.id}
          cursor={undefined}
          onPage={() => undefined}
          columns={[
            { header: t('referrals.organisation'), cell: (r) => r.organisationName },
            {
              header: t('referrals.services'),
              cell: (r) => r.services.map((s) => tDirectory(`codes.services.${s}`)).join(', '),
            },
            {
              header: t('referrals.status'),
              cell: (r) => (
                <>
                  <strong>{t(`statuses.${r.status}`)}</strong>
                  {r.statusReason && (
                    <Typography variant="body2">
                      {t('referrals.reason', { reason: reasonOf(r) })}
                    </Typography>
                  )}
                </>
              ),
            },
            { header: t('referrals.sent'), cell: (r) => f.date(r.createdAt) },
            {
              header: t('referrals.followUp'),
              cell: (r) =>
                !r.followUpDue
                  ? t('referrals.noFollowUp')
                  : r.followUpDue < today() && (r.status === 'pending' || r.status === 'accepted')
                    ? t('referrals.overdue', { date: f.date(r.followUpDue) })
                    : f.date(r.followUpDue),
            },
            {
              header: t('referrals.actions'),
              cell: (r) => (
                <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap' }}>
                  {mayWork &&
                    r.status === 'pending' &&
                    action(t('referrals.answer'), r, () => show('answer', r))}
                  {mayWork &&
                    r.status === 'accepted' &&
                    action(t('referrals.complete'), r, () => show('complete', r))}
                  {mayWork &&
                    (r.status === 'pending' || r.status === 'accepted') &&
                    action(t('referrals.revoke'), r, () => show('revoke', r))}
                  {mayWork &&
                    r.status !== 'revoked' &&
                    (['es', 'en'] as const).map((lang) =>
                      action(
                        t(lang === 'es' ? 'referrals.letterEs' : 'referrals.letterEn'),
                        r,
                        () => !letter.isPending && letter.mutate({ id: r.id, lang }),
                      ),
                    )}
                </Stack>
              ),
            },
          ]}
        />
      )}
      {open && (
        <ReferralStepDialog
          caseId={caseId}
          step={open.step}
          referral={open.referral}
          onClose={() => close()}
          onSaved={() => close(t('referrals.saved'))}
        />
      )}
    </Box>
  );
}
