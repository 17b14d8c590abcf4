import { sql } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import { type Db, queryRows } from './client.ts';

/**
 * Many rows in one `INSERT … SELECT * FROM unnest(…)` with one array parameter per column, however many rows there
 * are. Drizzle's multi-row insert binds every cell and spends most of a 1,000-row batch building that statement (and
 * PostgreSQL refuses more than 65,535 parameters); this form is built in microseconds and works the same on PGlite,
 * PostgreSQL and Citus (the coordinator evaluates the unnest and routes each row to its shard).
 *
 * Every row should set the same columns; columns no row sets take their defaults. When some rows set a column that
 * others leave out, the rows go through Drizzle's own insert instead (which writes DEFAULT per missing cell), so no value
 * is ever dropped. Values go through
 * each column's own driver mapping, so dates, numerics and arrays are stored as Drizzle would store them.
 */
export async function insertRows<Table extends PgTable, Returned extends Record<string, unknown>>(
  db: Db,
  table: Table,
  rows: readonly Table['$inferInsert'][],
  options: { onConflictDoNothing?: readonly string[]; returning?: readonly (keyof Returned & string)[] } = {},
): Promise<Returned[]> {
  const [first] = rows;
  if (!first) return [];
  const config = getTableConfig(table);
  const byKey = new Map(Object.entries(table).filter(([, value]) => config.columns.includes(value as never)));
  const keys = [...new Set(rows.flatMap((row) => Object.keys(row as object)))].filter((key) =>
    rows.some((row) => (row as Record<string, unknown>)[key] !== undefined),
  );
  if (!keys.every((key) => rows.every((row) => (row as Record<string, unknown>)[key] !== undefined))) {
    const byName = new Map(config.columns.map((column) => [column.name, column]));
    const values = db.insert(table).values(rows as Table['$inferInsert'][]);
    const inserted = options.onConflictDoNothing
      ? values.onConflictDoNothing({ target: options.onConflictDoNothing.map((name) => byName.get(name)) as never })
      : values;
    const names = options.returning ?? [];
    if (!names.length) {
      await inserted;
      return [];
    }
    return (await inserted.returning(Object.fromEntries(names.map((name) => [name, byName.get(name)])) as never)) as Returned[];
  }
  const columns = keys.map((key) => {
    const column = byKey.get(key) as (typeof config.columns)[number] | undefined;
    if (!column) throw new Error(`insertRows: ${config.name} has no column for "${key}"`);
    return column;
  });
  const arrays = columns.map((column, index) =>
    rows.map((row) => {
      const value = (row as Record<string, unknown>)[keys[index] as string];
      return value === null || value === undefined ? null : column.mapToDriverValue(value);
    }),
  );
  // An array column's values are its literals ('{fever,cough}'): unnested as text, cast back per row.
  const parameters = columns.map((column, index) => {
    const type = column.getSQLType();
    return sql`${sql.param(arrays[index])}::${sql.raw(type.endsWith('[]') ? 'text' : type)}[]`;
  });
  const selected = columns.map((column, index) => {
    const type = column.getSQLType();
    return type.endsWith('[]') ? sql.raw(`c${index}::${type}`) : sql.raw(`c${index}`);
  });
  const conflict = options.onConflictDoNothing
    ? sql` on conflict (${sql.raw(options.onConflictDoNothing.map((name) => `"${name}"`).join(', '))}) do nothing`
    : sql``;
  return queryRows<Returned>(
    db,
    sql`insert into ${table} (${sql.raw(columns.map((column) => `"${column.name}"`).join(', '))})
      select ${sql.join(selected, sql`, `)} from unnest(${sql.join(parameters, sql`, `)}) as rows(${sql.raw(columns.map((_, index) => `c${index}`).join(', '))})${conflict}
      ${options.returning?.length ? sql.raw(`returning ${options.returning.map((name) => `"${name}"`).join(', ')}`) : sql``}`,
  );
}
