import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@amparo/audit';
import { DomainError } from '@amparo/core';
import { Caller, recordCallerEvent } from '@amparo/identity';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  EXPORT_SCHEMA_VERSION,
  StatisticsExportDocument,
  fingerprintOf,
  parsePublicKey,
  validateStatisticsExport,
  verifyExportBytes,
} from '../export-format';
import { RegionalKeysService } from './regional-keys.service';
import { semesterOf } from './semester';
import './regional-errors';

export interface UploadRegionalExportInput {
  /** The export file exactly as downloaded (JSON exports are UTF-8 text). */
  file: string;
  signature: { keyId: string; algorithm: string; signature: string; country?: string };
}

export interface RegionalExportSummary {
  id: string;
  countries: string[];
  semester: string;
  from: string;
  to: string;
  keyId: string;
  fingerprint: string;
  sha256: string;
  sourceExportId: string;
  measures: string[];
  dimensions: string[];
  uploadedBy: string;
  uploadedAt: Date;
}

export interface CountryReporting {
  country: string;
  reported: boolean;
  lastUploadedAt: Date | null;
  exports: number;
}

const SUMMARY = `id, country_codes, semester, period_from::text AS period_from, period_to::text AS period_to,
  key_id, fingerprint, sha256,
  source_export_id, uploaded_by, uploaded_at,
  ARRAY(SELECT m->>'id' FROM jsonb_array_elements(document->'metadata'->'measures') m) AS measures,
  ARRAY(SELECT d->>'id' FROM jsonb_array_elements(document->'metadata'->'dimensions') d) AS dimensions`;

/** The schema errors shown at most; a broken file can have thousands. */
const SCHEMA_ERRORS_SHOWN = 20;

/**
 * National exports received by the secretariat. A file is stored only once its signature checks
 * out against a live registered key of every country it speaks for and it matches the export
 * schema; a refusal stores nothing but the audit event.
 */
