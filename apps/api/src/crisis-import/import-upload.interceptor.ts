import {
  CallHandler,
  ExecutionContext,
  HttpException,
  HttpStatus,
  Injectable,
  NestInterceptor,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { DomainError } from '@amparo/core';
import { IMPORT_LIMITS, importFileTooLarge } from '@amparo/crisis';
import { Observable } from 'rxjs';

/** The multipart field that carries the file. */
export const IMPORT_FILE_FIELD = 'file';

const Multipart = FileInterceptor(IMPORT_FILE_FIELD, {
  // In memory: the file is bounded, read once and never written to disk.
  limits: { fileSize: IMPORT_LIMITS.maxBytes, files: 1, fields: 5, parts: 6 },
});

/**
 * Reads the one uploaded file of an import, refusing an oversized one as it streams in (413) and
 * a form without it (400), in the import's own error codes.
 */
@Injectable()
export class ImportUploadInterceptor implements NestInterceptor {
  private readonly multipart = new Multipart();

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      return await this.multipart.intercept(context, next);
    } catch (error) {
      if (error instanceof HttpException && error.getStatus() === HttpStatus.PAYLOAD_TOO_LARGE)
        throw importFileTooLarge();
      if (error instanceof HttpException && error.getStatus() === HttpStatus.BAD_REQUEST)
        throw new DomainError('IMPORT_FILE_MISSING', 'invalid');
      throw error;
    }
  }
}
