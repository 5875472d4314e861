import { Box, Button, Paper, Stack, Typography } from '@mui/material';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../shell/format';
import { ProblemAlert } from '../../shell/problem-alert';
import type { CaseDetail } from '../case-queries';
import { useWho } from '../page/use-who';
import { ConsentDialog } from './consent-dialog';
import { type Consent, useConsents } from './cooperation-queries';
import { WithdrawConsentDialog } from './withdraw-consent-dialog';

type CasePerson = NonNullable<CaseDetail['persons']>[number];
type Open = { record: CasePerson } | { withdraw: Consent; person: CasePerson } | null;

/**
 * Each person's current consent (what it allows, how and when it was given, who recorded it),
 * with recording a new one and withdrawing it for those who work the case.
 */
export function ConsentSection({
  caseId,
  persons,
  mayRecord,
}: {
  caseId: string;
  persons: CasePerson[];
  mayRecord: boolean;
}) {
  const { t } = useTranslation('cooperation');
  const f = useFormat();
  const who = useWho();
  const consents = useConsents(caseId);
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState('');
  const opener = useRef<HTMLElement | null>(null);
  const show = (next: Open) => {
    opener.current = document.activeElement as HTMLElement | null;
    setNotice('');
    setOpen(next);
  };
  const close = (message = '') => {
    setOpen(null);
    setNotice(message);
    setTimeout(() => opener.current?.focus());
  };
  const current = new Map(
    (consents.data?.consents ?? []).filter((k) => k.current).map((k) => [k.personId, k]),
  );
  const nameOf = (p: CasePerson) => `${p.person.givenNames} ${p.person.familyNames}`;

  return (
    <Box component="section" aria-labelledby="consents-title">
      <Typography id="consents-title" variant="h5" component="h2" gutterBottom>
        {t('consents.title')}
      </Typography>
      <Typography variant="body2" sx={{ mb: 1 }}>
        {t('consents.intro')}
      </Typography>
      <Typography role="status" variant="body2">
        {notice}
      </Typography>
      {consents.isError && <ProblemAlert error={consents.error} />}
      {consents.isPending && <Typography>{t('common.loading')}</Typography>}
      <Stack spacing={2}>
        {consents.data &&
          persons.map((p) => {
            const consent = current.get(p.person.id);
            return (
              <Paper key={p.person.id} variant="outlined" sx={{ p: 2 }}>
                <Typography variant="h6" component="h3">
                  {nameOf(p)}
                </Typography>
                {consent ? (
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
                    <dt>{t('consents.purposes')}</dt>
                    <dd style={{ margin: 0 }}>
                      {consent.purposes.map((x) => t(`purposes.${x}`)).join(', ') ||
                        t('common.none')}
                    </dd>
                    <dt>{t('consents.fields')}</dt>
                    <dd style={{ margin: 0 }}>
                      {consent.disclosableFields.map((x) => t(`fields.${x}`)).join(', ') ||
                        t('common.none')}
                    </dd>
                    <dt>{t('consents.method')}</dt>
                    <dd style={{ margin: 0 }}>
                      {t(`methods.${consent.method}`)}
                      {consent.witnessName
                        ? ` · ${t('consents.witness', { name: consent.witnessName })}`
                        : ''}
                      {consent.guardianName
                        ? ` · ${t('consents.guardian', { name: consent.guardianName })}`
                        : ''}
                      {' · '}
                      {t('consents.given', { when: f.dateTime(consent.givenAt) })}
                    </dd>
                  </Box>
                ) : (
                  <Typography sx={{ mt: 1 }}>{t('consents.none')}</Typography>
                )}
                {consent && (
                  <Typography variant="body2" sx={{ color: 'text.secondary', mt: 1 }}>
                    {t('consents.recorded', {
                      who: who(consent.recordedBy),
                      when: f.dateTime(consent.recordedAt),
                    })}
                  </Typography>
                )}
                {mayRecord && (
                  <Stack direction="row" sx={{ gap: 1, mt: 1, flexWrap: 'wrap' }}>
                    <Button
                      variant="outlined"
                      size="small"
                      sx={{ minHeight: 32 }}
                      onClick={() => show({ record: p })}
                      aria-label={t('consents.recordFor', { name: nameOf(p) })}
                    >
                      {t('consents.record')}
                    </Button>
                    {consent && (
                      <Button
                        size="small"
                        color="error"
                        sx={{ minHeight: 32 }}
                        onClick={() => show({ withdraw: consent, person: p })}
                        aria-label={t('consents.withdrawFor', { name: nameOf(p) })}
                      >
                        {t('consents.withdraw')}
                      </Button>
                    )}
                  </Stack>
                )}
              </Paper>
            );
          })}
      </Stack>
      {open && 'record' in open && (
        <ConsentDialog
          caseId={caseId}
          personId={open.record.person.id}
          name={nameOf(open.record)}
          current={current.get(open.record.person.id)}
          onClose={() => close()}
          onSaved={() => close(t('consents.saved'))}
        />
      )}
      {open && 'withdraw' in open && (
        <WithdrawConsentDialog
          caseId={caseId}
          consent={open.withdraw}
          name={nameOf(open.person)}
          onClose={() => close()}
          onDone={() => close(t('consents.withdrawn'))}
        />
      )}
    </Box>
  );
}
