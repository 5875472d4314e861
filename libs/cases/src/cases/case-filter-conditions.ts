import { SqlConditions } from '@amparo/database';
import { CaseFilters } from './case';

/**
 * The WHERE conditions of a case list's filters (alias `c`), scope not included: the list and the
 * work queue's counts build their conditions here, so a tab's count and its list cannot drift.
 */
export function caseFilterConditions(filters: CaseFilters): SqlConditions {
  const where = new SqlConditions()
    .addIf(filters.status?.length ? filters.status : undefined, 'c.status = ANY(?)')
    .addIf(filters.flag, '? = ANY(c.vulnerability_flags)')
    .addIf(filters.riskLevel, 'c.risk_level = ?')
    .addIf(filters.assignedOfficerId, 'c.assigned_officer_id = ?')
    .addIf(filters.consulateId, 'c.consulate_id = ?')
    .addIf(filters.exceptConsulateIds, 'NOT (c.consulate_id = ANY(?::uuid[]))')
    .addIf(filters.openedFrom, 'c.opened_at >= ?')
    .addIf(filters.openedTo, 'c.opened_at < ?')
    .addIf(filters.closedFrom, 'c.closed_at >= ?')
    .addIf(filters.closedTo, 'c.closed_at < ?')
    // A closed case has no step due: the condition is also the due-step index's own predicate.
    .addIf(filters.nextStepDueTo, "c.next_step_due <= ?::date AND c.status <> 'closed'")
    .addIf(
      filters.nationalityCode,
      'EXISTS (SELECT 1 FROM persons p WHERE p.id = c.primary_person_id AND p.nationality_code = ?)',
    );
  if (filters.reference) {
    // Each arm by its unique index; a former reference is found only where its case is readable.
    const reference = where.param(filters.reference);
    where.add(`c.id IN (SELECT x.id FROM cases x WHERE x.reference = ${reference}
                        UNION ALL SELECT r.case_id FROM case_references r WHERE r.reference = ${reference})`);
  }
  if (filters.category) {
    const category = where.param(filters.category);
    where.add(`(c.primary_category = ${category} OR ${category} = ANY(c.secondary_categories))`);
  }
  return where;
}
