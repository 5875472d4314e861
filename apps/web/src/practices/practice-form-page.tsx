import { Alert, Button, List, ListItem, Stack, TextField, Typography } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ApiError, unwrap } from '../api/call';
import { api } from '../api/client';
import { useCodeLists } from '../codes/use-code-lists';
import { CheckboxGroup } from '../directory/common/checkbox-group';
import { SelectField } from '../directory/common/select-field';
import { ProblemAlert } from '../shell/problem-alert';
import { useMe } from '../shell/use-me';
import {
  PRACTICE_KINDS,
  practiceKeys,
  usePractice,
  type Practice,
  type PracticeInput,
} from './practice-queries';

interface Draft {
  kind: string;
  titleEs: string;
  titleEn: string;
  countries: string;
  categories: string[];
  problem: string;
  action: string;
  results: string;
  contacts: string;
  semester: string;
}

const fromPractice = (p: Practice): Draft => ({
  kind: p.kind,
  titleEs: p.titleEs ?? '',
  titleEn: p.titleEn ?? '',
  countries: p.countries.join(', '),
  categories: p.categories,
  problem: p.problem,
  action: p.action,
  results: p.results,
  contacts: p.contacts,
  semester: p.semester ?? '',
});

function toInput(d: Draft): PracticeInput {
  return {
    kind: d.kind as PracticeInput['kind'],
    titleEs: d.titleEs.trim() || null,
    titleEn: d.titleEn.trim() || null,
    countries: d.countries
      .split(/[\s,;]+/)
      .map((c) => c.trim().toUpperCase())
      .filter(Boolean),
    categories: d.categories as PracticeInput['categories'],
    problem: d.problem,
    action: d.action,
    results: d.results,
    contacts: d.contacts,
    ...(d.semester.trim() ? { semester: d.semester.trim() } : {}),
  };
}

function PracticeForm({ current }: { current?: Practice }) {
  const { t, i18n } = useTranslation('practices');
  const navigate = useNavigate();
  const client = useQueryClient();
  const me = useMe().data;
  const codes = useCodeLists().data;
  const own = me?.grants.find((g) => g.role === 'admin' || g.role === 'consul')?.countryCode ?? '';
  const [draft, setDraft] = useState<Draft>(
    current
      ? fromPractice(current)
      : {
          kind: 'practice',
          titleEs: '',
          titleEn: '',
          countries: own,
          categories: [],
          problem: '',
          action: '',
          results: '',
          contacts: '',
          semester: '',
        },
  );
  const set = (key: keyof Draft) => (value: string) => setDraft({ ...draft, [key]: value });
  const save = useMutation({
    mutationFn: async () => {
      if (!current) return unwrap(api.POST('/api/v1/good-practices', { body: toInput(draft) }));
      return unwrap(
        api.PATCH('/api/v1/good-practices/{id}', {
          params: { path: { id: current.id }, header: { 'If-Match': `"v${current.version}"` } },
          body: toInput(draft),
        }),
      );
    },
    onSuccess: async (saved) => {
      await client.invalidateQueries({ queryKey: practiceKeys.all });
      navigate(`/practices/${saved.id}`);
    },
  });
  const fieldErrors = save.error instanceof ApiError ? (save.error.problem?.errors ?? []) : [];
  const errorOf = (field: string) =>
    fieldErrors.find((e) => e.field === field || e.field.startsWith(`${field}.`))?.message;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const language = i18n.language === 'en' ? 'en' : 'es';
  const text = (key: keyof Draft, multiline = false, required = false) => (
    <TextField
      id={`practice-${key}`}
      label={t(`fields.${key}` as 'fields.problem')}
      value={draft[key] as string}
      onChange={(event) => set(key)(event.target.value)}
      multiline={multiline}
      minRows={multiline ? 3 : undefined}
      required={required}
      error={Boolean(errorOf(key))}
      helperText={errorOf(key)}
      fullWidth
    />
  );
  return (
    <form noValidate onSubmit={submit}>
      <Stack spacing={3}>
        <Typography variant="h4" component="h1">
          {current ? t('form.editTitle') : t('form.createTitle')}
        </Typography>
        {fieldErrors.length > 0 && (
          <Alert severity="error">
            <Typography variant="h6" component="h2" role="alert">
              {t('form.errorsTitle')}
            </Typography>
            <List dense>
              {fieldErrors.map((e) => (
                <ListItem key={`${e.field}-${e.code}`}>{e.message}</ListItem>
              ))}
            </List>
          </Alert>
        )}
        {save.error && fieldErrors.length === 0 && <ProblemAlert error={save.error} />}
        <SelectField
          id="practice-kind"
          label={t('fields.kind')}
          value={draft.kind}
          onChange={set('kind')}
          options={PRACTICE_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
          required
        />
        {text('titleEs')}
        {text('titleEn')}
        <TextField
          id="practice-countries"
          label={t('fields.countries')}
          value={draft.countries}
          onChange={(event) => set('countries')(event.target.value)}
          required
          error={Boolean(errorOf('countries'))}
          helperText={errorOf('countries') ?? t('fields.countriesHint')}
          fullWidth
        />
        <CheckboxGroup
          id="practice-categories"
          legend={t('fields.categories')}
          options={(codes?.caseCategories ?? []).map((c) => ({
            value: c.code,
            label: c.label[language],
          }))}
          value={draft.categories}
          onChange={(categories) => setDraft({ ...draft, categories })}
        />
        {text('problem', true, true)}
        {text('action', true, true)}
        {text('results', true)}
        {text('contacts', true)}
        {text('semester')}
        <Stack direction="row" spacing={2}>
          <Button type="submit" variant="contained" disabled={save.isPending}>
            {t('form.save')}
          </Button>
          <Button onClick={() => navigate(current ? `/practices/${current.id}` : '/practices')}>
            {t('page.cancel')}
          </Button>
        </Stack>
      </Stack>
    </form>
  );
}

function EditForm({ id }: { id: string }) {
  const { t } = useTranslation('practices');
  const practice = usePractice(id);
  if (practice.error) return <ProblemAlert error={practice.error} />;
  if (!practice.data) return <Typography role="status">{t('page.loading')}</Typography>;
  return <PracticeForm current={practice.data} />;
}

/** `/practices/new` and `/practices/:id/edit`: the draft's fields (documents go on its page). */
export function PracticeFormPage() {
  const { id } = useParams();
  return id ? <EditForm id={id} /> : <PracticeForm />;
}
