import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { unwrap } from '../../api/call';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import { useMe } from '../../shell/use-me';
import { QueryState } from '../common/query-state';
import { OrganisationForm, type OrganisationFields } from './organisation-form';
import { organisationKey, useOrganisation, type Organisation } from './use-organisation';

type UpdateBody = components['schemas']['UpdateOrganisationRequest'];

function AdminOrganisationForm({ organisation }: { organisation?: Organisation }) {
  const { t } = useTranslation('directory');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const save = (fields: OrganisationFields, managedByCountryCode: string) =>
    organisation
      ? unwrap(
          api.PATCH('/api/v1/organisations/{id}', {
            params: { path: { id: organisation.id } },
            // The document marks `active` required for its default; an edit leaves the state
            // alone (the detail page changes it, behind a confirmation).
            body: fields as UpdateBody,
          }),
        )
      : unwrap(
          api.POST('/api/v1/organisations', {
            body: {
              ...fields,
              active: true,
              ...(managedByCountryCode && { managedByCountryCode }),
            },
          }),
        );
  return (
    <OrganisationForm
      organisation={organisation}
      heading={
        organisation
          ? t('organisations.editTitle', { name: organisation.name })
          : t('organisations.createTitle')
      }
      save={save}
      onSaved={(saved) => {
        queryClient.setQueryData(organisationKey(saved.id), saved);
        void queryClient.invalidateQueries({ queryKey: ['organisations', 'list'] });
        void navigate(`/directory/organisations/${saved.id}`);
      }}
      cancelTo={
        organisation ? `/directory/organisations/${organisation.id}` : '/directory/organisations'
      }
    />
  );
}

/** Add a referral organisation to the directory, or edit one. */
export function OrganisationFormPage() {
  const { id } = useParams();
  const organisation = useOrganisation(id);
  const me = useMe();
  if (id && !organisation.data)
    return <QueryState isPending={organisation.isPending} error={organisation.error} />;
  if (!me.data) return <QueryState isPending={me.isPending} error={me.error} />;
  return <AdminOrganisationForm key={id ?? 'new'} organisation={organisation.data} />;
}
