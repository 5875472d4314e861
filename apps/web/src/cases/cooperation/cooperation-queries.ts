import { useQuery } from '@tanstack/react-query';
import { ApiError, unwrap } from '../../api/call';
import { api } from '../../api/client';
import { isProblem } from '../../api/problem';
import type { components } from '../../api/schema';
import { fileNameOf } from '../../statistics/download-export';

export type Consent = components['schemas']['ConsentResponse'];
export type Referral = components['schemas']['ReferralResponse'];
export type Candidate = components['schemas']['ReferralCandidateResponse'];
export type DisclosurePreview = components['schemas']['DisclosurePreviewResponse'];
export type DisclosureField = components['schemas']['ReferralPreviewRequest']['fields'][number];
export type OrganisationService =
  components['schemas']['ReferralPreviewRequest']['services'][number];
export type ConsentPurpose = Consent['purposes'][number];

/** The fields in the catalogue's order (the API's enum). */
export const DISCLOSURE_FIELDS: DisclosureField[] = [
  'names',
  'date_of_birth',
  'sex',
  'gender',
  'nationality',
  'origin',
  'documents',
  'contact',
  'address_abroad',
  'languages',
  'categories',
  'vulnerability_flags',
  'case_summary',
];

export const CONSENT_PURPOSES: ConsentPurpose[] = [
  'services',
  'disclosure_to_organisations',
  'disclosure_to_other_country',
  'disclosure_to_home_authorities',
  'tracing',
];

/** Under the case's key: a write to the case (or of these) refreshes them with it. */
export const cooperationKeys = {
  consents: (caseId: string) => ['cases', 'detail', caseId, 'consents'] as const,
  referrals: (caseId: string) => ['cases', 'detail', caseId, 'referrals'] as const,
  candidates: (caseId: string) => ['cases', 'detail', caseId, 'referral-candidates'] as const,
};

export function useConsents(caseId: string) {
  return useQuery({
    queryKey: cooperationKeys.consents(caseId),
    queryFn: () =>
      unwrap(api.GET('/api/v1/cases/{id}/consents', { params: { path: { id: caseId } } })),
  });
}

export function useReferrals(caseId: string) {
  return useQuery({
    queryKey: cooperationKeys.referrals(caseId),
    queryFn: () =>
      unwrap(api.GET('/api/v1/cases/{id}/referrals', { params: { path: { id: caseId } } })),
  });
}

/**
 * Downloads a referral letter. It needs the bearer token, so a plain link cannot fetch it: it is
 * fetched here and handed to the browser as a file under the name the API gives it.
 */
export async function downloadLetter(id: string, lang: 'es' | 'en'): Promise<string> {
  const { data, error, response } = await api.GET('/api/v1/referrals/{id}/letter', {
    params: { path: { id }, query: { lang } },
    parseAs: 'blob',
  });
  if (!response.ok || !data)
    throw new ApiError(response.status, isProblem(error) ? error : undefined);
  const name = fileNameOf(response.headers.get('Content-Disposition')) ?? `referral-${id}.pdf`;
  const url = URL.createObjectURL(data as Blob);
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
  return name;
}
