import { Alert, Box, Paper, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { DetailList } from '../directory/common/detail-list';
import { useFormat } from '../shell/format';
import { ProblemAlert } from '../shell/problem-alert';
import { useHasPermission } from '../shell/use-me';
import { CasesSection } from './cases-section';
import { EscortsSection } from './escorts-section';
import { HandoversSection } from './handovers-section';
import { JourneyCommands } from './journey-commands';
import { useMovement, type MovementView } from './return-queries';

/** `/returns/:id`: one return movement, its cases and persons, escorts, handovers and next steps. */
export function MovementPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('returns');
  const found = useMovement(id);
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
  return <MovementView movement={found.data} />;
}

function MovementView({ movement: m }: { movement: MovementView }) {
  const { t } = useTranslation('returns');
  const f = useFormat();
  const mayWrite = useHasPermission('cases:write');
  const [notice, setNotice] = useState('');
  const optional = (label: string, value: string | null | undefined): [string, string][] =>
    value ? [[label, value]] : [];
  return (
    <Stack spacing={4}>
      <Box>
        <Typography id="movement-title" variant="h4" component="h1" tabIndex={-1} gutterBottom>
          {t('detail.title', {
            mode: t(`modeWords.${m.mode}`),
            date: f.dateTime(m.plannedDepartureAt),
          })}
        </Typography>
        {mayWrite && <JourneyCommands movement={m} onNotice={setNotice} />}
      </Box>
      <Typography role="status">{notice}</Typography>
      {m.accompaniedChildReturn && <Alert severity="info">{t('detail.childReturn')}</Alert>}
      <DetailList
        items={[
          [t('detail.status'), t(`statuses.${m.status}`)],
          [t('detail.mode'), t(`modes.${m.mode}`)],
          [t('detail.from'), `${m.fromPlace} (${m.fromCountryCode})`],
          [
            t('detail.to'),
            m.toSubdivisionCode ? `${m.toPlace} (${m.toSubdivisionCode})` : m.toPlace,
          ],
          [t('detail.plannedDepartureAt'), f.dateTime(m.plannedDepartureAt)],
          ...optional(
            t('detail.plannedArrivalAt'),
            m.plannedArrivalAt && f.dateTime(m.plannedArrivalAt),
          ),
          ...optional(
            t('detail.actualDepartureAt'),
            m.actualDepartureAt && f.dateTime(m.actualDepartureAt),
          ),
          ...optional(
            t('detail.actualArrivalAt'),
            m.actualArrivalAt && f.dateTime(m.actualArrivalAt),
          ),
          ...optional(t('detail.cancellationReason'), m.cancellationReason),
          ...optional(t('detail.notes'), m.notes),
        ]}
      />
      <CasesSection movement={m} mayWrite={mayWrite} onNotice={setNotice} />
      <EscortsSection movement={m} mayWrite={mayWrite} onNotice={setNotice} />
      {m.accompaniedChildReturn && (
        <HandoversSection movement={m} mayWrite={mayWrite} onNotice={setNotice} />
      )}
    </Stack>
  );
}
