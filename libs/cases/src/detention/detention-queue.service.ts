import { Injectable } from '@nestjs/common';
import { AuditService } from '@amparo/audit';
import { SqlConditions } from '@amparo/database';
import { ConsulatesService } from '@amparo/directory';
import { Caller } from '@amparo/identity';
import { CaseAccess } from '../access/case-access';
import { recordCaseEvent } from '../cases/case-audit';
import {
  DETENTION_ACTIVITY_COLUMNS,
  DETENTION_ACTIVITY_JOINS,
  DETENTION_COLUMNS,
  DetentionActivity,
  DetentionRecord,
} from './detention';
import { CaseDetentionsService } from './case-detentions.service';
import { DetentionQueue, OverdueDetention } from './detention-queue';

type QueueRow = DetentionRecord &
  DetentionActivity & {
    caseReference: string;
    consulateId: string;
    countryCode: string;
    restricted: boolean;
    assignedOfficerId: string | null;
  };

/**
 * Open detentions that break the deployment's rule, in the caller's scope: the case team sees each
 * (of the cases whose content it may read), ordered by how late; every post in scope is counted,
 * which is what a supervisor of the country sees. The clocks are computed in code, from the same
 * rows the case page shows: open detentions are few per post.
 */
@Injectable()
export class DetentionQueueService {
  constructor(
    private readonly access: CaseAccess,
    private readonly detentions: CaseDetentionsService,
    private readonly audit: AuditService,
    private readonly consulates: ConsulatesService,
  ) {}

  async of(caller: Caller, now = new Date()): Promise<DetentionQueue> {
    const where = new SqlConditions();
    this.access.restrictToScope(where, caller);
    where.add(`c.status <> 'closed'`);
    where.add('d.released_at IS NULL');
    const rows = await this.access.read(caller, (m) =>
      m.query<QueueRow[]>(
        `SELECT ${DETENTION_COLUMNS}, ${DETENTION_ACTIVITY_COLUMNS},
                c.reference AS "caseReference", c.consulate_id AS "consulateId", c.country_code AS "countryCode",
                c.restricted, c.assigned_officer_id AS "assignedOfficerId"
           FROM case_detentions d JOIN cases c ON c.id = d.case_id ${DETENTION_ACTIVITY_JOINS}
           ${where.where}`,
        where.params,
      ),
    );
    const overdue = rows
      .map((row) => ({ row, clocks: this.detentions.withClocks(row, now).clocks }))
      .filter(({ clocks }) => clocks.overdue.length > 0);
    const perPost = new Map<string, number>();
    for (const { row } of overdue)
      perPost.set(row.consulateId, (perPost.get(row.consulateId) ?? 0) + 1);
    const items: OverdueDetention[] = overdue
      .filter(
        ({ row }) =>
          this.access.worksCase(caller, row) && this.access.seesRestrictedContent(caller, row),
      )
      .sort(
        (a, b) =>
          b.clocks.mostLateHours - a.clocks.mostLateHours || a.row.id.localeCompare(b.row.id),
      )
      .map(({ row, clocks }) => ({
        detentionId: row.id,
        caseId: row.caseId,
        caseReference: row.caseReference,
        consulateId: row.consulateId,
        personId: row.personId,
        arrestedAt: row.arrestedAt,
        notifiedAt: row.notifiedAt,
        lastVisitAt: clocks.lastVisitAt,
        overdue: clocks.overdue,
        mostLateHours: clocks.mostLateHours,
      }));
    const names = new Map(
      (perPost.size
        ? await this.consulates.names({ countries: [], consulateIds: [...perPost.keys()] })
        : []
      ).map((post) => [post.id, post]),
    );
    const posts = [...perPost]
      .map(([consulateId, count]) => ({
        consulateId,
        consulateName: names.get(consulateId)?.name ?? '',
        postCode: names.get(consulateId)?.postCode ?? '',
        overdue: count,
      }))
      .sort((a, b) => b.overdue - a.overdue || a.postCode.localeCompare(b.postCode));
    await recordCaseEvent(this.audit, {
      action: 'case.detentions.queue.read',
      caller,
      consulateId: null,
      countryCode: caller.countryCode,
      details: { items: items.length, overdue: overdue.length },
    });
    return { rule: this.detentions.rule, items, posts };
  }
}
