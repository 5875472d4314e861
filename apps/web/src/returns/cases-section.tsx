import {
  Box,
  Button,
  Checkbox,
  FormControlLabel,
  FormGroup,
  Link,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { unwrap } from '../api/call';
import { api } from '../api/client';
import { ErrorSummary } from '../shell/error-summary';
import { useErrorSummary } from '../shell/sign-in/use-error-summary';
import type { MovementCase, MovementView } from './return-queries';
import { useMovementWrite } from './use-movement-write';

/** The cases on the movement, the persons of each who return, and their reintegration referrals. */
export function CasesSection({
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
  const handedOver = new Set(movement.handovers.map((h) => `${h.caseId}/${h.personId}`));
  const remove = useMovementWrite(
    (caseId: string) =>
      unwrap(
        api.DELETE('/api/v1/return-movements/{id}/cases/{caseId}', {
          params: { path: { id: movement.id, caseId } },
        }),
      ),
    { onDone: () => undefined, onErrors: () => undefined },
  );
  const persons = (c: MovementCase) =>
    c.persons === null
      ? t('cases.withheld')
      : c.persons
          .filter((p) => p.returning)
          .map((p) =>
            p.handoverNeeded
              ? `${p.name} (${t(handedOver.has(`${c.caseId}/${p.id}`) ? 'cases.handedOver' : 'cases.handover')})`
              : p.name,
          )
          .join(', ');
  return (
    <Box component="section" aria-labelledby="cases-title">
      <Typography id="cases-title" variant="h5" component="h2" gutterBottom>
        {t('cases.title')}
      </Typography>
      {movement.cases.length === 0 ? (
        <Typography>{t('cases.none')}</Typography>
      ) : (
        <Table size="small">
          <caption>{t('cases.caption')}</caption>
          <TableHead>
            <TableRow>
              <TableCell component="th" scope="col">
                {t('cases.case')}
              </TableCell>
              <TableCell component="th" scope="col">
                {t('cases.persons')}
              </TableCell>
              <TableCell component="th" scope="col">
                {t('cases.child')}
              </TableCell>
              <TableCell component="th" scope="col">
                {t('cases.reintegration')}
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {movement.cases.map((c) => (
              <TableRow key={c.caseId}>
                <TableCell component="th" scope="row">
                  <Stack spacing={1} sx={{ alignItems: 'flex-start' }}>
                    <Link component={RouterLink} to={`/cases/${c.caseId}`} sx={{ py: 0.5 }}>
                      {c.caseReference}
                    </Link>
                    {editable && (
                      <Button size="small" onClick={() => remove.mutate(c.caseId)}>
                        {t('cases.remove', { reference: c.caseReference })}
                      </Button>
                    )}
                  </Stack>
                </TableCell>
                <TableCell>{persons(c)}</TableCell>
                <TableCell>{c.childReturn ? t('cases.childYes') : ''}</TableCell>
                <TableCell>
                  {c.reintegrationReferrals.length === 0
                    ? t('cases.noReferral')
                    : c.reintegrationReferrals
                        .map(
                          (r) =>
                            `${r.organisationName}: ${t(`referralStatuses.${r.status as 'pending'}`)}`,
                        )
                        .join('; ')}
                  {mayWrite && c.persons !== null && movement.status !== 'cancelled' && (
                    <Box sx={{ mt: 1 }}>
                      <Link component={RouterLink} to={`/cases/${c.caseId}/refer`} sx={{ py: 0.5 }}>
                        {t('cases.refer', { reference: c.caseReference })}
                      </Link>
                    </Box>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {editable && <AddCaseForm movementId={movement.id} onNotice={onNotice} />}
    </Box>
  );
}

function AddCaseForm({ movementId, onNotice }: { movementId: string; onNotice(m: string): void }) {
  const { t } = useTranslation('returns');
  const [caseId, setCaseId] = useState('');
  const [candidates, setCandidates] = useState<{ id: string; name: string }[] | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const { errors, setErrors, summaryRef, fieldError } = useErrorSummary();
  const load = useMovementWrite(
    () => unwrap(api.GET('/api/v1/cases/{id}', { params: { path: { id: caseId.trim() } } })),
    {
      onDone: (found) => {
        setErrors([]);
        const persons = (found.persons ?? []).map((p) => ({
          id: p.person.id,
          name: `${p.person.givenNames} ${p.person.familyNames}`,
        }));
        setCandidates(persons);
        setChosen(persons.map((p) => p.id));
      },
      onErrors: (problems) => setErrors(problems.map((p) => ({ ...p, fieldId: 'add-case-id' }))),
    },
  );
  const add = useMovementWrite(
    () =>
      unwrap(
        api.POST('/api/v1/return-movements/{id}/cases', {
          params: { path: { id: movementId } },
          body: { caseId: caseId.trim(), personIds: chosen },
        }),
      ),
    {
      fields: { caseId: 'add-case-id', personIds: 'add-case-persons' },
      onDone: () => {
        setCaseId('');
        setCandidates(null);
        setErrors([]);
        onNotice(t('cases.added'));
      },
      onErrors: setErrors,
    },
  );
  return (
    <Box
      component="form"
      noValidate
      aria-labelledby="add-case-title"
      sx={{ maxWidth: 560, mt: 2 }}
      onSubmit={(event) => {
        event.preventDefault();
        if (!caseId.trim())
          return setErrors([{ fieldId: 'add-case-id', message: t('cases.errors.caseId') }]);
        if (!candidates) return load.mutate();
        if (!chosen.length)
          return setErrors([{ fieldId: 'add-case-persons', message: t('cases.errors.personIds') }]);
        if (!add.isPending) add.mutate();
      }}
    >
      <Typography id="add-case-title" variant="h6" component="h3" gutterBottom>
        {t('cases.add')}
      </Typography>
      <ErrorSummary ref={summaryRef} errors={errors} />
      <Stack spacing={2}>
        <TextField
          id="add-case-id"
          label={t('cases.caseId')}
          value={caseId}
          onChange={(e) => {
            setCaseId(e.target.value);
            setCandidates(null);
          }}
          required
          error={Boolean(fieldError('add-case-id'))}
          helperText={fieldError('add-case-id')}
        />
        {candidates && (
          <FormGroup id="add-case-persons" role="group" aria-label={t('cases.personIds')}>
            {candidates.map((p) => (
              <FormControlLabel
                key={p.id}
                label={p.name}
                control={
                  <Checkbox
                    checked={chosen.includes(p.id)}
                    onChange={(e) =>
                      setChosen((c) =>
                        e.target.checked ? [...c, p.id] : c.filter((x) => x !== p.id),
                      )
                    }
                  />
                }
              />
            ))}
          </FormGroup>
        )}
        <Box>
          <Button type="submit" variant="contained" loading={load.isPending || add.isPending}>
            {candidates ? t('cases.submit') : t('cases.loadPersons')}
          </Button>
        </Box>
      </Stack>
    </Box>
  );
}
