import { Alert, Box, Button, MenuItem, Paper, Stack, TextField, Typography } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { unwrap } from '../../api/call';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import { ErrorSummary } from '../../shell/error-summary';
import { useErrorSummary } from '../../shell/sign-in/use-error-summary';
import { caseKeys } from '../case-queries';
import { submitErrors } from '../submit-errors';
import type { RegisteredState } from '../registered-state';
import { CaseSection } from './case-section';
import { DuplicatesDialog } from './duplicates-dialog';
import { errorProps } from './form-props';
import {
  emptyIntake,
  intakeBody,
  intakeFieldId,
  intakeProblems,
  type FoundPerson,
  type IntakeForm,
} from './intake-form';
import { PersonMatches } from './person-matches';
import { PersonSection } from './person-section';
import { useMyPosts } from './use-my-posts';
import { usePersonMatches } from './use-person-matches';

type CreateCase = components['schemas']['CreateCaseRequest'];

/** `/cases/new`: registering a case with its minimum data, one case per submit whatever happens. */
export function IntakePage() {
  const { t } = useTranslation('cases');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { errors, setErrors, summaryRef, fieldError } = useErrorSummary();
  const [form, setForm] = useState<IntakeForm>(emptyIntake);
  const set = (patch: Partial<IntakeForm>) => setForm((current) => ({ ...current, ...patch }));
  const { posts } = useMyPosts();
  const { matches, searching, q } = usePersonMatches(form);
  // The search the user answered "register as new" to; a new search asks again.
  const [newPersonFor, setNewPersonFor] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);

  // One key per form fill, kept across failures and retries, so the API creates one case at most.
  const idempotencyKey = useRef(crypto.randomUUID());
  const sending = useRef(false);

  const onlyPost = posts.length === 1 ? posts[0] : undefined;
  useEffect(() => {
    if (onlyPost && !form.consulateId) set({ consulateId: onlyPost.id });
  }, [onlyPost, form.consulateId]);
  const post = posts.find((p) => p.id === form.consulateId);
  useEffect(() => {
    // The nationals a post assists are mostly of its own country.
    if (post?.sendingCountryCode && !form.nationalityCode)
      set({ nationalityCode: post.sendingCountryCode });
  }, [post?.sendingCountryCode]);

  const create = useMutation({
    mutationFn: (body: CreateCase) =>
      unwrap(
        api.POST('/api/v1/cases', {
          body,
          params: { header: { 'Idempotency-Key': idempotencyKey.current } },
        }),
      ),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: caseKeys.all });
      const state: RegisteredState = {
        registered: {
          reference: created.reference,
          possibleDuplicates: created.possibleDuplicates,
        },
      };
      void navigate(`/cases/${created.id}`, { state });
    },
    onError: (error) => setErrors(submitErrors(error, intakeFieldId, t)),
    onSettled: () => {
      sending.current = false;
    },
  });

  function send() {
    if (sending.current) return;
    sending.current = true;
    setErrors([]);
    create.mutate(intakeBody(form));
  }

  function submit(event?: FormEvent) {
    event?.preventDefault();
    if (sending.current) return;
    const problems = intakeProblems(form, t);
    if (problems.length) return setErrors(problems);
    if (!form.linkedPerson && matches.length > 0 && newPersonFor !== q) return setAsking(true);
    send();
  }

  function use(person: FoundPerson) {
    setAsking(false);
    set({ linkedPerson: person });
    setTimeout(() => document.getElementById('linked-person')?.focus());
  }

  return (
    <Paper variant="outlined" sx={{ p: { xs: 2, sm: 4 }, maxWidth: 900, mx: 'auto' }}>
      <form noValidate onSubmit={submit}>
        <Typography variant="h4" component="h1" gutterBottom>
          {t('intake.title')}
        </Typography>
        <Typography sx={{ mb: 3 }}>{t('intake.intro')}</Typography>
        <ErrorSummary ref={summaryRef} errors={errors} />
        <Stack spacing={4}>
          <Box component="section" aria-labelledby="post-section">
            <Typography id="post-section" variant="h5" component="h2" gutterBottom>
              {t('intake.postSection')}
            </Typography>
            <TextField
              select
              id="consulateId"
              label={t('intake.consulate')}
              value={form.consulateId}
              onChange={(e) => set({ consulateId: e.target.value })}
              required
              fullWidth
              {...errorProps(fieldError('consulateId'))}
            >
              {posts.map((p) => (
                <MenuItem key={p.id} value={p.id}>
                  {p.name || p.id}
                </MenuItem>
              ))}
            </TextField>
          </Box>
          <Box component="section" aria-labelledby="person-section">
            <Typography id="person-section" variant="h5" component="h2" gutterBottom>
              {t('intake.personSection')}
            </Typography>
            <PersonSection form={form} set={set} fieldError={fieldError} />
            {!form.linkedPerson && (
              <Box sx={{ mt: 2 }}>
                <Typography role="status" variant="body2">
                  {searching ? t('duplicates.searching') : ''}
                </Typography>
                {matches.length > 0 && (
                  <Alert severity="warning" role="none" sx={{ display: 'block' }}>
                    <Typography variant="h6" component="h3">
                      {t('duplicates.title')}
                    </Typography>
                    <Typography variant="body2" sx={{ mb: 1 }}>
                      {t('duplicates.intro')}
                    </Typography>
                    <PersonMatches matches={matches} dateOfBirth={form.dateOfBirth} onUse={use} />
                  </Alert>
                )}
              </Box>
            )}
          </Box>
          <Box component="section" aria-labelledby="case-section">
            <Typography id="case-section" variant="h5" component="h2" gutterBottom>
              {t('intake.caseSection')}
            </Typography>
            <CaseSection form={form} set={set} fieldError={fieldError} />
          </Box>
          <Button
            type="submit"
            variant="contained"
            size="large"
            loading={create.isPending}
            sx={{ alignSelf: 'start' }}
          >
            {t('intake.submit')}
          </Button>
        </Stack>
      </form>
      <DuplicatesDialog
        open={asking}
        matches={matches}
        dateOfBirth={form.dateOfBirth}
        onUse={use}
        onClose={() => setAsking(false)}
        onRegisterNew={() => {
          setAsking(false);
          setNewPersonFor(q);
          send();
        }}
      />
    </Paper>
  );
}
