import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@amparo/audit';
import { APP_CONFIG, AppConfig, DomainError, invalidField } from '@amparo/core';
import { Caller } from '@amparo/identity';
import { isUUID } from 'class-validator';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DOCUMENT_COLUMNS, PracticeDocument } from './good-practice';
import { GoodPracticesService } from './good-practices.service';
import { isReadablePdf } from './pdf-check';
import { recordPracticeEvent } from './practice-audit';
import { mayEdit } from './practice-scope';

/** Statuses in which the submitting country may still attach documents. */
const ATTACHABLE = ['draft', 'returned'];
const isControl = (c: string) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f;
/** 1 to 200 characters, no slash or backslash, no control character. */
const isFileName = (name: string) =>
  name.length >= 1 && name.length <= 200 && !/[\\/]/.test(name) && ![...name].some(isControl);

export interface DocumentContent {
  filename: string;
  content: Buffer;
}

/**
 * The PDF documents of an entry, kept in the database beside it (bytea): the type is checked on
 * the bytes, never the name, and the size against PRACTICE_DOCUMENT_MAX_BYTES.
 */
@Injectable()
export class PracticeDocumentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly practices: GoodPracticesService,
    private readonly audit: AuditService,
  ) {}

  get maxBytes(): number {
    return this.config.practices.documentMaxBytes;
  }

  async attach(
    caller: Caller,
    practiceId: string,
    filename: string | undefined,
    content: Buffer,
  ): Promise<PracticeDocument> {
    return this.dataSource.transaction(async (m) => {
      const practice = await this.practices.visible(caller, practiceId, m);
      if (!mayEdit(caller, practice)) throw new DomainError('FORBIDDEN', 'forbidden');
      if (!ATTACHABLE.includes(practice.status))
        throw new DomainError('PRACTICE_NOT_EDITABLE', 'conflict');
      const name = (filename ?? '').trim();
      if (!isFileName(name))
        throw invalidField(
          'filename',
          'INVALID_FILENAME',
          'Indique el nombre del archivo (hasta 200 caracteres, sin barras).',
          'Give the file name (up to 200 characters, no slashes).',
        );
      if (content.length > this.maxBytes)
        throw new DomainError('DOCUMENT_TOO_LARGE', 'payload_too_large', {
          params: { limit: this.maxBytes },
        });
      if (!isReadablePdf(content))
        throw new DomainError('DOCUMENT_NOT_PDF', 'unsupported_media_type');
      const sha256 = createHash('sha256').update(content).digest('hex');
      const [{ id }] = await m.query<{ id: string }[]>(
        `INSERT INTO good_practice_documents (practice_id, filename, size_bytes, sha256, content, uploaded_by)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [practiceId, name, content.length, sha256, content, caller.userId],
      );
      await recordPracticeEvent(this.audit, m, caller, 'good_practice.document.attach', practice, {
        documentId: id,
        sizeBytes: content.length,
        sha256,
      });
      const [document] = await m.query<PracticeDocument[]>(
        `${DOCUMENT_COLUMNS} FROM good_practice_documents d WHERE d.id = $1`,
        [id],
      );
      return document;
    });
  }

  async list(caller: Caller, practiceId: string): Promise<PracticeDocument[]> {
    const m = this.dataSource.manager;
    await this.practices.visible(caller, practiceId, m);
    return m.query<PracticeDocument[]>(
      `${DOCUMENT_COLUMNS} FROM good_practice_documents d WHERE d.practice_id = $1 ORDER BY d.uploaded_at, d.id`,
      [practiceId],
    );
  }

  async download(caller: Caller, practiceId: string, documentId: string): Promise<DocumentContent> {
    const m = this.dataSource.manager;
    await this.practices.visible(caller, practiceId, m);
    const [row] = isUUID(documentId)
      ? await m.query<DocumentContent[]>(
          'SELECT filename, content FROM good_practice_documents WHERE id = $1 AND practice_id = $2',
          [documentId, practiceId],
        )
      : [];
    if (!row) throw new DomainError('PRACTICE_DOCUMENT_NOT_FOUND', 'not_found');
    return row;
  }
}
