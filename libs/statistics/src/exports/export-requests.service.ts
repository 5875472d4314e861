import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@amparo/audit';
import {
  APP_CONFIG,
  AppConfig,
  DomainError,
  FieldError,
  registerErrorTexts,
  safeErrorForLog,
} from '@amparo/core';
import { Caller, ScopeService, actorOf } from '@amparo/identity';
import { JobName, JobQueue } from '@amparo/jobs';
import { isUUID } from 'class-validator';
import { createReadStream, ReadStream } from 'node:fs';
import { DataSource, EntityManager } from 'typeorm';
import { FilterScopeCheck } from '../aggregate/filter-scope';
import { ExportSignature } from '../export-format/export-signature';
import { isEmptyScope, statisticsScopeOf } from '../aggregate/statistics-scope';
import { isMeasureId } from '../model/measures';
import { parseStatisticsQuery, StatisticsQueryInput } from '../model/statistics-query';
import { ExportFiles } from './export-files';
import {
  EXPORT_COLUMNS,
  ExportFormat,
  ExportKind,
  ExportLanguage,
  ExportRecord,
  ExportScope,
  ExportSpec,
  toExportRecord,
} from './export-record';

registerErrorTexts({
  EXPORT_NOT_FOUND: {
    title: { es: 'Exportación no encontrada', en: 'Export not found' },
    detail: {
      es: 'No existe ninguna exportación suya con ese identificador.',
      en: 'You have no export with that id.',
    },
  },
  EXPORT_NOT_READY: {
    title: { es: 'Exportación no disponible', en: 'Export not available' },
    detail: {
      es: 'El archivo de esta exportación no está disponible (estado: {status}).',
      en: 'This export has no file available (status: {status}).',
    },
  },
  EXPORT_UNSIGNED: {
    title: { es: 'Exportación sin firma', en: 'Export not signed' },
    detail: {
      es: 'Esta exportación se produjo antes de que las exportaciones se firmaran; solicite una nueva.',
      en: 'This export was produced before exports were signed; request a new one.',
    },
  },
  EXPORT_QUOTA_EXCEEDED: {
    title: { es: 'Límite diario de exportaciones', en: 'Daily export limit reached' },
    detail: {
      es: 'Ya solicitó {quota} exportaciones hoy (UTC). Vuelva a intentarlo mañana.',
      en: 'You have requested {quota} exports today (UTC). Try again tomorrow.',
    },
  },
  EXPORT_SCOPE_EMPTY: {
    title: { es: 'Sin alcance estadístico', en: 'No statistics scope' },
    detail: {
      es: 'Sus funciones no le dan acceso a estadísticas de ningún país o consulado.',
      en: 'Your roles give you no country or post whose statistics you may export.',
    },
  },
  EXPORT_REGIONAL_ANALYSTS_ONLY: {
    title: { es: 'Solo para analistas', en: 'Analysts only' },
    detail: {
      es: 'Las exportaciones regionales son para analistas con países asignados.',
      en: 'Regional exports are for analysts with granted countries.',
    },
  },
});

export interface ExportRequestInput extends Omit<StatisticsQueryInput, 'measure'> {
  kind: ExportKind;
  measures: string[];
  format: ExportFormat;
  language?: ExportLanguage;
}

export interface ExportFile {
  readonly stream: ReadStream;
  readonly fileName: string;
  readonly format: ExportFormat;
  readonly byteSize: number;
  readonly sha256: string;
}

/**
 * Export requests as their requesters see them. A request is a row written in one transaction
 * with its audit event; the job is queued after commit with the row's id as job id. If the queue
 * is down the request still succeeds: the recovery sweep queues it once Redis is back.
 */
@Injectable()
export class ExportRequestsService {
  private readonly logger = new Logger(ExportRequestsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly scopes: ScopeService,
    private readonly audit: AuditService,
    private readonly jobs: JobQueue,
    private readonly files: ExportFiles,
    private readonly filterScope: FilterScopeCheck,
  ) {}

  async request(caller: Caller, input: ExportRequestInput): Promise<ExportRecord> {
    const spec = parseSpec(input);
    const scope = this.scopeFor(caller, input.kind);
    await this.filterScope.assertInScope(spec.filters, scope);
    const language = input.language ?? caller.locale;
    const record = await this.dataSource.transaction(async (manager) => {
      await this.checkQuota(manager, caller);
      const [row] = await manager.query(
        `INSERT INTO statistics_exports (requested_by, kind, format, language, request, scope)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${EXPORT_COLUMNS}`,
        [
          caller.userId,
          input.kind,
          input.format,
          language,
          JSON.stringify(spec),
          JSON.stringify(scope),
        ],
      );
      const created = toExportRecord(row);
      await this.audit.record(
        {
          action: 'export.request',
          outcome: 'success',
          actor: actorOf(caller),
          resourceType: 'statistics_export',
          resourceId: created.id,
          countryCode: scope.countries.length === 1 ? scope.countries[0] : null,
          details: { kind: input.kind, format: input.format, measures: spec.measures, scope },
        },
        manager,
      );
      return created;
    });
    await this.enqueue(record.id);
    return record;
  }

  /** Sends the export to the queue; a failure leaves it queued for the recovery sweep. */
  async enqueue(id: string, options: { replaceFinished?: boolean } = {}): Promise<boolean> {
    try {
      await this.jobs.enqueue(
        JobName.StatisticsExport,
        { exportId: id },
        { jobId: id, ...options },
      );
      await this.dataSource.query(
        'UPDATE statistics_exports SET enqueued_at = now() WHERE id = $1',
        [id],
      );
      return true;
    } catch (error) {
      this.logger.warn(
        { error: safeErrorForLog(error), exportId: id },
        'Export not queued; the recovery sweep will queue it',
      );
      return false;
    }
  }

