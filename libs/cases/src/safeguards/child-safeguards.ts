import { Injectable } from '@nestjs/common';
import { DomainError } from '@amparo/core';
import { EntityManager } from 'typeorm';
import { loadChildCaseFacts } from './child-case-facts';
import { isChildCase, isMinor, isUnaccompaniedChildCase } from './child-rules';
import { PURPOSE_WORDS } from './safeguard-errors';

/**
 * The child safeguards other use cases apply inside their own transaction (a return, a closure):
 * whether a case is a child's, and whether the child's best interests were assessed first.
 */
@Injectable()
export class ChildSafeguards {
  /** true when the case is an unaccompanied/separated child's case (category or flag) or has a person under 18 */
  async isChildCase(manager: EntityManager, caseId: string, now = new Date()): Promise<boolean> {
    const { facts, persons } = await loadChildCaseFacts(manager, caseId);
    return isChildCase(facts, persons, now);
  }

  /**
   * throws DomainError BEST_INTEREST_ASSESSMENT_REQUIRED (409, es/en) when the case is an
   * unaccompanied child's case (category or flag unaccompanied_child/separated_child) and no
   * assessment is recorded for its child person(s); purpose words the message
   */
  async assertBestInterestAssessed(
    manager: EntityManager,
    caseId: string,
    purpose: 'return' | 'closure',
  ): Promise<void> {
    const { facts, persons } = await loadChildCaseFacts(manager, caseId);
    if (!isUnaccompaniedChildCase(facts)) return;
    const now = new Date();
    // The children are the persons under 18; when no age is known, the case's primary person.
    const minors = persons.filter((p) => isMinor(p, now));
    const children = minors.length ? minors : persons.filter((p) => p.role === 'primary');
    const assessed = await manager.query<{ personId: string }[]>(
      `SELECT DISTINCT person_id AS "personId" FROM best_interest_assessments WHERE case_id = $1`,
      [caseId],
    );
    const done = new Set(assessed.map((a) => a.personId));
    const missing = children.filter((c) => !done.has(c.personId));
    if (missing.length) {
      throw new DomainError('BEST_INTEREST_ASSESSMENT_REQUIRED', 'conflict', {
        params: { purpose, ...PURPOSE_WORDS[purpose], missing: missing.length },
      });
    }
  }
}