@Injectable()
export class RegionalExportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly keys: RegionalKeysService,
    private readonly audit: AuditService,
  ) {}

  /** The stored export, and whether this upload created it (false: the same file came before). */
  async upload(
    caller: Caller,
    input: UploadRegionalExportInput,
  ): Promise<{ created: boolean; export: RegionalExportSummary }> {
    const bytes = Buffer.from(input.file, 'utf8');
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const { keyId } = input.signature;
    try {
      const registrations = await this.keys.liveByKeyId(keyId);
      if (registrations.length === 0)
        throw new DomainError('EXPORT_KEY_UNKNOWN', 'unprocessable', { params: { keyId } });
      const publicKey = parsePublicKey(registrations[0].publicKeyPem)!;
      if (!verifyExportBytes(bytes, input.signature.signature, publicKey))
        throw new DomainError('EXPORT_SIGNATURE_INVALID', 'unprocessable', { params: { keyId } });
      const doc = parseExport(input.file);
      const keyCountries = registrations.map((r) => r.country).sort();
      const claimed = [
        ...doc.metadata.scope.countries,
        ...(input.signature.country ? [input.signature.country] : []),
      ];
      if (claimed.some((country) => !keyCountries.includes(country)))
        throw new DomainError('EXPORT_KEY_COUNTRY_MISMATCH', 'unprocessable', {
          params: {
            keyId,
            countries: doc.metadata.scope.countries.join(', '),
            keyCountries: keyCountries.join(', '),
          },
        });
      const stored = await this.store(caller, doc, sha256, keyId, fingerprintOf(publicKey));
      return stored;
    } catch (error) {
      if (error instanceof DomainError)
        await recordCallerEvent(this.audit, caller, {
          action: 'regional_export.upload',
          outcome: 'failure',
          resourceType: 'regional_export',
          details: { code: error.code, keyId, sha256 },
        });
      throw error;
    }
  }

  async list(semester?: string): Promise<RegionalExportSummary[]> {
    const rows = await this.dataSource.query(
      `SELECT ${SUMMARY} FROM regional_exports
        WHERE $1::text IS NULL OR semester = $1 ORDER BY uploaded_at DESC, id`,
      [semester ?? null],
    );
    return rows.map(toSummary);
  }

  /**
   * Which member countries (those with a live registered key, or that reported anyway) have sent
   * an export of the semester.
   */
  async reporting(semester: string): Promise<CountryReporting[]> {
    const rows = await this.dataSource.query(
      `WITH members AS (
         SELECT country_code::text AS country FROM regional_keys WHERE revoked_at IS NULL
         UNION
         SELECT unnest(country_codes)::text FROM regional_exports WHERE semester = $1
       )
       SELECT m.country, count(e.id)::int AS exports, max(e.uploaded_at) AS last_uploaded_at
         FROM members m
         LEFT JOIN regional_exports e ON e.semester = $1 AND m.country = ANY (e.country_codes::text[])
        GROUP BY m.country ORDER BY m.country`,
      [semester],
    );
    return rows.map((row: Record<string, unknown>) => ({
      country: (row.country as string).trim(),
      reported: Number(row.exports) > 0,
      lastUploadedAt: row.last_uploaded_at ? new Date(row.last_uploaded_at as string) : null,
      exports: Number(row.exports),
    }));
  }

  /**
   * Every verified export of the semester, newest first: what consolidations and the semester
   * report choose from (`latestPerCountry`).
   */
  async semesterDocuments(semester: string): Promise<
    {
      id: string;
      sha256: string;
      keyId: string;
      fingerprint: string;
      document: StatisticsExportDocument;
    }[]
  > {
    const rows = await this.dataSource.query(
      `SELECT id, sha256, key_id, fingerprint, document FROM regional_exports
        WHERE semester = $1 ORDER BY uploaded_at DESC, id`,
      [semester],
    );
    return rows.map((row: Record<string, unknown>) => ({
      id: row.id as string,
      sha256: row.sha256 as string,
      keyId: row.key_id as string,
      fingerprint: row.fingerprint as string,
      document: row.document as StatisticsExportDocument,
    }));
  }

  private async store(
    caller: Caller,
    doc: StatisticsExportDocument,
    sha256: string,
    keyId: string,
    fingerprint: string,
  ): Promise<{ created: boolean; export: RegionalExportSummary }> {
    const { metadata } = doc;
    const semester = semesterOf(metadata.from);
    if (metadata.kind !== 'regional' || semesterOf(metadata.to) !== semester)
      throw new DomainError('EXPORT_NOT_REGIONAL', 'unprocessable', {
        params: { kind: metadata.kind, from: metadata.from, to: metadata.to },
      });
    return this.dataSource.transaction(async (manager) => {
      const [inserted] = await manager.query(
        `INSERT INTO regional_exports (country_codes, semester, period_from, period_to, key_id,
           fingerprint, sha256, source_export_id, document, uploaded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT (sha256) DO NOTHING
         RETURNING ${SUMMARY}`,
        [
          [...metadata.scope.countries].sort(),
          semester,
          metadata.from,
          metadata.to,
          keyId,
          fingerprint,
          sha256,
          metadata.exportId,
          JSON.stringify(doc),
          caller.userId,
        ],
      );
      const [row] = inserted
        ? [inserted]
        : await manager.query(`SELECT ${SUMMARY} FROM regional_exports WHERE sha256 = $1`, [
            sha256,
          ]);
      const summary = toSummary(row);
      await recordCallerEvent(
        this.audit,
        caller,
        {
          action: 'regional_export.upload',
          resourceType: 'regional_export',
          resourceId: summary.id,
          details: {
            countries: summary.countries,
            semester,
            keyId,
            sha256,
            created: Boolean(inserted),
          },
        },
        manager,
      );
      return { created: Boolean(inserted), export: summary };
    });
  }
}

/** The file as an export document: JSON, and valid against the export schema. */
function parseExport(file: string): StatisticsExportDocument {
  let parsed: unknown;
  try {
    parsed = JSON.parse(file);
  } catch (error) {
    throw schemaInvalid([`/: not JSON (${error instanceof Error ? error.message : error})`]);
  }
  const validation = validateStatisticsExport(parsed);
  if (!validation.valid) throw schemaInvalid(validation.errors);
  return parsed as StatisticsExportDocument;
}

function schemaInvalid(errors: readonly string[]): DomainError {
  return new DomainError('EXPORT_SCHEMA_INVALID', 'unprocessable', {
    params: { schemaVersion: EXPORT_SCHEMA_VERSION },
    fieldErrors: errors.slice(0, SCHEMA_ERRORS_SHOWN).map((error) => ({
      field: 'file',
      code: 'EXPORT_SCHEMA',
      message: { es: error, en: error },
    })),
  });
}

function toSummary(row: Record<string, unknown>): RegionalExportSummary {
  return {
    id: row.id as string,
    countries: (row.country_codes as string[]).map((c) => c.trim()),
    semester: row.semester as string,
    from: row.period_from as string,
    to: row.period_to as string,
    keyId: row.key_id as string,
    fingerprint: row.fingerprint as string,
    sha256: row.sha256 as string,
    sourceExportId: row.source_export_id as string,
    measures: row.measures as string[],
    dimensions: row.dimensions as string[],
    uploadedBy: row.uploaded_by as string,
    uploadedAt: new Date(row.uploaded_at as string),
  };
}
