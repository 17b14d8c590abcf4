import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { is, sql } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../test/test-platform.ts';
import { type Database, queryRows } from './client.ts';

// ADR 0001 writes the migrations by hand and promises that the Drizzle tables match them: this test holds it to
// that, column by column (name, type, nullability), against the migrated database's information_schema.

let database: Database;
beforeAll(async () => {
  database = await testDatabase();
});
afterAll(() => database.close());

const serverRoot = new URL('..', import.meta.url).pathname;
function tableFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? tableFiles(join(folder, entry.name)) : entry.name.endsWith('.tables.ts') ? [join(folder, entry.name)] : [],
  );
}

async function drizzleTables(): Promise<PgTable[]> {
  const tables = new Map<string, PgTable>();
  for (const file of tableFiles(serverRoot)) {
    for (const value of Object.values(await import(file))) {
      if (is(value, PgTable)) tables.set(getTableConfig(value).name, value);
    }
  }
  return [...tables.values()];
}

/** Drizzle's spelling of a type, in PostgreSQL's (format_type) spelling. */
function normalType(type: string): string {
  return type
    .replace(/^varchar/, 'character varying')
    .replace(/^char\b/, 'character')
    .replace(/^timestamp$/, 'timestamp without time zone')
    .replace(/^timestamp \((\d+)\)$/, 'timestamp($1) without time zone')
    .replace(/^time$/, 'time without time zone')
    .replace(/^serial$/, 'integer')
    .replace(/^bigserial$/, 'bigint')
    .replace(/, /g, ',');
}

describe('the Drizzle tables', () => {
  it('are found in every module and platform folder', async () => {
    const files = tableFiles(serverRoot).map((file) => relative(serverRoot, file));
    expect(files).toEqual(expect.arrayContaining(['modules/registry/registry.tables.ts', 'platform/audit/audit.tables.ts']));
    expect((await drizzleTables()).length).toBeGreaterThan(40);
  });

  it('match the migrated database: every table and column exists with the same type and nullability', async () => {
    const columns = await queryRows<{ table: string; column: string; type: string; nullable: boolean }>(
      database.db,
      sql`select c.relname as table, a.attname as column, format_type(a.atttypid, a.atttypmod) as type, not a.attnotnull as nullable
          from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'public' and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped`,
    );
    const inDatabase = new Map(columns.map((column) => [`${column.table}.${column.column}`, column]));
    const problems: string[] = [];
    for (const table of await drizzleTables()) {
      const config = getTableConfig(table);
      for (const column of config.columns) {
        const key = `${config.name}.${column.name}`;
        const found = inDatabase.get(key);
        if (!found) {
          problems.push(`${key}: not in the database`);
          continue;
        }
        const declared = normalType(column.getSQLType());
        if (declared !== found.type.replace(/, /g, ',')) problems.push(`${key}: Drizzle ${declared}, database ${found.type}`);
        if (column.notNull === found.nullable)
          problems.push(`${key}: Drizzle ${column.notNull ? 'not null' : 'nullable'}, database the other`);
      }
    }
    expect(problems).toEqual([]);
  });
});
