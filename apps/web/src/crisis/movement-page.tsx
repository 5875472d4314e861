import {
  Button,
  Checkbox,
  FormControlLabel,
  FormGroup,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { QueryState } from '../directory/common/query-state';
import { useCodeLabel } from '../codes/use-code-lists';
import { useFormat } from '../shell/format';
import type { Language } from '../shell/i18n';
import { ProblemAlert } from '../shell/problem-alert';
import { crisisApi, downloadManifest } from './crisis-api';
import { crisisKeys, useMovement, useRoster } from './crisis-queries';
import type { CrisisEvent, Movement, RosterEntry } from './crisis-types';
import { EventFrame, mayWrite } from './event-frame';
import { personName } from './person-name';

/** `/crisis/:id/movements/:movementId`: a movement's passengers and its manifest (CSV or PDF). */
export function MovementPage() {
  return <EventFrame>{(event) => <MovementLoader event={event} />}</EventFrame>;
}

function MovementLoader({ event }: { event: CrisisEvent }) {
  const { movementId = '' } = useParams();
  const movement = useMovement(event.id, movementId);
  if (!movement.data) return <QueryState isPending={movement.isPending} error={movement.error} />;
  return <MovementView event={event} movement={movement.data} />;
}

function MovementView({ event, movement }: { event: CrisisEvent; movement: Movement }) {
  const { t, i18n } = useTranslation('crisis');
  const f = useFormat();
  const codeLabel = useCodeLabel();
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState('');
  const write = mayWrite(event);
  const passengers = movement.passengers ?? [];
  const refresh = (saved?: Movement) => {
    if (saved?.passengers)
      queryClient.setQueryData(crisisKeys.movement(event.id, movement.id), saved);
    void queryClient.invalidateQueries({ queryKey: crisisKeys.movement(event.id, movement.id) });
    void queryClient.invalidateQueries({ queryKey: crisisKeys.movements(event.id) });
  };
  const remove = useMutation({
    mutationFn: (entry: RosterEntry) => crisisApi.removePassenger(event.id, movement.id, entry.id),
    onSuccess: (_, entry) => {
      refresh();
      setNotice(t('movement.removed', { name: personName(entry) }));
    },
  });
  const download = useMutation({
    mutationFn: (format: 'csv' | 'pdf') =>
      downloadManifest(event.id, movement.id, format, i18n.language as Language),
    onSuccess: (name) => setNotice(t('movement.downloaded', { name })),
  });
  return (
    <Stack spacing={3}>
      <div>
        <Typography variant="h4" component="h1" gutterBottom>
          {t('movement.title', { mode: t(`modes.${movement.mode}`), label: movement.label })}
        </Typography>
        <Typography>
          {t('movement.route', {
            from: movement.from,
            to: movement.to,
            date: f.dateTime(movement.departsAt),
          })}
        </Typography>
      </div>
      <Paper variant="outlined" component="section" aria-labelledby="manifest-title" sx={{ p: 2 }}>
        <Typography id="manifest-title" variant="h6" component="h2" gutterBottom>
          {t('movement.manifest')}
        </Typography>
        <Stack direction="row" spacing={2}>
          <Button
            variant="contained"
            onClick={() => download.mutate('csv')}
            loading={download.isPending && download.variables === 'csv'}
          >
            {t('movement.csv')}
          </Button>
          <Button
            variant="contained"
            onClick={() => download.mutate('pdf')}
            loading={download.isPending && download.variables === 'pdf'}
          >
            {t('movement.pdf')}
          </Button>
        </Stack>
        {download.error && <ProblemAlert error={download.error} />}
      </Paper>
      <Typography role="status">{notice}</Typography>
      <section aria-labelledby="passengers-title">
        <Typography id="passengers-title" variant="h6" component="h2" gutterBottom>
          {t('movement.passengersTitle', { count: passengers.length })}
        </Typography>
        {remove.error && <ProblemAlert error={remove.error} />}
        {passengers.length === 0 ? (
          <Typography>{t('movement.noPassengers')}</Typography>
        ) : (
          <Table size="small">
            <caption>{t('movement.passengersCaption')}</caption>
            <TableHead>
              <TableRow>
                <TableCell scope="col">{t('roster.name')}</TableCell>
                <TableCell scope="col">{t('roster.document')}</TableCell>
                <TableCell scope="col">{t('roster.status')}</TableCell>
                {write && <TableCell scope="col">{t('movement.removeColumn')}</TableCell>}
              </TableRow>
            </TableHead>
            <TableBody>
              {passengers.map((p) => (
                <TableRow key={p.id}>
                  <TableCell component="th" scope="row">
                    {personName(p)}
                  </TableCell>
                  <TableCell>
                    {p.document
                      ? `${codeLabel('documentTypes', p.document.type)} ${p.document.number}`
                      : ''}
                  </TableCell>
                  <TableCell>{t(`welfare.${p.welfareStatus}`)}</TableCell>
                  {write && (
                    <TableCell>
                      <Button
                        variant="outlined"
                        color="error"
                        onClick={() => remove.mutate(p)}
                        disabled={remove.isPending}
                      >
                        {t('movement.remove', { name: personName(p) })}
                      </Button>
                    </TableCell>
                  )}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>
      {write && (
        <AddPassengers
          event={event}
          movement={movement}
          onAdded={(saved, count) => {
            refresh(saved);
            setNotice(t('movement.added', { count }));
          }}
        />
      )}
    </Stack>
  );
}

/** Finding persons on the roster by name or document and adding the ticked ones. */
function AddPassengers({
  event,
  movement,
  onAdded,
}: {
  event: CrisisEvent;
  movement: Movement;
  onAdded(saved: Movement, count: number): void;
}) {
  const { t } = useTranslation('crisis');
  const [draft, setDraft] = useState('');
  const [q, setQ] = useState<string | undefined>(undefined);
  const [ticked, setTicked] = useState<string[]>([]);
  const found = useRoster(event.id, { q });
  const aboard = new Set((movement.passengers ?? []).map((p) => p.id));
  const candidates = (found.data?.items ?? []).filter((e) => !aboard.has(e.id));
  const add = useMutation({
    mutationFn: () => crisisApi.addPassengers(event.id, movement.id, ticked),
    onSuccess: (saved) => {
      onAdded(saved, ticked.length);
      setTicked([]);
    },
  });
  return (
    <Paper variant="outlined" component="section" aria-labelledby="add-title" sx={{ p: 2 }}>
      <Typography id="add-title" variant="h6" component="h2" gutterBottom>
        {t('movement.addTitle')}
      </Typography>
      <Stack
        component="form"
        role="search"
        direction="row"
        spacing={2}
        sx={{ mb: 2 }}
        onSubmit={(e) => {
          e.preventDefault();
          setQ(draft.trim() || undefined);
        }}
      >
        <TextField
          id="passenger-search"
          type="search"
          label={t('movement.search')}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          sx={{ minWidth: 320 }}
        />
        <Button type="submit" variant="outlined">
          {t('movement.searchSubmit')}
        </Button>
      </Stack>
      <QueryState isPending={found.isPending} error={found.error} />
      {candidates.length > 0 && (
        <FormGroup role="group" aria-label={t('movement.candidatesCaption')}>
          {candidates.map((entry) => (
            <FormControlLabel
              key={entry.id}
              label={`${personName(entry)} — ${t(`welfare.${entry.welfareStatus}`)}`}
              control={
                <Checkbox
                  checked={ticked.includes(entry.id)}
                  onChange={(e) =>
                    setTicked((list) =>
                      e.target.checked ? [...list, entry.id] : list.filter((id) => id !== entry.id),
                    )
                  }
                />
              }
            />
          ))}
        </FormGroup>
      )}
      {add.error && <ProblemAlert error={add.error} />}
      <Button
        variant="contained"
        sx={{ mt: 2 }}
        disabled={ticked.length === 0}
        onClick={() => add.mutate()}
        loading={add.isPending}
      >
        {t('movement.add')}
      </Button>
    </Paper>
  );
}
