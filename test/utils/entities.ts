import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const LIBS = join(__dirname, '../../libs');

function entityFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entityFiles(path);
    return entry.name.endsWith('.entity.ts') ? [path] : [];
  });
}

/** Every entity class of every context (each `*.entity.ts` in libs), found on disk, not listed by hand. */
export function allEntities(): (new () => unknown)[] {
  return entityFiles(LIBS).flatMap((file) =>
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded through jest's transform
    Object.values(require(file) as Record<string, unknown>).filter(
      (value): value is new () => unknown => typeof value === 'function',
    ),
  );
}
