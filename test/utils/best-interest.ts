import { TestStack } from './test-app';

/**
 * Records a best-interest assessment of a case's primary person directly, for specs whose subject
 * is not the assessment but which close an unaccompanied child's case (refused without one).
 */
export async function assessBestInterests(
  stack: Pick<TestStack, 'query'>,
  caseId: string,
): Promise<void> {
  await stack.query(
    `INSERT INTO best_interest_assessments (case_id, person_id, assessed_by, assessed_at, findings,
                                            recommended_solution, recorded_by)
     SELECT id, primary_person_id, created_by, now(), 'Family located; return recommended.',
            'return_to_family_in_origin', created_by
       FROM cases WHERE id = $1`,
    [caseId],
  );
}
