import { Box, Button, Link, Paper, Stack, Typography } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { ConfirmDialog } from '../directory/common/confirm-dialog';
import { useCountryName } from '../directory/common/use-countries';
import { useFormat } from '../shell/format';
import { crisisApi } from './crisis-api';
import { crisisKeys } from './crisis-queries';
import type { CrisisEvent } from './crisis-types';
import { DemobiliseDialog } from './demobilise-dialog';
import { EditEventDialog } from './edit-event-dialog';
import { EventDashboard } from './event-dashboard';
import { EventFrame, mayWrite } from './event-frame';

/** `/crisis/:id`: the event, the ways into its work, its dashboard and its status commands. */
export function EventPage() {
  return <EventFrame back={false}>{(event) => <EventView event={event} />}</EventFrame>;
}

function EventView({ event }: { event: CrisisEvent }) {
  const { t } = useTranslation('crisis');
  const f = useFormat();
  const countryName = useCountryName();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<'edit' | 'windDown' | 'demobilise' | null>(null);
  const [notice, setNotice] = useState('');
  const manage = event.callerMay?.manage ?? false;
  const write = mayWrite(event);
  const windDown = useMutation({
    mutationFn: () => crisisApi.changeStatus(event.id, 'winding_down'),
    onSuccess: (saved) => {
      queryClient.setQueryData(crisisKeys.detail(event.id), saved);
      void queryClient.invalidateQueries({ queryKey: crisisKeys.events });
      setOpen(null);
      setNotice(t('event.windDownDone'));
    },
  });
  const place = [countryName(event.hostCountryCode), ...event.hostSubdivisions].join(', ');
  const sections = [
    write && { to: 'intake', label: t('event.intake'), hint: t('event.intakeHint') },
    { to: 'roster', label: t('event.roster'), hint: t('event.rosterHint') },
    { to: 'enquiries', label: t('event.enquiries'), hint: t('event.enquiriesHint') },
    { to: 'movements', label: t('event.movements'), hint: t('event.movementsHint') },
    write && { to: 'import', label: t('event.import'), hint: t('event.importHint') },
  ].filter((s): s is { to: string; label: string; hint: string } => Boolean(s));

  return (
    <Stack spacing={4}>
      <Box>
        <Typography id="event-title" variant="h4" component="h1" tabIndex={-1} gutterBottom>
          {event.name}
        </Typography>
        <Typography>
          {t('event.summary', {
            type: t(`types.${event.type}`),
            place,
            date: f.dateTime(event.startedAt),
          })}
        </Typography>
        <Typography sx={{ fontWeight: 700 }}>
          {t('event.statusLabel', { status: t(`statuses.${event.status}`) })}
        </Typography>
        {event.endedAt && (
          <Typography>{t('event.closedNote', { date: f.dateTime(event.endedAt) })}</Typography>
        )}
        {manage && event.status !== 'closed' && (
          <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 2, mt: 2 }}>
            <Button variant="outlined" onClick={() => setOpen('edit')}>
              {t('editEvent.open')}
            </Button>
            {event.status === 'active' && (
              <Button variant="outlined" onClick={() => setOpen('windDown')}>
                {t('event.windDown')}
              </Button>
            )}
            <Button variant="outlined" color="error" onClick={() => setOpen('demobilise')}>
              {t('event.demobilise')}
            </Button>
          </Stack>
        )}
      </Box>
      <Typography role="status">{notice}</Typography>
      <Box component="nav" aria-label={t('event.sections')}>
        <Box
          component="ul"
          sx={{
            listStyle: 'none',
            m: 0,
            p: 0,
            display: 'grid',
            gap: 2,
            gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))',
          }}
        >
          {sections.map((section) => (
            <Paper component="li" key={section.to} variant="outlined" sx={{ p: 2 }}>
              <Link
                component={RouterLink}
                to={`/crisis/${event.id}/${section.to}`}
                sx={{ fontSize: '1.15rem', fontWeight: 700, display: 'inline-block', py: 0.5 }}
              >
                {section.label}
              </Link>
              <Typography variant="body2" color="text.secondary">
                {section.hint}
              </Typography>
            </Paper>
          ))}
        </Box>
      </Box>
      <EventDashboard event={event} />
      <ConfirmDialog
        open={open === 'windDown'}
        title={t('event.windDownTitle', { name: event.name })}
        description={t('event.windDownText')}
        confirmLabel={t('event.windDown')}
        destructive={false}
        busy={windDown.isPending}
        error={windDown.error}
        onConfirm={() => windDown.mutate()}
        onClose={() => setOpen(null)}
      />
      {open === 'edit' && (
        <EditEventDialog
          event={event}
          onClose={() => setOpen(null)}
          onSaved={() => {
            setOpen(null);
            setNotice(t('editEvent.saved'));
          }}
        />
      )}
      {open === 'demobilise' && (
        <DemobiliseDialog
          event={event}
          onClose={() => setOpen(null)}
          onDone={(count) => {
            setOpen(null);
            setNotice(t('demobilise.done', { count }));
          }}
        />
      )}
    </Stack>
  );
}
