import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@amparo/core';
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';

const TEMP_SUFFIX = '.partial';

export interface WrittenFile {
  readonly fileName: string;
  readonly byteSize: number;
  readonly sha256: string;
}

/**
 * The export folder. A file is written under a temporary name and renamed when complete (rename is
 * atomic within a folder), so a reader never sees a partial file, and a retried job simply
 * replaces a finished file of an earlier attempt.
 */
@Injectable()
export class ExportFiles {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  pathOf(fileName: string): string {
    if (!/^[0-9a-f-]{36}\.(csv|xlsx|json)$/.test(fileName))
      throw new Error('Not an export file name');
    return join(this.config.exports.dir, fileName);
  }

  /** Runs `write` on a stream to a temporary file, then publishes it as `fileName`. */
  async writeAtomically(
    fileName: string,
    attempt: string,
    write: (out: Writable) => Promise<void>,
  ): Promise<WrittenFile> {
    await mkdir(this.config.exports.dir, { recursive: true });
    const finalPath = this.pathOf(fileName);
    const tempPath = `${finalPath}.${attempt}${TEMP_SUFFIX}`;
    const hash = createHash('sha256');
    let byteSize = 0;
    const file = createWriteStream(tempPath);
    const out = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        hash.update(chunk);
        byteSize += chunk.length;
        if (file.write(chunk)) callback();
        else file.once('drain', () => callback());
      },
      final(callback) {
        file.end(callback);
      },
    });
    file.on('error', (error) => out.destroy(error));
    try {
      await write(out);
      if (!out.writableEnded) out.end();
      await finished(out);
      await finished(file);
      await fsync(tempPath);
      await rename(tempPath, finalPath);
    } catch (error) {
      // The writer's stream goes first: a writer still flushing (exceljs's zip) then writes into a
      // destroyed stream, which only its callbacks hear of, not into the closed file, whose error
      // nobody would be listening for.
      out.destroy();
      file.destroy();
      await rm(tempPath, { force: true });
      throw error;
    }
    await this.removeTemporaryFilesOf(fileName);
    return { fileName, byteSize, sha256: hash.digest('hex') };
  }

  /**
   * Once `fileName` is complete, the temporary files other attempts left for it (a worker killed
   * mid-write) are of no use. Best effort: the hourly cleanup removes what this misses.
   */
  private async removeTemporaryFilesOf(fileName: string): Promise<void> {
    const names = await readdir(this.config.exports.dir).catch(() => [] as string[]);
    for (const name of names) {
      if (name.startsWith(`${fileName}.`) && name.endsWith(TEMP_SUFFIX)) {
        await rm(join(this.config.exports.dir, name), { force: true }).catch(() => undefined);
      }
    }
  }

  async remove(fileName: string): Promise<void> {
    await rm(this.pathOf(fileName), { force: true });
  }

  /** Temporary files left by a worker that died mid-write, older than `olderThanMs`. */
  async removeAbandonedTemporaryFiles(olderThanMs: number): Promise<number> {
    let removed = 0;
    const names = await readdir(this.config.exports.dir).catch(() => [] as string[]);
    for (const name of names.filter((n) => n.endsWith(TEMP_SUFFIX))) {
      const path = join(this.config.exports.dir, name);
      const info = await stat(path).catch(() => null);
      if (info && Date.now() - info.mtimeMs > olderThanMs) {
        await rm(path, { force: true });
        removed++;
      }
    }
    return removed;
  }
}

/** The data is on disk before the rename makes it visible (a crash then leaves no empty file). */
async function fsync(path: string): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
