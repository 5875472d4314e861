import { Box, Button, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unwrap } from '../api/call';
import { api } from '../api/client';
import { ErrorSummary } from '../shell/error-summary';
import { useErrorSummary } from '../shell/sign-in/use-error-summary';
import { instant, localNow } from './local-time';
import type { MovementView } from './return-queries';
import { useMovementWrite } from './use-movement-write';

type Command = 'depart' | 'complete' | 'cancel';

/** The movement's next steps: departure (planned), arrival (in transit), cancelling (either). */
export function JourneyCommands({
  movement,
  onNotice,
}: {
  movement: MovementView;
  onNotice(message: string): void;
}) {
  const { t } = useTranslation('returns');
  const [open, setOpen] = useState<Command | null>(null);
  const next: Command[] = [
    ...(movement.status === 'planned' ? (['depart'] as const) : []),
    ...(movement.status === 'in_transit' ? (['complete'] as const) : []),
    ...(movement.status === 'planned' || movement.status === 'in_transit'
      ? (['cancel'] as const)
      : []),
  ];
  if (!next.length) return null;
  return (
    <Box>
      <Stack direction="row" sx={{ gap: 2, flexWrap: 'wrap' }}>
        {next.map((command) => (
          <Button
            key={command}
            variant={command === 'cancel' ? 'outlined' : 'contained'}
            aria-expanded={open === command}
            onClick={() => setOpen(open === command ? null : command)}
          >
            {t(`detail.${command}`)}
          </Button>
        ))}
      </Stack>
      {open && (
        <CommandForm
          key={open}
          command={open}
          movementId={movement.id}
          onDone={() => {
            setOpen(null);
            onNotice(
              t(
                `detail.${open === 'depart' ? 'departed' : open === 'complete' ? 'completed' : 'cancelled'}`,
              ),
            );
          }}
        />
      )}
    </Box>
  );
}

function CommandForm({
  command,
  movementId,
  onDone,
}: {
  command: Command;
  movementId: string;
  onDone(): void;
}) {
  const { t } = useTranslation('returns');
  const [value, setValue] = useState(command === 'cancel' ? '' : localNow());
  const { errors, setErrors, summaryRef, fieldError } = useErrorSummary();
  const fieldId = `command-${command}`;
  const path = { params: { path: { id: movementId } } };
  const write = useMovementWrite(
    () =>
      unwrap(
        command === 'depart'
          ? api.POST('/api/v1/return-movements/{id}/depart', {
              ...path,
              body: { actualDepartureAt: instant(value) ?? value },
            })
          : command === 'complete'
            ? api.POST('/api/v1/return-movements/{id}/complete', {
                ...path,
                body: { actualArrivalAt: instant(value) ?? value },
              })
            : api.POST('/api/v1/return-movements/{id}/cancel', {
                ...path,
                body: { reason: value },
              }),
      ),
    {
      fields: { actualDepartureAt: fieldId, actualArrivalAt: fieldId, reason: fieldId },
      onDone,
      onErrors: setErrors,
    },
  );
  return (
    <Box
      component="form"
      noValidate
      aria-label={t(`detail.${command}`)}
      sx={{ maxWidth: 480, mt: 2 }}
      onSubmit={(event) => {
        event.preventDefault();
        if (!write.isPending) write.mutate();
      }}
    >
      <ErrorSummary ref={summaryRef} errors={errors} />
      <Stack spacing={2}>
        <TextField
          id={fieldId}
          label={command === 'cancel' ? t('detail.reason') : t('detail.when')}
          type={command === 'cancel' ? 'text' : 'datetime-local'}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          required
          autoFocus
          slotProps={{ inputLabel: { shrink: true } }}
          error={Boolean(fieldError(fieldId))}
          helperText={fieldError(fieldId)}
        />
        <Box>
          <Button type="submit" variant="contained" loading={write.isPending}>
            {t(`detail.${command}`)}
          </Button>
        </Box>
      </Stack>
    </Box>
  );
}
