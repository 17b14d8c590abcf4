import { pipeline } from 'node:stream/promises';
import type { Pool, PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Db } from './client.ts';

/** A cell for COPY: text as it is (JSON already stringified), numbers, booleans, arrays of text (a PostgreSQL array), or null. */
export type CopyValue = string | number | boolean | null | undefined | readonly string[];

const needsEscape = /[\\\t\n\r]/;

/** COPY's text format: backslash, tab, newline and carriage return escaped; null is \N. */
function copyCell(value: CopyValue): string {
  if (value === null || value === undefined) return '\\N';
  let text: string;
  if (typeof value === 'string') text = value;
  else if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  else text = `{${value.map((item) => `"${item.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
  // Most cells have nothing to escape; testing first spares the replacement's callback machinery (a bulk path's hot loop).
  if (!needsEscape.test(text)) return text;
  return text.replace(/[\\\t\n\r]/g, (character) =>
    character === '\\' ? '\\\\' : character === '\t' ? '\\t' : character === '\n' ? '\\n' : '\\r',
  );
}

/** The rows as one COPY text payload. */
export function copyText(rows: readonly (readonly CopyValue[])[]): string {
  let text = '';
  for (const row of rows) text += `${row.map(copyCell).join('\t')}\n`;
  return text;
}

interface SessionOf {
  session?: { client?: unknown };
}

/**
 * Writes rows with `COPY table (columns) FROM …` on the handle given — inside its transaction when it is one:
 * pg-copy-streams on PostgreSQL, `COPY … FROM '/dev/blob'` on PGlite. Several times faster than INSERT for many rows
 * (DESIGN.md §2, issue 23). `table` and `columns` are identifiers from the code, never from input.
 */
export async function copyRows(db: Db, table: string, columns: readonly string[], rows: readonly (readonly CopyValue[])[]): Promise<void> {
  if (!rows.length) return;
  const statement = `COPY ${table} (${columns.join(', ')}) FROM`;
  const client = (db as unknown as SessionOf).session?.client;
  if (!client) throw new Error('copyRows: no database client behind this handle');
  const text = copyText(rows);
  if (isPgliteClient(client)) {
    await client.query(`${statement} '/dev/blob'`, [], { blob: new Blob([text]) });
    return;
  }
  const pool = client as Pool | PoolClient;
  // Outside a transaction the handle is the pool: take one connection for the COPY.
  const isPool = 'totalCount' in pool;
  const connection = isPool ? await (pool as Pool).connect() : (pool as PoolClient);
  try {
    const stream = connection.query(copyFrom(`${statement} STDIN`));
    await pipeline(
      (async function* () {
        // In slices, so a big payload is not one huge write.
        for (let start = 0; start < text.length; start += 1 << 20) yield text.slice(start, start + (1 << 20));
      })(),
      stream,
    );
  } finally {
    if (isPool) (connection as PoolClient).release();
  }
}

interface PgliteQueryable {
  query(query: string, params: unknown[], options: { blob: Blob }): Promise<unknown>;
}

function isPgliteClient(client: unknown): client is PgliteQueryable {
  // PGlite and its transactions; pg's Pool and PoolClient have neither.
  return (
    typeof client === 'object' &&
    client !== null &&
    ('execProtocol' in client || 'closed' in client) &&
    !('totalCount' in client) &&
    !('processID' in client)
  );
}
