import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@amparo/core';
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';

const TEMP_SUFFIX = '.partial';

export interface WrittenFile {
  readonly fileName: string;
  readonly byteSize: number;
  readonly sha256: string;
}

/** A complete file of one attempt, on disk under its temporary name, not yet visible. */
export interface TemporaryFile extends WrittenFile {
  readonly path: string;
}

/**
 * The export folder. A file is written under a temporary name of its attempt's own and renamed
 * when complete (rename is atomic within a folder), so a reader never sees a partial file. Which
 * attempt may publish is the caller's decision (the export row decides); this class only writes,
 * renames and deletes.
 */
@Injectable()
export class ExportFiles {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  pathOf(fileName: string): string {
    if (!/^[0-9a-f-]{36}\.(csv|xlsx|json)$/.test(fileName))
      throw new Error('Not an export file name');
    return join(this.config.exports.dir, fileName);
  }

  /**
   * Runs `write` on a stream to a temporary file of attempt `attempt` (a positive number, the
   * export row's attempt count) and returns it complete and on disk. The data is flushed through
   * the open descriptor, never reopened by name: if a later attempt that published deletes this
   * file meanwhile, this attempt still finishes writing, and learns it lost when it tries to publish.
   */
  async writeTemporary(
    fileName: string,
    attempt: number,
    write: (out: Writable) => Promise<void>,
  ): Promise<TemporaryFile> {
    await mkdir(this.config.exports.dir, { recursive: true });
    const tag = `${attempt}-${process.pid}-${randomBytes(4).toString('hex')}`;
    const path = `${this.pathOf(fileName)}.${tag}${TEMP_SUFFIX}`;
    const hash = createHash('sha256');
    let byteSize = 0;
    // flush: fsync before close, so a crash after the rename leaves no empty file.
    const file = createWriteStream(path, { flags: 'wx', flush: true });
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
    } catch (error) {
      // The writer's stream goes first: a writer still flushing (exceljs's zip) then writes into a
      // destroyed stream, which only its callbacks hear of, not into the closed file, whose error
      // nobody would be listening for.
      out.destroy();
      file.destroy();
      await rm(path, { force: true });
      throw error;
    }
    return { path, fileName, byteSize, sha256: hash.digest('hex') };
  }

  /** Makes a temporary file the export's file, replacing whatever was there. */
  async publish(file: TemporaryFile): Promise<void> {
    await rename(file.path, this.pathOf(file.fileName));
  }

  /** Deletes a temporary file that will not be published (already gone is fine). */
  async discard(file: TemporaryFile): Promise<void> {
    await rm(file.path, { force: true });
  }

  /** Writes a file and publishes it at once: for callers that are the only writer (benchmarks). */
  async writeAtomically(
    fileName: string,
    attempt: number,
    write: (out: Writable) => Promise<void>,
  ): Promise<WrittenFile> {
    const file = await this.writeTemporary(fileName, attempt, write);
    await this.publish(file);
    return { fileName, byteSize: file.byteSize, sha256: file.sha256 };
  }

  /**
   * Once attempt `attempt` has published `fileName`, the temporary files of earlier attempts (a
   * worker killed mid-write) are of no use: those attempts are superseded, and one still running
   * finishes through its open descriptor and then discards. Files of this attempt or later ones
   * are never touched. Best effort: the hourly cleanup removes what this misses.
   */
  async removeTemporaryFilesBefore(fileName: string, attempt: number): Promise<void> {
    const names = await readdir(this.config.exports.dir).catch(() => [] as string[]);
    for (const name of names) {
      if (!name.startsWith(`${fileName}.`) || !name.endsWith(TEMP_SUFFIX)) continue;
      const of = Number(/^(\d+)-/.exec(name.slice(fileName.length + 1))?.[1]);
      if (Number.isInteger(of) && of < attempt) {
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
