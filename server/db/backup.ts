import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, renameSync, rmSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import type { Database, RawRun } from './client.ts';

/**
 * Logical, engine-neutral dump: gzip'd JSON lines. A header, then per table a `{table, rowCount}` line
 * followed by exactly rowCount `to_jsonb(row)` lines, then a trailer that proves the file is complete.
 * Row lines are copied as text, never parsed in JS, so bigint and numeric values keep every digit.
 */
export const backupFormat = 'zhijian-backup';
export const backupVersion = 1;

export interface BackupHeader {
  format: typeof backupFormat;
  version: number;
  createdAt: string;
  engine: Database['engine'];
  serverVersion: string;
  migrations: string[];
}

export interface BackupSummary {
  tables: number;
  rows: number;
}

interface TableInfo {
  name: string;
  /** Primary-key columns in key order; empty when the table has none. */
  pk: string[];
  /** Columns that take a value on insert (not generated). */
  columns: string[];
  /** Columns backed by a sequence (identity or serial), reset after a restore. */
  sequenced: string[];
}

interface TableLine {
  table: string;
  rowCount: number;
}

interface TrailerLine {
  end: true;
  tables: number;
  rows: number;
}

const fetchSize = 5000;
const insertBatch = 1000;

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function qualified(table: string): string {
  return `public.${quoteIdent(table)}`;
}

function quoteLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** Every base table of schema public except schema_migration, referenced tables before referencing ones. */
async function readTables(run: RawRun): Promise<TableInfo[]> {
  const [catalog] = await run(`
    SELECT coalesce(json_agg(json_build_object(
      'name', c.relname,
      'pk', (SELECT coalesce(json_agg(a.attname ORDER BY k.ord), '[]')
             FROM pg_index i
             CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
             JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
             WHERE i.indrelid = c.oid AND i.indisprimary),
      'columns', (SELECT coalesce(json_agg(a.attname ORDER BY a.attnum), '[]') FROM pg_attribute a
                  WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''),
      'sequenced', (SELECT coalesce(json_agg(a.attname ORDER BY a.attnum), '[]') FROM pg_attribute a
                    WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                      AND (a.attidentity <> '' OR a.atthasdef)
                      AND pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname) IS NOT NULL)
    )), '[]')::text AS tables
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relname <> 'schema_migration'`);
  const tables = JSON.parse(String(catalog?.tables ?? '[]')) as TableInfo[];
  const references = (await run(`
    SELECT child.relname AS child, parent.relname AS parent
    FROM pg_constraint k
    JOIN pg_class child ON child.oid = k.conrelid
    JOIN pg_class parent ON parent.oid = k.confrelid
    JOIN pg_namespace n ON n.oid = child.relnamespace
    WHERE k.contype = 'f' AND n.nspname = 'public'`)) as { child: string; parent: string }[];
  return topologicalOrder(tables, references);
}

/** Kahn's algorithm, ties broken by name; tables caught in a cycle come last, by name. */
export function topologicalOrder<T extends { name: string }>(tables: T[], references: { child: string; parent: string }[]): T[] {
  const byName = new Map(tables.map((table) => [table.name, table]));
  const parents = new Map(tables.map((table) => [table.name, new Set<string>()]));
  for (const { child, parent } of references) {
    if (child !== parent && byName.has(parent)) parents.get(child)?.add(parent);
  }
  const ordered: T[] = [];
  const remaining = new Set([...byName.keys()].sort());
  while (remaining.size) {
    const ready = [...remaining].find((name) => [...(parents.get(name) ?? [])].every((parent) => !remaining.has(parent)));
    const next = ready ?? [...remaining][0];
    if (next === undefined) break;
    remaining.delete(next);
    const table = byName.get(next);
    if (table) ordered.push(table);
  }
  return ordered;
}

async function readMigrationVersions(run: RawRun): Promise<string[]> {
  const rows = await run('SELECT version FROM schema_migration ORDER BY version');
  return rows.map((row) => String(row.version));
}

