import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isCitus, placeNewTables } from './citus.ts';
import type { Database } from './client.ts';

export const migrationsFolder = new URL('../../migrations/', import.meta.url).pathname;

export interface Migration {
  version: string;
  checksum: string;
  text: string;
}

export function readMigrations(folder = migrationsFolder): Migration[] {
  return readdirSync(folder)
    .filter((name) => /^\d{4}_[a-z0-9_]+\.sql$/.test(name))
    .sort()
    .map((name) => {
      const text = readFileSync(join(folder, name), 'utf8');
      return { version: name.replace(/\.sql$/, ''), checksum: createHash('sha256').update(text).digest('hex'), text };
    });
}

export class MigrationChangedError extends Error {
  constructor(version: string) {
    super(`Migration ${version} was changed after it was applied. Never edit an applied migration; add a new one.`);
  }
}

/**
 * Applies the pending SQL files of `migrations/`, each in its own transaction that first takes an
 * advisory lock, so several instances starting together apply each file once (the lock blocks on
 * PostgreSQL; PGlite has one connection and needs none). Returns the versions applied now.
 *
 * On Citus the files run as they are, as plain PostgreSQL on the coordinator (a new table may point at
 * distributed and reference tables: it is empty, and it is placed before anything writes to it); then every
 * table not placed yet is distributed or replicated by the rule of server/db/citus.ts, in one transaction.
 */
export async function migrate(database: Database, migrations = readMigrations()): Promise<string[]> {
  const onCitus = await database.rawTransaction(async (run) => {
    await run(`SELECT pg_advisory_xact_lock(hashtextextended('zhijian:migrate', 0));
         CREATE TABLE IF NOT EXISTS schema_migration (
           version text PRIMARY KEY,
           checksum text NOT NULL,
           applied_at timestamptz NOT NULL DEFAULT now()
         )`);
    return isCitus(run);
  });
  const appliedNow: string[] = [];
  for (const migration of migrations) {
    const isApplied = await database.rawTransaction(async (run) => {
      await run(`SELECT pg_advisory_xact_lock(hashtextextended('zhijian:migrate', 0))`);
      // Else Citus turns a new table pointing at a reference table into a "Citus local" table, which it
      // cannot distribute afterwards.
      if (onCitus) await run(`SET LOCAL citus.enable_local_reference_table_foreign_keys = off`);
      const [applied] = await run(`SELECT checksum FROM schema_migration WHERE version = '${migration.version}'`);
      if (applied) {
        if (applied.checksum !== migration.checksum) throw new MigrationChangedError(migration.version);
        return true;
      }
      await run(migration.text);
      await run(`INSERT INTO schema_migration (version, checksum) VALUES ('${migration.version}', '${migration.checksum}')`);
      return false;
    });
    if (!isApplied) appliedNow.push(migration.version);
  }
  if (onCitus) {
    await database.rawTransaction(async (run) => {
      await run(`SELECT pg_advisory_xact_lock(hashtextextended('zhijian:migrate', 0))`);
      await placeNewTables(run);
    });
  }
  return appliedNow;
}
