import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@amparo/audit';
import { DomainError, invalidField } from '@amparo/core';
import { updateReturning } from '@amparo/database';
import { Caller } from '@amparo/identity';
import { DataSource } from 'typeorm';
import { GoodPractice, PracticeStatus } from './good-practice';
import { GoodPracticesService, findPractice } from './good-practices.service';
import { recordPracticeEvent } from './practice-audit';
import { isReviewer, mayEdit } from './practice-scope';

interface Step {
  from: readonly PracticeStatus[];
  to: PracticeStatus;
  /** Who takes the step: the submitting country, the secretariat, or either. */
  by: 'country' | 'secretariat' | 'either';
  /** The columns the step sets besides status; `$3` is the comment, `$4` the caller. */
  set: string;
  params: readonly ('comment' | 'caller')[];
}

/** The review workflow of an entry (docs/good-practices.md): draft → submitted → published. */
const STEPS = {
  submit: {
    from: ['draft', 'returned'],
    to: 'submitted',
    by: 'country',
    set: 'submitted_at = now(), review_comment = NULL',
    params: [],
  },
  return: {
    from: ['submitted'],
    to: 'returned',
    by: 'secretariat',
    set: 'review_comment = $3, reviewed_by = $4, reviewed_at = now()',
    params: ['comment', 'caller'],
  },
  publish: {
    from: ['submitted'],
    to: 'published',
    by: 'secretariat',
    set: 'reviewed_by = $3, reviewed_at = now(), published_at = now(), review_comment = NULL',
    params: ['caller'],
  },
  withdraw: {
    from: ['draft', 'submitted', 'returned', 'published'],
    to: 'withdrawn',
    by: 'either',
    set: 'review_comment = review_comment',
    params: [],
  },
} as const satisfies Record<string, Step>;

export type PracticeStep = keyof typeof STEPS;

@Injectable()
export class PracticeReviewService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly practices: GoodPracticesService,
    private readonly audit: AuditService,
  ) {}

  submit(caller: Caller, id: string): Promise<GoodPractice> {
    return this.step(caller, id, 'submit');
  }

  /** The secretariat sends a submitted entry back to its country with what to change. */
  returnToCountry(caller: Caller, id: string, comment: string): Promise<GoodPractice> {
    if (!comment?.trim())
      throw invalidField(
        'comment',
        'REQUIRED',
        'Explique qué debe cambiar el país.',
        'Explain what the country must change.',
      );
    return this.step(caller, id, 'return', comment.trim());
  }

  publish(caller: Caller, id: string): Promise<GoodPractice> {
    return this.step(caller, id, 'publish');
  }

  withdraw(caller: Caller, id: string): Promise<GoodPractice> {
    return this.step(caller, id, 'withdraw');
  }

  private step(
    caller: Caller,
    id: string,
    name: PracticeStep,
    comment: string | null = null,
  ): Promise<GoodPractice> {
    const step: Step = STEPS[name];
    return this.dataSource.transaction(async (m) => {
      const current = await this.practices.visible(caller, id, m);
      const country = mayEdit(caller, current);
      const secretariat = isReviewer(caller);
      const allowed =
        step.by === 'country'
          ? country
          : step.by === 'secretariat'
            ? secretariat
            : country || secretariat;
      if (!allowed) throw new DomainError('FORBIDDEN', 'forbidden');
      if (!step.from.includes(current.status))
        throw new DomainError('PRACTICE_INVALID_TRANSITION', 'conflict', {
          params: { status: current.status },
        });
      // Compare-and-set on the status read: two reviewers clicking at once make one change.
      const updated = await updateReturning<{ id: string }>(
        m,
        `UPDATE good_practices SET status = '${step.to}', ${step.set}, updated_at = now(), version = version + 1
          WHERE id = $1 AND status = $2 RETURNING id`,
        [
          id,
          current.status,
          ...step.params.map((p) => (p === 'comment' ? comment : caller.userId)),
        ],
      );
      if (!updated.length)
        throw new DomainError('PRACTICE_INVALID_TRANSITION', 'conflict', {
          params: { status: current.status },
        });
      await recordPracticeEvent(this.audit, m, caller, `good_practice.${name}`, current, {
        from: current.status,
        to: step.to,
      });
      return (await findPractice(m, id))!;
    });
  }
}
