import { Box, Button, List, ListItem, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unwrap } from '../api/call';
import { api } from '../api/client';
import { ErrorSummary, type SummaryError } from '../shell/error-summary';
import { useErrorSummary } from '../shell/sign-in/use-error-summary';
import type { MovementView } from './return-queries';
import { useMovementWrite } from './use-movement-write';

const FIELDS = { name: 'escort-name', role: 'escort-role', organisation: 'escort-organisation' };

/** Who travels with the returning persons; named and removed while the movement is planned. */
export function EscortsSection({
  movement,
  mayWrite,
  onNotice,
}: {
  movement: MovementView;
  mayWrite: boolean;
  onNotice(message: string): void;
}) {
  const { t } = useTranslation('returns');
  const editable = mayWrite && movement.status === 'planned';
  const remove = useMovementWrite(
    (escortId: string) =>
      unwrap(
        api.DELETE('/api/v1/return-movements/{id}/escorts/{escortId}', {
          params: { path: { id: movement.id, escortId } },
        }),
      ),
    { onDone: () => undefined, onErrors: () => undefined },
  );
  return (
    <Box component="section" aria-labelledby="escorts-title">
      <Typography id="escorts-title" variant="h5" component="h2" gutterBottom>
        {t('escorts.title')}
      </Typography>
      {movement.escorts.length === 0 ? (
        <Typography>{t('escorts.none')}</Typography>
      ) : (
        <List disablePadding>
          {movement.escorts.map((e) => (
            <ListItem key={e.id} disableGutters sx={{ gap: 2 }}>
              <Typography>
                {t('escorts.item', { name: e.name, role: e.role })}
                {e.organisation ? ` · ${e.organisation}` : ''}
              </Typography>
              {editable && (
                <Button size="small" onClick={() => remove.mutate(e.id)}>
                  {t('escorts.remove', { name: e.name })}
                </Button>
              )}
            </ListItem>
          ))}
        </List>
      )}
      {editable && <EscortForm movementId={movement.id} onNotice={onNotice} />}
    </Box>
  );
}

function EscortForm({ movementId, onNotice }: { movementId: string; onNotice(m: string): void }) {
  const { t } = useTranslation('returns');
  const [values, setValues] = useState({ name: '', role: '', organisation: '' });
  const { errors, setErrors, summaryRef, fieldError } = useErrorSummary();
  const add = useMovementWrite(
    () =>
      unwrap(
        api.POST('/api/v1/return-movements/{id}/escorts', {
          params: { path: { id: movementId } },
          body: { ...values, organisation: values.organisation || null },
        }),
      ),
    {
      fields: FIELDS,
      onDone: () => {
        setValues({ name: '', role: '', organisation: '' });
        setErrors([]);
        onNotice(t('escorts.added'));
      },
      onErrors: setErrors,
    },
  );
  const field = (name: keyof typeof FIELDS, required = true) => (
    <TextField
      id={FIELDS[name]}
      label={t(`escorts.${name}`)}
      value={values[name]}
      onChange={(e) => setValues((v) => ({ ...v, [name]: e.target.value }))}
      required={required}
      error={Boolean(fieldError(FIELDS[name]))}
      helperText={fieldError(FIELDS[name])}
    />
  );
  return (
    <Box
      component="form"
      noValidate
      aria-labelledby="escort-form-title"
      sx={{ maxWidth: 560, mt: 2 }}
      onSubmit={(event) => {
        event.preventDefault();
        if (add.isPending) return;
        const missing: SummaryError[] = (['name', 'role'] as const)
          .filter((f) => !values[f].trim())
          .map((f) => ({ fieldId: FIELDS[f], message: t(`escorts.errors.${f}`) }));
        if (missing.length) return setErrors(missing);
        add.mutate();
      }}
    >
      <Typography id="escort-form-title" variant="h6" component="h3" gutterBottom>
        {t('escorts.add')}
      </Typography>
      <ErrorSummary ref={summaryRef} errors={errors} />
      <Stack spacing={2}>
        {field('name')}
        {field('role')}
        {field('organisation', false)}
        <Box>
          <Button type="submit" variant="contained" loading={add.isPending}>
            {t('escorts.submit')}
          </Button>
        </Box>
      </Stack>
    </Box>
  );
}
