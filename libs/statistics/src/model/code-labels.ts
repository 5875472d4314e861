import {
  CLOSURE_REASON_LABELS as CASES_CLOSURE_REASON_LABELS,
  ClosureReason,
  GENDER_LABELS as CASES_GENDER_LABELS,
  Gender,
  HOST_COUNTRY_ROLE_LABELS as CASES_HOST_COUNTRY_ROLE_LABELS,
  HostCountryRole,
  VULNERABILITY_FLAG_LABELS,
  VulnerabilityFlag,
} from '@amparo/cases';
import {
  ORGANISATION_SERVICE_LABELS,
  ORGANISATION_TYPE_LABELS as DIRECTORY_ORGANISATION_TYPE_LABELS,
  OrganisationService,
  OrganisationType,
} from '@amparo/directory';
import { AssistanceKind } from '@amparo/referrals';
import { RETURN_MODE_LABELS as RETURN_MODES, ReturnMode } from '@amparo/returns';

/** A text a user reads, in both languages of the network. */
export interface Bilingual {
  readonly es: string;
  readonly en: string;
}

const bi = (es: string, en: string): Bilingual => ({ es, en });

/** Labels for every code of the static code lists that statistics publish (docs/domain.md). */
export { ACTION_TYPE_LABELS, CATEGORY_LABELS, STATUS_LABELS } from '@amparo/cases';

export const VULNERABILITY_LABELS: Record<VulnerabilityFlag | 'multiple' | 'none', Bilingual> = {
  ...VULNERABILITY_FLAG_LABELS,
  multiple: bi('Dos o más condiciones', 'Two or more flags'),
  none: bi('Ninguna', 'None'),
};

export const CLOSURE_REASON_LABELS: Record<ClosureReason | '_Z', Bilingual> = {
  ...CASES_CLOSURE_REASON_LABELS,
  _Z: bi('No aplica', 'Not applicable'),
};

export const ORGANISATION_TYPE_LABELS: Record<OrganisationType, Bilingual> =
  DIRECTORY_ORGANISATION_TYPE_LABELS;

export const REFERRAL_SERVICE_LABELS: Record<OrganisationService | 'multiple', Bilingual> = {
  ...ORGANISATION_SERVICE_LABELS,
  multiple: bi('Dos o más servicios', 'Two or more services'),
};

export const ASSISTANCE_KIND_LABELS: Record<AssistanceKind, Bilingual> = {
  assistance: bi('Solicitud de asistencia', 'Assistance request'),
  notification: bi('Notificación', 'Notification'),
};

export const SEX_LABELS = {
  F: bi('Mujer', 'Female'),
  M: bi('Hombre', 'Male'),
  _O: bi('Intersexual', 'Intersex'),
  _U: bi('Desconocido', 'Unknown'),
} as const satisfies Record<string, Bilingual>;

export const AGE_GROUP_LABELS = {
  Y0T11: bi('0 a 11 años', '0 to 11 years'),
  Y12T17: bi('12 a 17 años', '12 to 17 years'),
  Y18T29: bi('18 a 29 años', '18 to 29 years'),
  Y30T59: bi('30 a 59 años', '30 to 59 years'),
  Y_GE60: bi('60 años o más', '60 years or more'),
  _U: bi('Desconocida', 'Unknown'),
} as const satisfies Record<string, Bilingual>;

export const TOTAL_CODE = '_T';
export const TOTAL_LABEL = bi('Total', 'Total');
export const UNKNOWN_LABEL = bi('Desconocido', 'Unknown');
export const NONE_LABEL = bi('Ninguno', 'None');

const NOT_RECORDED = bi('No registrado', 'Not recorded');

export const HOST_COUNTRY_ROLE_LABELS: Record<HostCountryRole | '_U', Bilingual> = {
  ...CASES_HOST_COUNTRY_ROLE_LABELS,
  _U: NOT_RECORDED,
};

export const GENDER_LABELS: Record<Gender | '_U', Bilingual> = {
  ...CASES_GENDER_LABELS,
  _U: NOT_RECORDED,
};

export const TEMPORARY_WORKER_LABELS = {
  Y: bi('Sí', 'Yes'),
  N: bi('No', 'No'),
} as const satisfies Record<string, Bilingual>;

export const RETURN_MODE_LABELS: Record<ReturnMode, Bilingual> = RETURN_MODES;
