import { Alert, Box, Button, Chip, Paper, Stack, Typography } from '@mui/material';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Detention, useDetentions } from '../../detention/detention-queries';
import { OverdueReasons } from '../../detention/overdue-reasons';
import { useFormat } from '../../shell/format';
import { ProblemAlert } from '../../shell/problem-alert';
import type { CaseDetail } from '../case-queries';
import { DetentionDialog } from './detention-dialog';

const DETENTION_CATEGORIES = ['criminal_detention', 'immigration_detention'];

/** A case about a detention: its category or the `detained` flag says so. */
const isDetentionCase = (c: CaseDetail) =>
  DETENTION_CATEGORIES.includes(c.primaryCategory) ||
  c.secondaryCategories.some((x) => DETENTION_CATEGORIES.includes(x)) ||
  c.vulnerabilityFlags.includes('detained');

/**
 * "Detención / Detention": each detention of a person of the case with its VCCR art. 36 clocks
 * (arrest → notification → first contact → visits), overdue reasons, and recording or updating it
 * for those who work the case. Shown on detention cases, or wherever a detention is recorded.
 */
export function DetentionSection({ value }: { value: CaseDetail }) {
  const { t } = useTranslation('detention');
  const f = useFormat();
  const detentions = useDetentions(value.id);
  const [open, setOpen] = useState<{ current?: Detention } | null>(null);
  const [notice, setNotice] = useState('');
  const opener = useRef<HTMLElement | null>(null);
  const persons = (value.persons ?? []).map((p) => ({
    id: p.person.id,
    name: `${p.person.givenNames} ${p.person.familyNames}`,
  }));
  const nameOf = (id: string) => persons.find((p) => p.id === id)?.name ?? '';
  const mayRecord = value.callerMay.recordActions && value.status !== 'closed';
  const items = detentions.data?.items ?? [];
  if (!isDetentionCase(value) && items.length === 0) return null;

  const show = (next: { current?: Detention }) => {
    opener.current = document.activeElement as HTMLElement | null;
    setNotice('');
    setOpen(next);
  };
  const close = (message = '') => {
    setOpen(null);
    setNotice(message);
    setTimeout(() => opener.current?.focus());
  };
  const hours = (value: number | null | undefined) =>
    value == null ? '' : t('hours', { value: f.number(value) });

  return (
    <Box component="section" aria-labelledby="detention-section-title">
      <Stack
        direction="row"
        sx={{ justifyContent: 'space-between', alignItems: 'center', flexWrap: 'wrap', gap: 1 }}
      >
        <Typography id="detention-section-title" variant="h5" component="h2">
          {t('section.title')}
        </Typography>
        {mayRecord && (
          <Button variant="outlined" onClick={() => show({})}>
            {t('section.record')}
          </Button>
        )}
      </Stack>
      <Typography variant="body2" sx={{ mb: 1 }}>
        {t('section.intro')}
      </Typography>
      <Typography role="status" variant="body2">
        {notice}
      </Typography>
      {detentions.isError && <ProblemAlert error={detentions.error} />}
      {detentions.data && items.length === 0 && <Typography>{t('section.none')}</Typography>}
      <Stack spacing={2}>
        {items.map((d) => {
          const c = d.clocks;
          const name = nameOf(d.personId);
          return (
            <Paper
              key={d.id}
              component="section"
              variant="outlined"
              sx={{ p: 2 }}
              aria-labelledby={`detention-${d.id}-person`}
            >
              <Stack direction="row" sx={{ gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
                <Typography id={`detention-${d.id}-person`} variant="h6" component="h3">
                  {name}
                </Typography>
                <Chip
                  size="small"
                  label={
                    c.open
                      ? t('section.open')
                      : t('section.released', { when: f.dateTime(d.releasedAt) })
                  }
                />
                {c.open &&
                  (c.overdue.length ? (
                    <Chip size="small" color="error" label={t('section.overdueTitle')} />
                  ) : (
                    <Chip
                      size="small"
                      color="success"
                      variant="outlined"
                      label={t('section.onTime')}
                    />
                  ))}
              </Stack>
              <Box
                component="dl"
                sx={{
                  m: 0,
                  mt: 1,
                  display: 'grid',
                  gap: 0.5,
                  columnGap: 2,
                  gridTemplateColumns: { xs: '1fr', sm: 'max-content 1fr' },
                  '& dd': { m: 0 },
                }}
              >
                {d.facilityName && (
                  <>
                    <dt>{t('section.facility')}</dt>
                    <dd>
                      {d.facilityName}
                      {d.facilitySubdivisionCode ? ` (${d.facilitySubdivisionCode})` : ''}
                    </dd>
                  </>
                )}
                <dt>{t('section.arrested')}</dt>
                <dd>{f.dateTime(d.arrestedAt)}</dd>
                <dt>{t('section.notified')}</dt>
                <dd>
                  {d.notifiedAt
                    ? `${f.dateTime(d.notifiedAt)} · ${t('section.delay', { value: hours(c.notificationDelayHours) })}`
                    : t('section.pending')}
                </dd>
                <dt>{t('section.firstContact')}</dt>
                <dd>
                  {c.firstContactAt
                    ? `${
                        c.firstContactSource === 'actions'
                          ? t('section.firstContactFromActions', {
                              when: f.dateTime(c.firstContactAt),
                            })
                          : f.dateTime(c.firstContactAt)
                      } · ${t('section.delay', { value: hours(c.timeToFirstContactHours) })}`
                    : t('section.pending')}
                </dd>
                <dt>{t('section.visits')}</dt>
                <dd>
                  {c.visitCount
                    ? t('section.visitsValue', {
                        count: c.visitCount,
                        when: f.dateTime(c.lastVisitAt),
                      })
                    : t('section.noVisits')}
                  {c.daysSinceLastVisit != null &&
                    ` · ${t('section.sinceLastVisit', { count: c.daysSinceLastVisit })}`}
                </dd>
              </Box>
              {c.overdue.length > 0 && (
                <Alert severity="error" sx={{ mt: 1 }}>
                  <OverdueReasons overdue={c.overdue} />
                </Alert>
              )}
              {mayRecord && c.open && (
                <Button
                  size="small"
                  variant="outlined"
                  sx={{ mt: 1, minHeight: 32 }}
                  onClick={() => show({ current: d })}
                  aria-label={t('section.updateFor', { name })}
                >
                  {t('section.update')}
                </Button>
              )}
            </Paper>
          );
        })}
      </Stack>
      {open && (
        <DetentionDialog
          caseId={value.id}
          persons={persons}
          current={open.current}
          onClose={() => close()}
          onSaved={() => close(t('section.saved'))}
        />
      )}
    </Box>
  );
}
