import { type Column, type SQL, sql } from 'drizzle-orm';

/**
 * `column = any($1::bigint[])`: a set of ids as one bind parameter, however many there are. An `IN (…)` list takes one
 * parameter per id, and PostgreSQL refuses a statement with more than 65,535 — a district's catering units can pass that.
 */
export function inIds(column: Column | SQL, ids: readonly number[]): SQL {
  return sql`${column} = any(${sql.param([...ids])}::bigint[])`;
}

/** `column = any($1::text[])`: a set of text keys (credit codes…) as one bind parameter; see inIds. */
export function inTexts(column: Column | SQL, values: readonly string[]): SQL {
  return sql`${column} = any(${sql.param([...values])}::text[])`;
}
