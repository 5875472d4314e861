import { Injectable } from '@nestjs/common';
import { AuditService } from '@amparo/audit';
import { DomainError, Page, csvLine, invalidField, resolveSort } from '@amparo/core';
import { SqlConditions, keysetPage, updateReturning } from '@amparo/database';
import { CaseAccess } from '@amparo/cases';
import { Caller } from '@amparo/identity';
import { isUUID } from 'class-validator';
import { EntityManager } from 'typeorm';
import { recordCrisisEvent } from '../crisis-audit';
import { CrisisEventRow } from '../events/crisis-event';
import { CrisisEventAccess } from '../events/crisis-event-access';
import { findEntries } from '../roster/roster-queries';
import { RosterEntry } from '../roster/roster-entry';
import { manifestHeading, manifestTable } from './manifest-content';
import { renderManifestPdf } from './manifest-pdf';
import { MOVEMENT_COLUMNS, Movement, MovementDetail, NewMovement } from './movement';
import './movement-errors';

const BY_DEPARTURE = {
  fields: { departsAt: 'v.departs_at' },
  types: { departsAt: 'timestamp' as const },
  default: 'departsAt',
  tieBreaker: 'v.id',
};

export interface ManifestFile {
  filename: string;
  contentType: string;
  body: Buffer;
}

/**
 * Evacuation movements of an event (flights, buses, boats) and who is on each; the manifest as CSV
 * or PDF, headed in Spanish or English. Exporting it is a disclosure: audited, staff only.
 */
@Injectable()
export class CrisisMovementsService {
  constructor(
    private readonly cases: CaseAccess,
    private readonly events: CrisisEventAccess,
    private readonly audit: AuditService,
  ) {}

