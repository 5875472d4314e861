import { TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { CheckboxGroup } from '../directory/common/checkbox-group';
import { CodeAutocomplete } from '../directory/common/code-autocomplete';
import { useSubdivisions } from '../directory/common/use-countries';
import { useCountryPosts } from './use-country-posts';

/**
 * The fields an event is declared with and later edited with (name, affected subdivisions,
 * responding posts), shared by the declare and the edit dialogs so both read and behave alike.
 */
export function EventNameField({
  id,
  value,
  onChange,
  error,
}: {
  id: string;
  value: string;
  onChange(value: string): void;
  error?: string;
}) {
  const { t } = useTranslation('crisis');
  return (
    <TextField
      id={id}
      label={t('declare.name')}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      required
      fullWidth
      error={Boolean(error)}
      helperText={error ?? t('declare.nameHint')}
    />
  );
}

/** The affected states or provinces, out of those of the host country. */
export function SubdivisionsField({
  id,
  hostCountryCode,
  value,
  onChange,
  error,
}: {
  id: string;
  hostCountryCode: string;
  value: string[];
  onChange(value: string[]): void;
  error?: string;
}) {
  const { t } = useTranslation('crisis');
  const subdivisions = useSubdivisions(hostCountryCode);
  return (
    <CodeAutocomplete
      id={id}
      label={t('declare.subdivisions')}
      options={(subdivisions.data?.items ?? []).map((s) => ({
        code: s.code,
        name: `${s.name} (${s.code})`,
      }))}
      value={value}
      onChange={onChange}
      error={error}
      hint={t('declare.subdivisionsHint')}
    />
  );
}

/** The responding posts: the active posts of the caller's country, the lead first. */
export function RespondingPostsField({
  id,
  value,
  onChange,
  error,
}: {
  id: string;
  value: string[];
  onChange(value: string[]): void;
  error?: string;
}) {
  const { t } = useTranslation('crisis');
  const { posts } = useCountryPosts();
  return (
    <CheckboxGroup
      id={id}
      legend={`${t('declare.posts')} — ${t('declare.postsHint')}`}
      options={posts.map((p) => ({ value: p.id, label: `${p.name} (${p.postCode})` }))}
      value={value}
      onChange={onChange}
      required
      error={error}
    />
  );
}
