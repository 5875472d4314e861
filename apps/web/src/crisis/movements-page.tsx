import { Button, Link, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate } from 'react-router';
import { ResultsTable } from '../directory/common/results-table';
import { useFormat } from '../shell/format';
import { useMovements } from './crisis-queries';
import type { CrisisEvent, Movement } from './crisis-types';
import { EventFrame, mayWrite } from './event-frame';
import { MovementFormDialog } from './movement-form-dialog';

/** `/crisis/:id/movements`: the event's flights and buses, and adding one. */
export function MovementsPage() {
  return <EventFrame>{(event) => <MovementsView event={event} />}</EventFrame>;
}

function MovementsView({ event }: { event: CrisisEvent }) {
  const { t } = useTranslation('crisis');
  const f = useFormat();
  const navigate = useNavigate();
  const list = useMovements(event.id);
  const [creating, setCreating] = useState(false);
  return (
    <Stack spacing={2}>
      <Typography variant="h4" component="h1">
        {t('movements.title')}
      </Typography>
      {mayWrite(event) && (
        <Button
          variant="contained"
          size="large"
          sx={{ alignSelf: 'flex-start' }}
          onClick={() => setCreating(true)}
        >
          {t('movements.new')}
        </Button>
      )}
      <ResultsTable<Movement>
        list={list}
        caption={t('movements.caption')}
        rowKey={(m) => m.id}
        cursor={undefined}
        onPage={() => undefined}
        columns={[
          {
            header: t('movements.labelColumn'),
            cell: (m) => (
              <Link component={RouterLink} to={`/crisis/${event.id}/movements/${m.id}`}>
                {`${t(`modes.${m.mode}`)} ${m.label}`}
              </Link>
            ),
          },
          { header: t('movements.departsAt'), cell: (m) => f.dateTime(m.departsAt) },
          { header: t('movements.from'), cell: (m) => m.from },
          { header: t('movements.to'), cell: (m) => m.to },
          {
            header: t('movements.passengers'),
            cell: (m) => f.number(m.passengerCount ?? m.passengers?.length ?? 0),
          },
        ]}
      />
      {creating && (
        <MovementFormDialog
          event={event}
          onClose={() => setCreating(false)}
          onDone={(created) => void navigate(`/crisis/${event.id}/movements/${created.id}`)}
        />
      )}
    </Stack>
  );
}
