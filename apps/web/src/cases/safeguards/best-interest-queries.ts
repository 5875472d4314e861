import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../../api/call';
import { api } from '../../api/client';
import type { components } from '../../api/schema';

export type Assessment = components['schemas']['BestInterestAssessmentResponse'];
export type NewAssessment = components['schemas']['BestInterestAssessmentRequest'];
export type DurableSolution = NewAssessment['recommendedSolution'];

/** In the API's order. */
export const DURABLE_SOLUTIONS: DurableSolution[] = [
  'return_to_family_in_origin',
  'family_reunification_in_host_country',
  'local_integration',
  'third_country_resettlement',
  'alternative_care_in_origin',
  'other',
];

/** Under the case's key: a write to the case refreshes them with it. */
export const assessmentKeys = {
  list: (caseId: string) => ['cases', 'detail', caseId, 'best-interest-assessments'] as const,
};

export function useAssessments(caseId: string, enabled = true) {
  return useQuery({
    queryKey: assessmentKeys.list(caseId),
    enabled,
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/cases/{id}/best-interest-assessments', {
          params: { path: { id: caseId } },
        }),
      ),
  });
}
