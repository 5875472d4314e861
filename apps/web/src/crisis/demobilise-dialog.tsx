import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  FormControlLabel,
  FormGroup,
  Link,
  List,
  ListItem,
  Typography,
} from '@mui/material';
import { useMutation, useQueries, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { ApiError } from '../api/call';
import { submitErrors } from '../cases/submit-errors';
import { ErrorSummary } from '../shell/error-summary';
import { useErrorSummary } from '../shell/sign-in/use-error-summary';
import { crisisApi } from './crisis-api';
import { crisisKeys } from './crisis-queries';
import type { CrisisEvent, DemobiliseResult, WelfareStatus } from './crisis-types';
import { personName } from './person-name';

/** The statuses whose persons still need help when the event closes: each gets a case. */
const NEEDING_HELP: WelfareStatus[] = ['needs_assistance', 'injured', 'missing'];

const entryBoxOf = (field: string) => {
  const id = /^entries\.([^.]+)\./.exec(field)?.[1];
  return id ? `demobilise-${id}` : undefined;
};

/**
 * Demobilisation: the persons still needing help (all ticked), then one step that opens their
 * cases and closes the event; the cases opened are listed with links before the dialog closes.
 */
export function DemobiliseDialog({
  event,
  onClose,
  onDone,
}: {
  event: CrisisEvent;
  onClose(): void;
  onDone(count: number): void;
}) {
  const { t } = useTranslation('crisis');
  const queryClient = useQueryClient();
  const lists = useQueries({
    queries: NEEDING_HELP.map((welfareStatus) => ({
      queryKey: crisisKeys.roster(event.id, { welfareStatus }),
      queryFn: () => crisisApi.roster(event.id, { welfareStatus }),
    })),
  });
  const entries = lists.flatMap((list) => list.data?.items ?? []).filter((e) => !e.caseId);
  const complete = lists.every((list) => list.data && !list.data.nextCursor);
  const [unticked, setUnticked] = useState<Set<string>>(new Set());
  const [result, setResult] = useState<DemobiliseResult | null>(null);
  const { errors, setErrors, summaryRef } = useErrorSummary();
  const ticked = entries.filter((e) => !unticked.has(e.id));
  const demobilise = useMutation({
    // Nothing unticked: the API's own default (every entry still needing help, beyond this page).
    mutationFn: () =>
      crisisApi.demobilise(event.id, unticked.size ? ticked.map((e) => e.id) : undefined),
    onSuccess: (done) => {
      setErrors([]);
      setResult(done);
      void queryClient.invalidateQueries({ queryKey: crisisKeys.event(event.id) });
      void queryClient.invalidateQueries({ queryKey: crisisKeys.events });
    },
    // A case the API refuses opens none: each refusal names its entry (`entries.<id>.…`), said
    // here with the person's name and linked to their box, to untick them and try again.
    onError: (error) =>
      setErrors(
        submitErrors(error, entryBoxOf, t).map((item, index) => {
          const field =
            error instanceof ApiError ? error.problem?.errors?.[index]?.field : undefined;
          const entry = entries.find((e) => field?.startsWith(`entries.${e.id}.`));
          return entry ? { ...item, message: `${personName(entry)}: ${item.message}` } : item;
        }),
      ),
  });
  const count = unticked.size || !complete ? ticked.length : entries.length;
  return (
    <Dialog
      open
      onClose={
        demobilise.isPending
          ? undefined
          : result
            ? () => onDone(result.casesOpened.length)
            : onClose
      }
      fullWidth
      maxWidth="sm"
      aria-labelledby="demobilise-title"
    >
      <DialogTitle id="demobilise-title">{t('demobilise.title', { name: event.name })}</DialogTitle>
      <DialogContent>
        {result ? (
          <>
            <Typography role="status" sx={{ mb: 2 }}>
              {t('demobilise.done', { count: result.casesOpened.length })}
            </Typography>
            {result.casesOpened.length > 0 && (
              <List aria-label={t('demobilise.casesCaption')}>
                {result.casesOpened.map((opened) => (
                  <ListItem key={opened.caseId} disableGutters>
                    <Link component={RouterLink} to={`/cases/${opened.caseId}`}>
                      {t('demobilise.openCase', { reference: opened.reference })}
                    </Link>
                  </ListItem>
                ))}
              </List>
            )}
          </>
        ) : (
          <>
            <ErrorSummary ref={summaryRef} errors={errors} />
            <DialogContentText sx={{ mb: 2 }}>{t('demobilise.intro')}</DialogContentText>
            {lists.some((list) => list.isPending) ? (
              <Typography role="status">{t('common.loading')}</Typography>
            ) : entries.length === 0 ? (
              <Typography>{t('demobilise.none')}</Typography>
            ) : (
              <FormGroup aria-label={t('demobilise.caption')} role="group">
                {entries.map((entry) => (
                  <FormControlLabel
                    key={entry.id}
                    label={`${personName(entry)} — ${t(`welfare.${entry.welfareStatus}`)}`}
                    control={
                      <Checkbox
                        id={`demobilise-${entry.id}`}
                        checked={!unticked.has(entry.id)}
                        onChange={(e) =>
                          setUnticked((current) => {
                            const next = new Set(current);
                            if (e.target.checked) next.delete(entry.id);
                            else next.add(entry.id);
                            return next;
                          })
                        }
                      />
                    }
                  />
                ))}
              </FormGroup>
            )}
          </>
        )}
      </DialogContent>
      <DialogActions>
        {result ? (
          <Button variant="contained" onClick={() => onDone(result.casesOpened.length)}>
            {t('common.close')}
          </Button>
        ) : (
          <>
            <Button onClick={onClose} disabled={demobilise.isPending}>
              {t('common.cancel')}
            </Button>
            <Button
              variant="contained"
              color="error"
              onClick={() => demobilise.mutate()}
              loading={demobilise.isPending}
              disabled={lists.some((list) => list.isPending)}
            >
              {t('demobilise.submit', { count })}
            </Button>
          </>
        )}
      </DialogActions>
    </Dialog>
  );
}