/** Writes a consistent dump of every table to `file` (via a temporary file, renamed when complete). */
export async function backupDatabase(database: Database, file: string): Promise<BackupSummary> {
  const partial = `${file}.partial-${process.pid}`;
  try {
    const summary = await database.rawTransaction(async (run) => {
      await run(`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY; SET LOCAL TimeZone = 'UTC'`);
      const counted: BackupSummary = { tables: 0, rows: 0 };
      await pipeline(dumpLines(run, database.engine, counted), createGzip(), createWriteStream(partial));
      return counted;
    });
    renameSync(partial, file);
    return summary;
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

async function* dumpLines(run: RawRun, engine: Database['engine'], counted: BackupSummary): AsyncGenerator<string> {
  const [server] = await run('SHOW server_version');
  const header: BackupHeader = {
    format: backupFormat,
    version: backupVersion,
    createdAt: new Date().toISOString(),
    engine,
    serverVersion: String(server?.server_version ?? ''),
    migrations: await readMigrationVersions(run),
  };
  yield `${JSON.stringify(header)}\n`;
  for (const table of await readTables(run)) {
    const [count] = await run(`SELECT count(*)::int8 AS n FROM ${qualified(table.name)}`);
    const rowCount = Number(count?.n ?? 0);
    yield `${JSON.stringify({ table: table.name, rowCount } satisfies TableLine)}\n`;
    // Within the REPEATABLE READ snapshot even ctid order is stable, for a table without a key.
    const order = table.pk.length ? table.pk.map((column) => `t.${quoteIdent(column)}`).join(', ') : 't.ctid';
    await run(`DECLARE zj_dump NO SCROLL CURSOR FOR SELECT to_jsonb(t.*)::text AS j FROM ${qualified(table.name)} AS t ORDER BY ${order}`);
    let written = 0;
    for (;;) {
      const rows = await run(`FETCH ${fetchSize} FROM zj_dump`);
      if (!rows.length) break;
      written += rows.length;
      yield `${rows.map((row) => String(row.j)).join('\n')}\n`;
    }
    await run('CLOSE zj_dump');
    if (written !== rowCount) throw new Error(`Table ${table.name}: counted ${rowCount} rows but read ${written}.`);
    counted.tables += 1;
    counted.rows += written;
  }
  yield `${JSON.stringify({ end: true, tables: counted.tables, rows: counted.rows } satisfies TrailerLine)}\n`;
}

export class RestoreRefusedError extends Error {}

/**
 * Loads a dump into an empty database migrated to the same versions, all in one transaction: a failure
 * at any point (a corrupt or truncated file, a constraint) leaves the target as it was.
 */
export async function restoreDatabase(database: Database, file: string): Promise<BackupSummary> {
  try {
    return await database.rawTransaction(async (run) => {
      let summary: BackupSummary | undefined;
      await pipeline(createReadStream(file), createGunzip(), async (source: AsyncIterable<Buffer>) => {
        summary = await restoreLines(run, lines(source), file);
      });
      if (!summary) throw new Error('the file ended early');
      return summary;
    });
  } catch (error) {
    if (error instanceof RestoreRefusedError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Restore from ${file} failed; nothing was changed. ${reason}`, { cause: error });
  }
}

async function* lines(source: AsyncIterable<Buffer>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let pending = '';
  for await (const chunk of source) {
    pending += decoder.decode(chunk, { stream: true });
    let newline = pending.indexOf('\n');
    while (newline >= 0) {
      yield pending.slice(0, newline);
      pending = pending.slice(newline + 1);
      newline = pending.indexOf('\n');
    }
  }
  pending += decoder.decode();
  if (pending) yield pending;
}

function parseLine<T>(line: string | undefined, what: string, file: string): T {
  if (line === undefined) throw new Error(`${file} is truncated: expected ${what}.`);
  try {
    return JSON.parse(line) as T;
  } catch {
    throw new Error(`${file} is corrupt: expected ${what}, got ${line.slice(0, 80)}`);
  }
}

/**
 * Reference tables that migrations fill with code lists (holidays, the national sampling catalogue's editions…). A
 * fresh database already has their rows, so they are not part of the "empty" check; the dump's rows (with any edits
 * made since) replace them.
 */
export const migrationSeededTables: ReadonlySet<string> = new Set([
  'holiday_calendar',
  'pq_catalogue_edition',
  'pq_catalogue_edition_category',
]);

async function restoreLines(run: RawRun, input: AsyncGenerator<string>, file: string): Promise<BackupSummary> {
  const next = async () => (await input.next()).value as string | undefined;
  const header = parseLine<BackupHeader>(await next(), 'the header', file);
  if (header.format !== backupFormat || header.version !== backupVersion) {
    throw new RestoreRefusedError(`${file} is not a ${backupFormat} version ${backupVersion} file.`);
  }
  const tables = new Map((await readTables(run)).map((table) => [table.name, table]));
  await refuseUnlessCompatible(run, header, [...tables.keys()]);
  await replicaRoleIfAllowed(run);

  const restored: BackupSummary = { tables: 0, rows: 0 };
  for (;;) {
    const line = parseLine<Partial<TableLine & TrailerLine>>(await next(), 'a table or the end', file);
    if (line.end) {
      if (line.tables !== restored.tables || line.rows !== restored.rows)
        throw new Error(`${file} is corrupt: its totals do not match its contents.`);
      break;
    }
    const table = tables.get(String(line.table));
    if (!table) throw new RestoreRefusedError(`The dump has a table ${line.table} that this database does not have.`);
    const rowCount = Number(line.rowCount);
    if (migrationSeededTables.has(table.name)) await run(`DELETE FROM ${qualified(table.name)}`);
    let batch: string[] = [];
    for (let index = 0; index < rowCount; index += 1) {
      const row = await next();
      if (row === undefined) throw new Error(`${file} is truncated in table ${table.name}.`);
      if (!row.startsWith('{')) throw new Error(`${file} is corrupt in table ${table.name}: ${row.slice(0, 80)}`);
      batch.push(row);
      if (batch.length === insertBatch) {
        await run(insertStatement(table, batch));
        batch = [];
      }
    }
    if (batch.length) await run(insertStatement(table, batch));
    restored.tables += 1;
    restored.rows += rowCount;
  }
  if ((await next()) !== undefined) throw new Error(`${file} is corrupt: data after the end.`);
  for (const table of tables.values()) {
    for (const column of table.sequenced) {
      const col = quoteIdent(column);
      await run(
        `SELECT setval(pg_get_serial_sequence(${quoteLiteral(qualified(table.name))}, ${quoteLiteral(column)}), coalesce(max(${col}), 0) + 1, false) FROM ${qualified(table.name)}`,
      );
    }
  }
  return restored;
}

async function refuseUnlessCompatible(run: RawRun, header: BackupHeader, tables: string[]): Promise<void> {
  const target = await readMigrationVersions(run);
  const missing = header.migrations.filter((version) => !target.includes(version));
  const extra = target.filter((version) => !header.migrations.includes(version));
  if (missing.length || extra.length) {
    const parts = [
      missing.length ? `the dump has ${missing.join(', ')} which this database lacks` : '',
      extra.length ? `this database has ${extra.join(', ')} which the dump lacks` : '',
    ].filter(Boolean);
    throw new RestoreRefusedError(`Migrations differ: ${parts.join('; ')}. Restore into a database at the dump's migrations.`);
  }
  const mustBeEmpty = tables.filter((table) => !migrationSeededTables.has(table));
  if (!mustBeEmpty.length) return;
  const probes = mustBeEmpty.map((table) => `SELECT ${quoteLiteral(table)} AS name WHERE EXISTS (SELECT 1 FROM ${qualified(table)})`);
  const nonEmpty = (await run(probes.join(' UNION ALL '))).map((row) => String(row.name));
  if (nonEmpty.length) {
    throw new RestoreRefusedError(
      `The database is not empty (table ${nonEmpty.sort().join(', ')} has rows). Restore only into an empty database.`,
    );
  }
}

/** Skips foreign-key checks and triggers when allowed (superuser); otherwise the table order suffices. */
async function replicaRoleIfAllowed(run: RawRun): Promise<void> {
  await run('SAVEPOINT zj_restore_role');
  try {
    await run('SET LOCAL session_replication_role = replica');
    await run('RELEASE SAVEPOINT zj_restore_role');
  } catch {
    await run('ROLLBACK TO SAVEPOINT zj_restore_role');
  }
}

function insertStatement(table: TableInfo, rows: string[]): string {
  const json = `[${rows.join(',')}]`;
  let tag = '';
  do tag = `$zj${randomBytes(6).toString('hex')}$`;
  while (json.includes(tag));
  const columns = table.columns.map(quoteIdent).join(', ');
  return `INSERT INTO ${qualified(table.name)} (${columns}) OVERRIDING SYSTEM VALUE
    SELECT ${columns} FROM jsonb_populate_recordset(NULL::${qualified(table.name)}, ${tag}${json}${tag}::jsonb)`;
}
