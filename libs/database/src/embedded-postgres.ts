import { isProcessAlive } from '@amparo/core';
import { PGlite } from '@electric-sql/pglite';
import { citext } from '@electric-sql/pglite/contrib/citext';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { exitOnTrap, onWasmTrap } from './embedded-postgres-trap';

/** The contrib extensions the migrations create; PGlite must load them before CREATE EXTENSION. */
const EXTENSIONS = { citext, pg_trgm, pgcrypto, unaccent };

/**
 * The embedded PostgreSQL (PGlite, in WASM) used when no DATABASE_URL is configured. PGlite is one
 * session and nothing stops a second process from opening the same folder, so a lock file guards it.
 */
export class EmbeddedPostgres {
  private constructor(
    readonly db: PGlite,
    private readonly lockFile: string | undefined,
  ) {}

  /**
   * `dataDir` of `memory://` keeps nothing on disk (tests). A WebAssembly trap of the backend calls
   * `onTrap` (by default: a line on stderr and exit) instead of hanging the process.
   */
  static async open(
    dataDir: string,
    options: { onTrap?: (error: unknown) => void } = {},
  ): Promise<EmbeddedPostgres> {
    if (dataDir.startsWith('memory://')) {
      const db = new PGlite(dataDir, { extensions: EXTENSIONS });
      await db.waitReady;
      onWasmTrap(db, options.onTrap ?? exitOnTrap(() => undefined));
      return new EmbeddedPostgres(db, undefined);
    }
    const dir = resolve(dataDir, 'pglite');
    mkdirSync(dir, { recursive: true });
    const lockFile = join(resolve(dataDir), 'amparo.lock');
    acquireLock(lockFile);
    try {
      const db = new PGlite(dir, { extensions: EXTENSIONS });
      await db.waitReady;
      onWasmTrap(db, options.onTrap ?? exitOnTrap(() => rmSync(lockFile, { force: true })));
      return new EmbeddedPostgres(db, lockFile);
    } catch (error) {
      rmSync(lockFile, { force: true });
      throw error;
    }
  }

  async close(): Promise<void> {
    if (!this.db.closed) await this.db.close();
    if (this.lockFile) rmSync(this.lockFile, { force: true });
  }
}

function acquireLock(lockFile: string): void {
  try {
    writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
    return;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const holder = Number(readFileSync(lockFile, 'utf8'));
  if (holder && holder !== process.pid && isProcessAlive(holder)) {
    throw new Error(
      `The embedded database in ${lockFile.replace(/amparo\.lock$/, '')} is in use by process ${holder}; stop it or set EMBEDDED_DATA_DIR`,
    );
  }
  // The holder is gone (crash, kill -9): the lock is stale.
  writeFileSync(lockFile, String(process.pid));
}