  /** The caller's own requests, newest first, and the scheduled reports they may read. */
  async list(caller: Caller, limit = 100): Promise<ExportRecord[]> {
    const rows = await this.dataSource.query(
      `SELECT ${EXPORT_COLUMNS} FROM statistics_exports
        WHERE requested_by = $1
           OR (requested_by IS NULL AND kind = 'regional' AND (scope->'countries') <@ $2::jsonb)
        ORDER BY requested_at DESC, id DESC LIMIT $3`,
      [caller.userId, JSON.stringify(this.scopes.analystCountries(caller)), limit],
    );
    return rows.map(toExportRecord);
  }

  /** Someone else's export answers 404, exactly as one that does not exist. */
  async find(caller: Caller, id: string): Promise<ExportRecord> {
    const row = isUUID(id)
      ? (
          await this.dataSource.query(
            `SELECT ${EXPORT_COLUMNS} FROM statistics_exports WHERE id = $1`,
            [id],
          )
        )[0]
      : undefined;
    const record = row ? toExportRecord(row) : null;
    if (!record || !this.mayRead(caller, record)) {
      throw new DomainError('EXPORT_NOT_FOUND', 'not_found');
    }
    return record;
  }

  /** The detached signature of a completed export's file, for its readers. */
  async signature(caller: Caller, id: string): Promise<ExportSignature> {
    const record = await this.find(caller, id);
    if (record.status !== 'completed')
      throw new DomainError('EXPORT_NOT_READY', 'conflict', { params: { status: record.status } });
    if (!record.signature) throw new DomainError('EXPORT_UNSIGNED', 'gone');
    return record.signature;
  }

  async openFile(caller: Caller, id: string): Promise<ExportFile> {
    const record = await this.find(caller, id);
    const expired = record.expiresAt !== null && record.expiresAt <= new Date();
    if (record.status !== 'completed' || expired || !record.fileName) {
      throw new DomainError('EXPORT_NOT_READY', expired ? 'gone' : 'conflict', {
        params: { status: expired ? 'expired' : record.status },
      });
    }
    const path = this.files.pathOf(record.fileName);
    const stream = createReadStream(path);
    await new Promise<void>((resolve, reject) => {
      stream.once('open', () => resolve());
      stream.once('error', reject);
    }).catch(() => {
      throw new DomainError('EXPORT_NOT_READY', 'gone', { params: { status: 'expired' } });
    });
    await this.audit.record({
      action: 'export.download',
      outcome: 'success',
      actor: actorOf(caller),
      resourceType: 'statistics_export',
      resourceId: record.id,
      details: { sha256: record.sha256, rowCount: record.rowCount },
    });
    return {
      stream,
      fileName: record.fileName,
      format: record.format,
      byteSize: record.byteSize ?? 0,
      sha256: record.sha256 ?? '',
    };
  }

  private mayRead(caller: Caller, record: ExportRecord): boolean {
    if (record.requestedBy !== null) return record.requestedBy === caller.userId;
    // Scheduled regional reports belong to the analysts of every country they cover.
    const countries = this.scopes.analystCountries(caller);
    return (
      record.scope.countries.length > 0 &&
      record.scope.countries.every((c) => countries.includes(c))
    );
  }

  private scopeFor(caller: Caller, kind: ExportKind): ExportScope {
    if (kind === 'regional') {
      const countries = this.scopes.analystCountries(caller).sort();
      if (!countries.length) throw new DomainError('EXPORT_REGIONAL_ANALYSTS_ONLY', 'forbidden');
      return { countries, consulateIds: [] };
    }
    const scope = statisticsScopeOf(caller, this.scopes);
    if (isEmptyScope(scope)) throw new DomainError('EXPORT_SCOPE_EMPTY', 'forbidden');
    return scope;
  }

  /** Serialised per user (advisory lock) so that two parallel requests cannot both pass. */
  private async checkQuota(manager: EntityManager, caller: Caller): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [
      `export-quota:${caller.userId}`,
    ]);
    const [{ n }] = await manager.query(
      `SELECT count(*)::int AS n FROM statistics_exports
        WHERE requested_by = $1 AND requested_at >= date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'`,
      [caller.userId],
    );
    const quota = this.config.exports.dailyQuota;
    if (n >= quota) {
      const now = new Date();
      const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
      throw new DomainError('EXPORT_QUOTA_EXCEEDED', 'too_many_requests', {
        params: { quota },
        retryAfterSeconds: Math.ceil((midnight - now.getTime()) / 1000),
      });
    }
  }
}

/** Every measure must make a valid query with the shared dimensions, range and filters. */
export function parseSpec(input: Omit<ExportRequestInput, 'kind' | 'format'>): ExportSpec {
  const errors: FieldError[] = [];
  const measures = [...new Set(input.measures)];
  if (measures.length === 0) {
    errors.push({
      field: 'measures',
      code: 'REQUIRED',
      message: { es: 'Indique al menos una medida.', en: 'Give at least one measure.' },
    });
  }
  let spec: ExportSpec | undefined;
  for (const measure of measures) {
    const parsed = parseStatisticsQuery({ ...input, measure });
    if ('errors' in parsed) {
      for (const e of parsed.errors) {
        const field = e.field === 'measure' ? 'measures' : e.field;
        if (!errors.some((x) => x.field === field && x.code === e.code))
          errors.push({ ...e, field });
      }
    } else if (!spec) {
      const { measure: _measure, ...rest } = parsed.query;
      spec = { ...rest, measures: measures.filter(isMeasureId) };
    }
  }
  if (errors.length || !spec)
    throw new DomainError('VALIDATION_FAILED', 'invalid', { fieldErrors: errors });
  return spec;
}
