import { DomainError } from '@amparo/core';
import { isUUID } from 'class-validator';
import { EntityManager } from 'typeorm';
import { ChildCaseFacts, PersonAgeFacts } from './child-rules';

export interface CasePersonAge extends PersonAgeFacts {
  personId: string;
  role: 'primary' | 'involved';
}

/**
 * A case's codes and the ages of its persons, read in `manager`'s transaction (the caller's wall
 * applies): what the child rules decide on. A case the transaction cannot see answers 404.
 */
export async function loadChildCaseFacts(
  manager: EntityManager,
  caseId: string,
): Promise<{ facts: ChildCaseFacts; persons: CasePersonAge[] }> {
  const [facts] = isUUID(caseId)
    ? await manager.query<ChildCaseFacts[]>(
        `SELECT primary_category AS "primaryCategory", secondary_categories AS "secondaryCategories",
                vulnerability_flags AS "vulnerabilityFlags", risk_level AS "riskLevel"
           FROM cases WHERE id = $1`,
        [caseId],
      )
    : [];
  if (!facts) throw new DomainError('CASE_NOT_FOUND', 'not_found');
  const persons = await manager.query<CasePersonAge[]>(
    `SELECT cp.person_id AS "personId", cp.role, to_char(p.date_of_birth, 'YYYY-MM-DD') AS "dateOfBirth",
            p.estimated_age AS "estimatedAge", to_char(p.estimated_age_on, 'YYYY-MM-DD') AS "estimatedAgeOn"
       FROM case_persons cp JOIN persons p ON p.id = cp.person_id
      WHERE cp.case_id = $1
      ORDER BY cp.role DESC, cp.person_id`,
    [caseId],
  );
  return { facts, persons };
}

/**
 * The ages of the persons of the case `c` of the enclosing query, as a JSON array of
 * PersonAgeFacts: what a list row needs to tell a child's case by age (any person, not only the
 * primary), read under the same wall as the row.
 */
export const PERSON_AGES_OF_CASE_SQL = `(SELECT COALESCE(json_agg(json_build_object(
    'dateOfBirth', to_char(p.date_of_birth, 'YYYY-MM-DD'), 'estimatedAge', p.estimated_age,
    'estimatedAgeOn', to_char(p.estimated_age_on, 'YYYY-MM-DD'))), '[]')
   FROM case_persons cp JOIN persons p ON p.id = cp.person_id WHERE cp.case_id = c.id)`;
