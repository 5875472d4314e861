import { Box, Button, FormHelperText, Paper, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { CountrySelect } from '../../directory/common/country-select';
import { SelectField } from '../../directory/common/select-field';
import { useManagedCountries } from '../../directory/common/use-managed-countries';
import { useConsulateOptions } from '../../directory/consulates/use-consulate-options';
import { useOrganisationOptions } from '../../directory/organisations/use-organisation-options';
import { scopeOf, useGrantableRoles, useRoleLabel } from './roles';
import type { Role } from './use-user';

/** One row of the editor: a role and, by its kind, the consulate or the country it is for. */
export interface GrantDraft {
  role: Role | '';
  consulateId: string;
  countryCode: string;
  organisationId: string;
}

export const emptyGrant = (): GrantDraft => ({
  role: '',
  consulateId: '',
  countryCode: '',
  organisationId: '',
});

/** A stored grant as a row of the editor. */
export const grantDraftOf = (grant: {
  role: Role;
  consulateId: string | null;
  countryCode: string | null;
  organisationId: string | null;
}): GrantDraft => ({
  role: grant.role,
  consulateId: grant.consulateId ?? '',
  countryCode: grant.countryCode ?? '',
  organisationId: grant.organisationId ?? '',
});

/** The ids of a row's fields, as the API names them in its field errors (`grants.0.role`). */
export const grantFieldId = (prefix: string, index: number, field: keyof GrantDraft) =>
  `${prefix}-grants-${index}-${field}`;

/** The request's grants: each role with the one scope its kind takes. */
export function toGrantRequests(drafts: readonly GrantDraft[]) {
  return drafts.map((draft) => {
    const role = draft.role as Role;
    const scope = scopeOf(role);
    return {
      role,
      ...(scope === 'consulate' && { consulateId: draft.consulateId }),
      ...(scope === 'country' && { countryCode: draft.countryCode }),
      ...(scope === 'organisation' && { organisationId: draft.organisationId }),
    };
  });
}

/** The messages of the rows missing a role or its scope, before asking the API. */
export function missingGrantParts(
  prefix: string,
  drafts: readonly GrantDraft[],
  message: (key: 'role' | 'consulateId' | 'countryCode' | 'organisationId', row: number) => string,
) {
  return drafts.flatMap((draft, index) => {
    if (!draft.role)
      return [
        { fieldId: grantFieldId(prefix, index, 'role'), message: message('role', index + 1) },
      ];
    const scope = scopeOf(draft.role);
    if (scope === 'consulate' && !draft.consulateId)
      return [
        {
          fieldId: grantFieldId(prefix, index, 'consulateId'),
          message: message('consulateId', index + 1),
        },
      ];
    if (scope === 'country' && !draft.countryCode)
      return [
        {
          fieldId: grantFieldId(prefix, index, 'countryCode'),
          message: message('countryCode', index + 1),
        },
      ];
    if (scope === 'organisation' && !draft.organisationId)
      return [
        {
          fieldId: grantFieldId(prefix, index, 'organisationId'),
          message: message('organisationId', index + 1),
        },
      ];
    return [];
  });
}

interface GrantsEditorProps {
  prefix: string;
  value: readonly GrantDraft[];
  onChange(value: GrantDraft[]): void;
  errorOf(fieldId: string): string | undefined;
}

/**
 * A user's roles, one row each: officers and consuls at a consulate, supervisors, analysts and
 * admins for a country, an organisation's focal point for an organisation (of those the
 * administrator's country manages), system administrators for the whole network.
 */
export function GrantsEditor({ prefix, value, onChange, errorOf }: GrantsEditorProps) {
  const { t } = useTranslation('admin');
  const roles = useGrantableRoles();
  const roleLabel = useRoleLabel();
  const managed = useManagedCountries();
  const posts = useConsulateOptions(t('grants.inactivePost'), managed);
  const organisations = useOrganisationOptions(t('grants.inactiveOrganisation'), managed);
  const update = (index: number, change: Partial<GrantDraft>) =>
    onChange(value.map((draft, i) => (i === index ? { ...draft, ...change } : draft)));
  const roleOptions = roles.map((role) => ({ value: role, label: roleLabel(role) }));

  return (
    <Box component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
      <Typography component="legend" variant="h6" sx={{ mb: 1 }}>
        {t('grants.legend')}
      </Typography>
      <FormHelperText sx={{ mb: 2 }}>{t('grants.hint')}</FormHelperText>
      <Stack spacing={2}>
        {value.length === 0 && <Typography>{t('grants.none')}</Typography>}
        {value.map((draft, index) => {
          const scope = scopeOf(draft.role);
          const id = (field: keyof GrantDraft) => grantFieldId(prefix, index, field);
          return (
            <Paper
              key={index}
              variant="outlined"
              role="group"
              aria-label={t('grants.row', { number: index + 1 })}
              sx={{ p: 2 }}
            >
              <Stack
                direction={{ xs: 'column', sm: 'row' }}
                spacing={2}
                sx={{ alignItems: 'start' }}
              >
                <SelectField
                  id={id('role')}
                  label={t('grants.role', { number: index + 1 })}
                  value={draft.role}
                  onChange={(role) => update(index, { role: role as Role })}
                  options={
                    draft.role && !roles.includes(draft.role)
                      ? [...roleOptions, { value: draft.role, label: roleLabel(draft.role) }]
                      : roleOptions
                  }
                  emptyLabel={t('grants.chooseRole')}
                  required
                  error={errorOf(id('role'))}
                  // Wide enough for the longest role's name ("Punto focal de organización").
                  sx={{ minWidth: 280 }}
                />
                {scope === 'consulate' && (
                  <SelectField
                    id={id('consulateId')}
                    label={t('grants.consulate', { number: index + 1 })}
                    value={draft.consulateId}
                    onChange={(consulateId) => update(index, { consulateId })}
                    options={posts.options}
                    emptyLabel={t('grants.chooseConsulate')}
                    required
                    error={errorOf(id('consulateId'))}
                    sx={{ flexGrow: 1, maxWidth: 420 }}
                  />
                )}
                {scope === 'country' && (
                  <CountrySelect
                    id={id('countryCode')}
                    label={t('grants.country', { number: index + 1 })}
                    value={draft.countryCode}
                    onChange={(countryCode) => update(index, { countryCode })}
                    emptyLabel={t('grants.chooseCountry')}
                    membersOnly
                    only={managed}
                    required
                    error={errorOf(id('countryCode'))}
                  />
                )}
                {scope === 'organisation' && (
                  <SelectField
                    id={id('organisationId')}
                    label={t('grants.organisation', { number: index + 1 })}
                    value={draft.organisationId}
                    onChange={(organisationId) => update(index, { organisationId })}
                    options={organisations.options}
                    emptyLabel={t('grants.chooseOrganisation')}
                    required
                    error={errorOf(id('organisationId'))}
                    hint={t('grants.focalPointHint')}
                    sx={{ flexGrow: 1, maxWidth: 420 }}
                  />
                )}
                {scope === 'none' && draft.role && (
                  <Typography sx={{ alignSelf: 'center' }}>{t('grants.wholeNetwork')}</Typography>
                )}
                <Button
                  color="error"
                  onClick={() => onChange(value.filter((_, i) => i !== index))}
                  sx={{ alignSelf: 'center' }}
                >
                  {t('grants.remove', { number: index + 1 })}
                </Button>
              </Stack>
            </Paper>
          );
        })}
        <Button
          variant="outlined"
          onClick={() => onChange([...value, emptyGrant()])}
          sx={{ alignSelf: 'start' }}
        >
          {t('grants.add')}
        </Button>
      </Stack>
    </Box>
  );
}

/**
 * A `fieldId` for `problemErrors`: the API's `grants.N.field` (or `grants.N` for the row as a
 * whole) to the row's field, other fields to `<prefix>-<field>` when the form has them.
 */
export function userFieldId(prefix: string, fields: readonly string[]) {
  return (apiField: string): string | undefined => {
    const grant = /^grants\.(\d+)(?:\.(role|consulateId|countryCode|organisationId))?/.exec(
      apiField,
    );
    if (grant)
      return grantFieldId(prefix, Number(grant[1]), (grant[2] ?? 'role') as keyof GrantDraft);
    return fields.includes(apiField) ? `${prefix}-${apiField}` : undefined;
  };
}
