import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { unwrap } from '../api/call';
import { api } from '../api/client';
import { QueryState } from '../directory/common/query-state';
import { OrganisationForm } from '../directory/organisations/organisation-form';
import { myOrganisationKey, useMyOrganisation } from './use-my-organisation';

/**
 * The focal point updates their organisation with the directory's own form: the same fields and
 * checks, sent to PATCH /my-organisation (the state and managing country are not theirs to change).
 */
export function MyOrganisationEditPage() {
  const { t } = useTranslation('myOrganisation');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const organisation = useMyOrganisation();
  if (!organisation.data)
    return <QueryState isPending={organisation.isPending} error={organisation.error} />;
  return (
    <OrganisationForm
      organisation={organisation.data}
      heading={t('editTitle', { name: organisation.data.name })}
      save={(fields) => unwrap(api.PATCH('/api/v1/my-organisation', { body: fields }))}
      onSaved={(saved) => {
        queryClient.setQueryData(myOrganisationKey, saved);
        void navigate('/my-organisation', { state: { saved: true } });
      }}
      cancelTo="/my-organisation"
    />
  );
}
