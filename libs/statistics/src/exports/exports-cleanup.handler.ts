import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { updateReturning } from '@amparo/database';
import { HandlesJob, JobHandler, JobName } from '@amparo/jobs';
import { DataSource } from 'typeorm';
import { ExportFiles } from './export-files';

const ABANDONED_TEMPORARY_FILE_MS = 24 * 3600 * 1000;

/** Scheduled: deletes the files of expired exports and temporary files of dead attempts. */
@Injectable()
@HandlesJob(JobName.ExportsCleanup)
export class ExportsCleanupHandler implements JobHandler<typeof JobName.ExportsCleanup> {
  private readonly logger = new Logger(ExportsCleanupHandler.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly files: ExportFiles,
  ) {}

  async handle(): Promise<void> {
    // Marked expired first: from then on no download starts, and the file can go.
    const expired = await updateReturning<{ file_name: string | null }>(
      this.dataSource.manager,
      `UPDATE statistics_exports SET status = 'expired', updated_at = now()
        WHERE status = 'completed' AND expires_at <= now()
        RETURNING file_name`,
      [],
    );
    for (const { file_name } of expired) if (file_name) await this.files.remove(file_name);
    const abandoned = await this.files.removeAbandonedTemporaryFiles(ABANDONED_TEMPORARY_FILE_MS);
    if (expired.length || abandoned) {
      this.logger.log({ expired: expired.length, abandoned }, 'Export files deleted');
    }
  }
}
