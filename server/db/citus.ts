import { topologicalOrder } from './backup.ts';
import type { RawRun } from './client.ts';

/**
 * Province scale on Citus (docs/decisions/0020-one-schema-on-citus.md). Migrations are plain PostgreSQL; on a
 * database with the citus extension the migrator then gives every table that is not yet distributed its place,
 * by one rule:
 *
 * - a table with a `district_code` column is a **district table**: distributed on `district_code`, colocated with
 *   every other district table, so that everything of one district lives on one shard;
 * - a table without one is a **global table** (code lists, the calendar, job runs): a reference table, copied to
 *   every node;
 * - except the few district-keyed tables below, which must be global for the reason given.
 *
 * The migrator itself (`schema_migration`) stays a local table of the coordinator.
 */
export const globalTablesWithDistrict: Readonly<Record<string, string>> = {
  app_user: 'usernames are unique across every district (decision 0003), which a distributed table cannot enforce',
  org_unit: 'app_user points at its organisation unit, and a reference table may only point at reference tables',
};

export const localTables = ['schema_migration'] as const;

export type TableKind = 'district' | 'global';

export interface TablePlacement {
  table: string;
  kind: TableKind;
}

interface TableRow {
  name: string;
  has_district: boolean;
}

interface ForeignKeyRow {
  from_table: string;
  to_table: string;
}

export async function isCitus(run: RawRun): Promise<boolean> {
  const [row] = await run(`SELECT exists (SELECT 1 FROM pg_extension WHERE extname = 'citus') AS citus`);
  return row?.citus === true;
}

/** The kind a table has under the rule above. */
export function kindOf(table: string, hasDistrictCode: boolean): TableKind {
  return hasDistrictCode && !(table in globalTablesWithDistrict) ? 'district' : 'global';
}

/**
 * The tables to place: the global ones, then the district ones, each referenced tables before the tables that point
 * at them (Citus distributes a table only after the tables its foreign keys reference). A global table pointing at a district table cannot exist on
 * Citus: that is refused with the names.
 */
export function placementOrder(tables: readonly TablePlacement[], foreignKeys: readonly ForeignKeyRow[]): TablePlacement[] {
  const kindOfName = new Map(tables.map((table) => [table.table, table.kind]));
  for (const key of foreignKeys) {
    if (kindOfName.get(key.from_table) === 'global' && kindOfName.get(key.to_table) === 'district') {
      throw new Error(
        `global table ${key.from_table} has a foreign key to district table ${key.to_table}: Citus copies global tables to every node and cannot check that key there (docs/decisions/0020)`,
      );
    }
  }
  // Global tables first: Citus refuses to write a reference table (copying its rows in) once the transaction has
  // created shards in parallel.
  const ordered = topologicalOrder(
    tables.map((table) => ({ ...table, name: table.table })),
    foreignKeys.map((key) => ({ child: key.from_table, parent: key.to_table })),
  ).map(({ table, kind }) => ({ table, kind }));
  return [...ordered.filter((table) => table.kind === 'global'), ...ordered.filter((table) => table.kind === 'district')];
}

/**
 * Distributes the district tables and replicates the global tables that are not placed yet, in one transaction.
 * A no-op when every table is placed. Returns what it placed.
 */
export async function placeNewTables(run: RawRun): Promise<TablePlacement[]> {
  const tables = (await run(`
    SELECT c.relname AS name,
           exists (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'district_code' AND NOT a.attisdropped) AS has_district
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
       AND c.relname NOT IN (${localTables.map((name) => `'${name}'`).join(', ')})
       AND NOT exists (SELECT 1 FROM pg_dist_partition p WHERE p.logicalrelid = c.oid)`)) as unknown as TableRow[];
  if (!tables.length) return [];
  const foreignKeys = (await run(`
    SELECT conrelid::regclass::text AS from_table, confrelid::regclass::text AS to_table
      FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace`)) as unknown as ForeignKeyRow[];
  const order = placementOrder(
    tables.map((row) => ({ table: row.name, kind: kindOf(row.name, row.has_district) })),
    foreignKeys,
  );
  // Guard triggers (they only refuse: docs/decisions/0020) run on the shards; Citus asks to be told they are safe.
  await run(`SET LOCAL citus.enable_unsafe_triggers = on`);
  await run(`SET LOCAL citus.enable_local_reference_table_foreign_keys = off`);
  const [anchor] = await run(`
    SELECT p.logicalrelid::regclass::text AS name FROM pg_dist_partition p
     WHERE p.partmethod = 'h' AND column_to_column_name(p.logicalrelid, p.partkey) = 'district_code'
     ORDER BY p.colocationid, p.logicalrelid::regclass::text LIMIT 1`);
  let colocateWith = typeof anchor?.name === 'string' ? anchor.name : undefined;
  for (const placement of order) {
    const statement =
      placement.kind === 'global'
        ? `SELECT create_reference_table('${placement.table}')`
        : `SELECT create_distributed_table('${placement.table}', 'district_code', colocate_with => '${colocateWith ?? 'default'}')`;
    try {
      await run(statement);
    } catch (error) {
      throw new Error(`${placement.kind} table ${placement.table}: ${error instanceof Error ? error.message : String(error)}`, {
        cause: error,
      });
    }
    if (placement.kind === 'district') colocateWith ??= placement.table;
  }
  return order;
}
