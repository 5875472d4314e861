import { Box, Button, Paper, Stack, Typography } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'react-router';
import { ApiError } from '../../api/call';
import { api } from '../../api/client';
import { ProblemAlert } from '../../shell/problem-alert';
import { useHasPermission, useMe } from '../../shell/use-me';
import { caseKeys, isRestrictedRefusal, unwrapVersioned, useCase } from '../case-queries';
import { isRegisteredState } from '../registered-state';
import { AccessBanner } from './access-banner';
import { useAccessGrant } from './access-grant';
import { ActionsTimeline } from './actions-timeline';
import { CaseEditDialog } from './case-edit-dialog';
import { CaseHeader } from './case-header';
import { CaseHistory } from './case-history';
import { CasePersons } from './case-persons';
import { RegisteredNotice } from './registered-notice';
import { RestrictedNotice } from './restricted-notice';

/** `/cases/:id`: the case, its persons, actions and history, and what the caller may do with it. */
export function CasePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('cases');
  const location = useLocation();
  const queryClient = useQueryClient();
  const me = useMe().data;
  const found = useCase(id);
  const { grant } = useAccessGrant(id);
  const mayWrite = useHasPermission('cases:write');
  const mayAssign = useHasPermission('cases:assign');
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState('');
  const editButton = useRef<HTMLButtonElement>(null);

  const assign = useMutation({
    mutationFn: () =>
      unwrapVersioned(
        api.POST('/api/v1/cases/{id}/assignment', {
          params: { path: { id }, header: { 'If-Match': found.data!.etag } },
          body: { officerId: me!.id },
        }),
      ),
    onSuccess: (saved) => {
      queryClient.setQueryData(caseKeys.detail(id), saved);
      void queryClient.invalidateQueries({ queryKey: caseKeys.history(id) });
      setNotice(t('page.assigned_ok'));
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 412)
        void queryClient.invalidateQueries({ queryKey: caseKeys.detail(id) });
    },
  });

  if (found.isError) {
    if (isRestrictedRefusal(found.error)) return <RestrictedNotice caseId={id} />;
    return (
      <Paper variant="outlined" sx={{ p: 4, maxWidth: 720, mx: 'auto' }}>
        <Stack spacing={2}>
          <Typography variant="h4" component="h1">
            {t('notFound.title')}
          </Typography>
          <ProblemAlert error={found.error} />
        </Stack>
      </Paper>
    );
  }
  if (!found.data) return <Typography role="status">{t('page.loading')}</Typography>;

  const c = found.data.case;
  // Until the case answer says what the caller may do, the grants at the case's post decide.
  const rolesHere = (me?.grants ?? []).filter((g) => g.consulateId === c.consulateId);
  const worksPost = mayWrite && rolesHere.some((g) => g.role === 'officer' || g.role === 'consul');
  const recordActions = worksPost && c.status !== 'closed';
  const mayAssignSelf = mayAssign && rolesHere.some((g) => g.role === 'consul');
  return (
    <Stack spacing={4}>
      {grant && <AccessBanner grant={grant} />}
      {isRegisteredState(location.state) && location.state.registered.reference === c.reference && (
        <RegisteredNotice registered={location.state.registered} />
      )}
      <CaseHeader
        value={c}
        actions={
          <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap' }}>
            {worksPost && (
              <Button ref={editButton} variant="outlined" onClick={() => setEditing(true)}>
                {t('edit.open')}
              </Button>
            )}
            {mayAssignSelf && me && c.assignedOfficerId !== me.id && (
              <Button variant="outlined" onClick={() => assign.mutate()} loading={assign.isPending}>
                {t('page.assignToMe')}
              </Button>
            )}
          </Stack>
        }
      />
      {assign.isError && <ProblemAlert error={assign.error} />}
      <Typography role="status">{notice}</Typography>
      <Box component="section" aria-labelledby="summary-title">
        <Typography id="summary-title" variant="h5" component="h2" gutterBottom>
          {t('page.summary')}
        </Typography>
        <Typography sx={{ whiteSpace: 'pre-wrap' }}>{c.summary || t('page.noSummary')}</Typography>
      </Box>
      {c.persons && <CasePersons persons={c.persons} />}
      <ActionsTimeline caseId={id} mayRecord={recordActions} />
      <CaseHistory caseId={id} />
      <CaseEditDialog
        open={editing}
        current={found.data}
        onClose={() => {
          setEditing(false);
          setTimeout(() => editButton.current?.focus());
        }}
        onSaved={() => {
          setEditing(false);
          setNotice(t('edit.saved'));
          setTimeout(() => editButton.current?.focus());
        }}
      />
    </Stack>
  );
}
