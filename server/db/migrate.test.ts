import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openInMemory, queryRows } from './client.ts';
import { MigrationChangedError, migrate, readMigrations } from './migrate.ts';

let database: Database;
beforeAll(async () => {
  database = await openInMemory();
});
afterAll(() => database.close());

describe('migrations', () => {
  it('migrates an empty database, then has nothing left to apply', async () => {
    const migrations = readMigrations();
    expect(await migrate(database)).toEqual(migrations.map((migration) => migration.version));
    expect(await migrate(database)).toEqual([]);
    const tables = await queryRows<{ name: string }>(
      database.db,
      sql`select table_name as name from information_schema.tables where table_schema = 'public'`,
    );
    expect(tables.map((table) => table.name)).toEqual(expect.arrayContaining(['app_user', 'audit_event', 'user_session', 'job_run']));
  });

  it('refuses to run when an applied migration was edited', async () => {
    const [first, ...rest] = readMigrations();
    if (!first) throw new Error('no migrations');
    await expect(migrate(database, [{ ...first, checksum: 'changed', text: `${first.text}\n-- edited` }, ...rest])).rejects.toThrow(
      MigrationChangedError,
    );
  });
});