  async create(caller: Caller, eventId: string, input: NewMovement): Promise<MovementDetail> {
    return this.cases.write(caller, async (m) => {
      const event = await this.events.find(caller, m, eventId);
      this.events.assertWrite(caller, event);
      this.events.assertOpen(event);
      const [{ id }] = await m.query<{ id: string }[]>(
        `INSERT INTO crisis_movements (event_id, mode, label, departs_at, origin, destination, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [
          event.id,
          input.mode,
          input.label.trim(),
          input.departsAt,
          input.from.trim(),
          input.to.trim(),
          caller.userId,
        ],
      );
      await recordCrisisEvent(this.audit, m, caller, 'crisis.movement.create', event, {
        movementId: id,
        mode: input.mode,
      });
      return this.detail(m, event, await movementOf(m, event, id));
    });
  }

  /** The movements of an event by departure, with their passenger counts (no names). */
  async list(
    caller: Caller,
    eventId: string,
    page: { cursor?: string; limit?: number },
  ): Promise<Page<Movement>> {
    return this.cases.read(caller, async (m) => {
      const event = await this.events.find(caller, m, eventId);
      return keysetPage<Movement>(m, {
        select: `SELECT ${MOVEMENT_COLUMNS}`,
        from: 'FROM crisis_movements v',
        where: new SqlConditions().add('v.event_id = ?', event.id),
        sort: resolveSort(undefined, BY_DEPARTURE),
        tieBreaker: BY_DEPARTURE.tieBreaker,
        cursor: page.cursor,
        limit: page.limit,
      });
    });
  }

  async get(caller: Caller, eventId: string, movementId: string): Promise<MovementDetail> {
    const { event, detail } = await this.cases.read(caller, async (m) => {
      const event = await this.events.find(caller, m, eventId);
      return { event, detail: await this.detail(m, event, await movementOf(m, event, movementId)) };
    });
    await recordCrisisEvent(this.audit, undefined, caller, 'crisis.roster.read', event, {
      movementId: detail.id,
      count: detail.passengers.length,
    });
    return detail;
  }

  /** Puts persons of the roster on board; those already on it stay once. */
  async addPassengers(
    caller: Caller,
    eventId: string,
    movementId: string,
    entryIds: string[],
  ): Promise<MovementDetail> {
    return this.cases.write(caller, async (m) => {
      const event = await this.events.find(caller, m, eventId);
      this.events.assertWrite(caller, event);
      this.events.assertOpen(event);
      const movement = await movementOf(m, event, movementId, true);
      const wanted = [...new Set(entryIds)];
      const found = new Set((await findEntries(m, event.id, wanted)).map((e) => e.id));
      const missing = wanted.findIndex((id) => !found.has(id));
      if (missing >= 0)
        throw invalidField(
          `entryIds.${missing}`,
          'NOT_ON_ROSTER',
          'Esa persona no está en la lista de afectados de este evento.',
          'That person is not on the roster of this event.',
        );
      const added = await m.query<{ entry_id: string }[]>(
        `INSERT INTO crisis_movement_passengers (movement_id, entry_id, event_id, added_by)
         SELECT $1, unnest($2::uuid[]), $3, $4 ON CONFLICT DO NOTHING RETURNING entry_id`,
        [movement.id, wanted, event.id, caller.userId],
      );
      await recordCrisisEvent(this.audit, m, caller, 'crisis.movement.passengers', event, {
        movementId: movement.id,
        added: added.length,
      });
      return this.detail(m, event, await movementOf(m, event, movement.id));
    });
  }

  async removePassenger(
    caller: Caller,
    eventId: string,
    movementId: string,
    entryId: string,
  ): Promise<void> {
    await this.cases.write(caller, async (m) => {
      const event = await this.events.find(caller, m, eventId);
      this.events.assertWrite(caller, event);
      this.events.assertOpen(event);
      const movement = await movementOf(m, event, movementId, true);
      const removed = isUUID(entryId)
        ? await updateReturning<{ entry_id: string }>(
            m,
            `DELETE FROM crisis_movement_passengers WHERE movement_id = $1 AND entry_id = $2 RETURNING entry_id`,
            [movement.id, entryId],
          )
        : [];
      if (!removed.length) throw new DomainError('CRISIS_PASSENGER_NOT_FOUND', 'not_found');
      await recordCrisisEvent(this.audit, m, caller, 'crisis.movement.passengers', event, {
        movementId: movement.id,
        removed: 1,
      });
    });
  }

  /** The manifest as a file, headed in `lang`; the export is audited (format, count, no names). */
  async manifest(
    caller: Caller,
    eventId: string,
    movementId: string,
    format: 'csv' | 'pdf',
    lang: 'es' | 'en',
  ): Promise<ManifestFile> {
    const { event, detail } = await this.cases.read(caller, async (m) => {
      const event = await this.events.find(caller, m, eventId);
      return { event, detail: await this.detail(m, event, await movementOf(m, event, movementId)) };
    });
    const table = manifestTable(detail.passengers, lang);
    const heading = manifestHeading(event, detail, detail.passengers.length, lang);
    const name = `${lang === 'es' ? 'manifiesto' : 'manifest'}-${slug(detail.label)}`;
    const file =
      format === 'csv'
        ? {
            filename: `${name}.csv`,
            contentType: 'text/csv; charset=utf-8',
            // A byte order mark, so spreadsheets read the accents as UTF-8.
            body: Buffer.from(
              '\uFEFF' + [table.header, ...table.rows].map((r) => csvLine(r)).join(''),
              'utf8',
            ),
          }
        : {
            filename: `${name}.pdf`,
            contentType: 'application/pdf',
            body: await renderManifestPdf(heading, table, lang),
          };
    await recordCrisisEvent(this.audit, undefined, caller, 'crisis.manifest.export', event, {
      movementId: detail.id,
      format,
      lang,
      rows: detail.passengers.length,
    });
    return file;
  }

  private async detail(
    m: EntityManager,
    event: CrisisEventRow,
    movement: Movement,
  ): Promise<MovementDetail> {
    const ids = await m.query<{ id: string }[]>(
      'SELECT entry_id AS id FROM crisis_movement_passengers WHERE movement_id = $1',
      [movement.id],
    );
    const passengers = await findEntries(
      m,
      event.id,
      ids.map((r) => r.id),
    );
    return { ...movement, passengers: passengers.sort(byName) };
  }
}

function byName(a: RosterEntry, b: RosterEntry): number {
  return (
    a.familyNames.localeCompare(b.familyNames, 'es') ||
    a.givenNames.localeCompare(b.givenNames, 'es') ||
    a.id.localeCompare(b.id)
  );
}

function slug(text: string): string {
  return (
    text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .toLowerCase()
      .slice(0, 40) || 'movement'
  );
}

async function movementOf(
  m: EntityManager,
  event: CrisisEventRow,
  id: string,
  lock = false,
): Promise<Movement> {
  if (lock && isUUID(id))
    await m.query('SELECT 1 FROM crisis_movements WHERE id = $1 AND event_id = $2 FOR UPDATE', [
      id,
      event.id,
    ]);
  const [row] = isUUID(id)
    ? await m.query<Movement[]>(
        `SELECT ${MOVEMENT_COLUMNS} FROM crisis_movements v WHERE v.event_id = $1 AND v.id = $2`,
        [event.id, id],
      )
    : [];
  if (!row) throw new DomainError('CRISIS_MOVEMENT_NOT_FOUND', 'not_found');
  return row;
}
