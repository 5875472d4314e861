import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, registerErrorTexts } from '@amparo/core';
import { DataSource } from 'typeorm';
import { hostname } from 'node:os';
import { JobName } from '../job-names';
import { JobQueue } from '../queue/job-queue';
import { SystemPing } from './system-ping.entity';
import { isUUID } from 'class-validator';

registerErrorTexts({
  SYSTEM_PING_NOT_FOUND: {
    title: { es: 'Prueba del sistema no encontrada', en: 'System ping not found' },
    detail: { es: 'No existe ninguna prueba con ese identificador.', en: 'No ping has that id.' },
  },
  JOB_QUEUE_UNAVAILABLE: {
    title: { es: 'Cola de trabajos no disponible', en: 'Job queue unavailable' },
    detail: {
      es: 'La solicitud quedó registrada pero la cola no respondió; se reintentará.',
      en: 'The request was recorded but the queue did not answer; it will be retried.',
    },
  },
});

/** A system ping proves that the API, the queue, a worker and the database talk to each other. */
@Injectable()
export class SystemPingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobQueue,
  ) {}

  async request(delayMs = 0): Promise<SystemPing> {
    const ping = await this.dataSource
      .getRepository(SystemPing)
      .save({ status: 'queued' as const, delayMs });
    // Enqueued after the row is committed, with the row's id as job id: a retry never duplicates.
    try {
      await this.jobs.enqueue(JobName.SystemPing, { pingId: ping.id }, { jobId: ping.id });
    } catch {
      throw new DomainError('JOB_QUEUE_UNAVAILABLE', 'unavailable');
    }
    return this.find(ping.id);
  }

  async find(id: string): Promise<SystemPing> {
    const ping = isUUID(id)
      ? await this.dataSource.getRepository(SystemPing).findOneBy({ id })
      : null;
    if (!ping) throw new DomainError('SYSTEM_PING_NOT_FOUND', 'not_found');
    return ping;
  }

  /** Idempotent: a redelivered job leaves the first completion as it was. */
  async complete(id: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE system_pings
          SET attempts = attempts + 1,
              status = 'completed',
              completed_at = COALESCE(completed_at, now()),
              handled_by = COALESCE(handled_by, $2)
        WHERE id = $1`,
      [id, `${hostname()}:${process.pid}`],
    );
  }
}
