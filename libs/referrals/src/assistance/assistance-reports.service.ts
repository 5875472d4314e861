import { Injectable } from '@nestjs/common';
import { DomainError } from '@amparo/core';
import { CaseAccess } from '@amparo/cases';
import { Caller } from '@amparo/identity';
import { AssistanceReport } from './assistance-request';
import { findRequest } from './assistance-requests.service';
import { AssistanceSides } from './assistance-sides';

const REPORT_COLUMNS = `
  p.id, p.request_id AS "requestId", p.side,
  CASE p.side WHEN 'requesting' THEN p.requesting_consulate_id ELSE p.receiving_consulate_id END AS "consulateId",
  CASE p.side WHEN 'requesting' THEN p.requesting_country_code ELSE p.receiving_country_code END AS "countryCode",
  p.action_type AS "actionType", p.text, p.written_at AS "writtenAt"`;

/**
 * What each side chose to tell the other about the assistance given: the only way one country
 * learns of the other's work on the person, since neither reads the other's case.
 */
@Injectable()
export class AssistanceReportsService {
  constructor(
    private readonly access: CaseAccess,
    private readonly sides: AssistanceSides,
  ) {}

  async add(
    caller: Caller,
    requestId: string,
    input: { text: string; actionType?: string | null },
  ): Promise<AssistanceReport> {
    return this.access.write(caller, async (m) => {
      const { row, sides } = await this.sides.visible(
        caller,
        m,
        await findRequest(m, requestId, true),
      );
      const side = sides.find((s) =>
        this.sides.rolesAt(caller, row, s).some((r) => r === 'officer' || r === 'consul'),
      );
      if (!side) throw new DomainError('ASSISTANCE_WRONG_SIDE', 'forbidden');
      if (row.status !== 'accepted' && row.status !== 'completed')
        throw new DomainError('ASSISTANCE_NOT_ACCEPTED', 'conflict');
      const [report] = await m.query<AssistanceReport[]>(
        `INSERT INTO assistance_reports AS p (request_id, side, requesting_consulate_id, requesting_country_code,
                receiving_consulate_id, receiving_country_code, action_type, text, written_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${REPORT_COLUMNS}`,
        [
          row.id,
          side,
          row.requestingConsulateId,
          row.requestingCountryCode,
          row.receivingConsulateId,
          row.receivingCountryCode,
          input.actionType ?? null,
          input.text.trim(),
          caller.userId,
        ],
      );
      await this.sides.record(
        caller,
        row,
        side,
        'assistance.report',
        { reportId: report.id, actionType: report.actionType },
        m,
      );
      return report;
    });
  }

  /** Every report of the request, from both sides, oldest first. */
  async list(caller: Caller, requestId: string): Promise<AssistanceReport[]> {
    const [{ row, sides }, reports] = await this.access.read(caller, async (m) => {
      const visible = await this.sides.visible(caller, m, await findRequest(m, requestId));
      const row = visible.row;
      return [
        visible,
        await m.query<AssistanceReport[]>(
          `SELECT ${REPORT_COLUMNS} FROM assistance_reports p WHERE p.request_id = $1 ORDER BY p.written_at, p.id`,
          [row.id],
        ),
      ] as const;
    });
    await this.sides.record(caller, row, sides[0], 'assistance.read', {
      reports: reports.length,
    });
    return reports;
  }
}
