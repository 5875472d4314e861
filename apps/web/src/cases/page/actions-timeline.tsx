import { Box, Button, Chip, Paper, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unwrap } from '../../api/call';
import { api } from '../../api/client';
import { useCodeLabel } from '../../codes/use-code-lists';
import { useFormat } from '../../shell/format';
import { ProblemAlert } from '../../shell/problem-alert';
import { caseKeys } from '../case-queries';
import { ActionDialog, type ConsularAction } from './action-dialog';
import { useWho } from './use-who';

/**
 * The case's consular actions, newest first. Nothing is ever deleted: a corrected action stays,
 * marked, beside the correction that points at it.
 */
export function ActionsTimeline({ caseId, mayRecord }: { caseId: string; mayRecord: boolean }) {
  const { t } = useTranslation('cases');
  const f = useFormat();
  const label = useCodeLabel();
  const who = useWho();
  const actions = useQuery({
    queryKey: caseKeys.actions(caseId),
    queryFn: () =>
      unwrap(api.GET('/api/v1/cases/{id}/actions', { params: { path: { id: caseId } } })),
  });
  const [dialog, setDialog] = useState<{ corrects?: ConsularAction } | null>(null);
  const [saved, setSaved] = useState(false);
  const opener = useRef<HTMLElement | null>(null);
  const open = (corrects?: ConsularAction) => {
    opener.current = document.activeElement as HTMLElement | null;
    setSaved(false);
    setDialog({ corrects });
  };
  const close = () => {
    setDialog(null);
    setTimeout(() => opener.current?.focus());
  };
  // Newest first; of two at the same time, the one recorded last (a correction) first.
  const at = (iso: string) => new Date(iso).getTime();
  const items = [...(actions.data?.items ?? [])].sort(
    (a, b) => at(b.occurredAt) - at(a.occurredAt) || at(b.recordedAt) - at(a.recordedAt),
  );
  const byId = new Map(items.map((a) => [a.id, a]));
  const typeAndDate = (action: ConsularAction) =>
    `${label('actionTypes', action.type)}, ${f.dateTime(action.occurredAt)}`;

  return (
    <Box component="section" aria-labelledby="actions-title">
      <Stack
        direction="row"
        sx={{
          justifyContent: 'space-between',
          alignItems: 'center',
          flexWrap: 'wrap',
          gap: 1,
          mb: 1,
        }}
      >
        <Typography id="actions-title" variant="h5" component="h2">
          {t('actions.title')}
        </Typography>
        {mayRecord && (
          <Button variant="contained" onClick={() => open()}>
            {t('actions.add')}
          </Button>
        )}
      </Stack>
      <Typography role="status" variant="body2">
        {saved ? t('actions.saved') : ''}
      </Typography>
      {actions.isError && <ProblemAlert error={actions.error} />}
      {actions.isPending && <Typography>{t('common.loading')}</Typography>}
      {actions.data && items.length === 0 && <Typography>{t('actions.empty')}</Typography>}
      <Stack
        component="ol"
        aria-label={t('actions.timeline')}
        spacing={2}
        sx={{ listStyle: 'none', p: 0, m: 0 }}
      >
        {items.map((action) => {
          const original = action.correctsActionId ? byId.get(action.correctsActionId) : undefined;
          return (
            <Paper
              component="li"
              key={action.id}
              id={`action-${action.id}`}
              variant="outlined"
              sx={{
                p: 2,
                borderLeftWidth: 4,
                borderLeftColor: action.correctedByActionId ? 'grey.400' : 'primary.main',
                bgcolor: action.correctedByActionId ? 'grey.100' : undefined,
              }}
            >
              <Stack direction="row" sx={{ gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
                <Typography variant="h6" component="h3">
                  {typeAndDate(action)}
                </Typography>
                {action.correctedByActionId && (
                  <Chip size="small" label={t('actions.correctedTag')} />
                )}
                {action.correctsActionId && (
                  <Chip size="small" variant="outlined" label={t('actions.correctionTag')} />
                )}
              </Stack>
              <Typography variant="body2" sx={{ color: 'text.secondary' }}>
                {t('actions.by', { who: who(action.performedBy) })} ·{' '}
                {t('actions.recorded', { when: f.dateTime(action.recordedAt) })}
              </Typography>
              {action.correctsActionId && (
                <Typography variant="body2">
                  <a href={`#action-${action.correctsActionId}`}>
                    {t('actions.corrects', {
                      when: original ? typeAndDate(original) : action.correctsActionId.slice(0, 8),
                    })}
                  </a>
                </Typography>
              )}
              {action.correctedByActionId && (
                <Typography variant="body2">
                  <a href={`#action-${action.correctedByActionId}`}>{t('actions.correctedBy')}</a>
                </Typography>
              )}
              <Box
                component="dl"
                sx={{
                  m: 0,
                  mt: 1,
                  display: 'grid',
                  gap: 0.5,
                  gridTemplateColumns: 'max-content 1fr',
                  columnGap: 2,
                }}
              >
                {action.place && (
                  <>
                    <dt>{t('actions.place')}</dt>
                    <dd style={{ margin: 0 }}>
                      {action.place}
                      {action.placeType ? ` (${label('placeTypes', action.placeType)})` : ''}
                    </dd>
                  </>
                )}
                {action.outcome && (
                  <>
                    <dt>{t('actions.outcome')}</dt>
                    <dd style={{ margin: 0 }}>{action.outcome}</dd>
                  </>
                )}
                {action.notes && (
                  <>
                    <dt>{t('actions.notes')}</dt>
                    <dd style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{action.notes}</dd>
                  </>
                )}
                {action.nextStepDue && (
                  <>
                    <dt>{t('actions.nextStepDue')}</dt>
                    <dd style={{ margin: 0 }}>{f.date(action.nextStepDue)}</dd>
                  </>
                )}
              </Box>
              {mayRecord && !action.correctedByActionId && (
                <Button
                  size="small"
                  sx={{ mt: 1, minHeight: 32 }}
                  onClick={() => open(action)}
                  aria-label={t('actions.correctNamed', {
                    type: label('actionTypes', action.type),
                    when: f.dateTime(action.occurredAt),
                  })}
                >
                  {t('actions.correct')}
                </Button>
              )}
            </Paper>
          );
        })}
      </Stack>
      {dialog && (
        <ActionDialog
          caseId={caseId}
          corrects={dialog.corrects}
          onClose={close}
          onSaved={() => {
            close();
            setSaved(true);
          }}
        />
      )}
    </Box>
  );
}
