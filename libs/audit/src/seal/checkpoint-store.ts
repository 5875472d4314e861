import { mkdir, readFile, readdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SignedAuditCheckpoint } from './audit-checkpoint';

const NAME = /^checkpoint-(\d{20})\.json$/;

/** A checkpoint file as found on disk; `checkpoint` is absent when the file does not parse. */
export interface StoredCheckpoint {
  file: string;
  checkpoint?: SignedAuditCheckpoint;
}

/**
 * One file per checkpoint, named by head number so a listing sorts in chain order. Written to a
 * temporary name then renamed: a reader never sees half a file.
 */
export async function writeCheckpoint(dir: string, c: SignedAuditCheckpoint): Promise<string> {
  await mkdir(dir, { recursive: true });
  const file = `checkpoint-${c.headSeq.padStart(20, '0')}.json`;
  const temporary = join(dir, `.${file}.${process.pid}.tmp`);
  await writeFile(temporary, `${JSON.stringify(c, null, 2)}\n`, { mode: 0o644, flag: 'w' });
  await rename(temporary, join(dir, file));
  return file;
}

/** Every checkpoint file of the directory, oldest head first. */
export async function readCheckpoints(dir: string): Promise<StoredCheckpoint[]> {
  const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => NAME.test(f)).sort();
  return Promise.all(
    files.map(async (file) => {
      try {
        const parsed = JSON.parse(await readFile(join(dir, file), 'utf8')) as SignedAuditCheckpoint;
        const wellFormed =
          /^\d+$/.test(String(parsed.headSeq)) &&
          typeof parsed.headHash === 'string' &&
          typeof parsed.signature === 'string' &&
          Number.isInteger(parsed.events);
        return wellFormed ? { file, checkpoint: parsed } : { file };
      } catch {
        return { file };
      }
    }),
  );
}
