import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { type SQL, sql } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.ts';

/** The query interface every service uses: the same on PGlite and on PostgreSQL, and inside a transaction. */
export type Db = PgDatabase<PgQueryResultHKT>;

export type Engine = 'pglite' | 'postgres';

export interface Database {
  readonly db: Db;
  readonly engine: Engine;
  /** Where the data lives, for messages: a folder or a server address without its password. */
  readonly location: string;
  /**
   * One raw transaction on one connection, for scripts of several statements (migrations, restore).
   * `run` executes SQL text (several statements allowed, no parameters) and returns the last result's rows.
   */
  rawTransaction<T>(work: (run: RawRun) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export type RawRun = (text: string) => Promise<Record<string, unknown>[]>;

// int8 (counts, ids) as numbers on both engines; PGlite already does this. Ids stay below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (text) => Number(text));

export async function openPostgres(url: string, poolSize = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle connection the server drops (restart, failover, admin kill) must not crash the process:
  // the pool replaces it on the next query.
  pool.on('error', (error) => console.error(`zhijian: idle database connection lost: ${error.message}`));
  // Surface a wrong URL at start rather than at the first request.
  const client = await pool.connect();
  client.release();
  return {
    db: drizzleNodePg({ client: pool }) as unknown as Db,
    engine: 'postgres',
    location: redactUrl(url),
    async rawTransaction(work) {
      const connection = await pool.connect();
      try {
        await connection.query('BEGIN');
        const result = await work(async (text) => {
          const outcome = (await connection.query(text)) as pg.QueryResult | pg.QueryResult[];
          return (Array.isArray(outcome) ? (outcome.at(-1)?.rows ?? []) : outcome.rows) as Record<string, unknown>[];
        });
        await connection.query('COMMIT');
        return result;
      } catch (error) {
        await connection.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        connection.release();
      }
    },
    close: () => pool.end(),
  };
}

/**
 * Opens the embedded database in `dataDir`, owned by this process alone: a second process gets a
 * clear error instead of silently losing rows (PGlite has no lock of its own). The first start
 * initialises into a temporary folder and renames it, so an interrupted init leaves nothing half made.
 */
export async function openEmbedded(dataDir: string): Promise<Database> {
  const root = resolve(dataDir);
  mkdirSync(root, { recursive: true });
  const lock = acquireDataDirLock(root);
  try {
    const pgdata = join(root, 'pgdata');
    if (!existsSync(pgdata)) {
      const staging = `${pgdata}.init-${process.pid}`;
      rmSync(staging, { recursive: true, force: true });
      const fresh = await PGlite.create(staging);
      await fresh.close();
      renameSync(staging, pgdata);
    }
    const client = await PGlite.create(pgdata);
    return embedded(client, root, lock);
  } catch (error) {
    lock.release();
    throw error;
  }
}

/** An in-memory embedded database: tests and benchmarks. */
export async function openInMemory(): Promise<Database> {
  const client = await PGlite.create();
  return embedded(client, 'memory', undefined);
}

function embedded(client: PGlite, location: string, lock: DataDirLock | undefined): Database {
  let closed = false;
  return {
    db: drizzlePglite({ client }) as unknown as Db,
    engine: 'pglite',
    location,
    rawTransaction: (work) =>
      client.transaction((tx) => work(async (text) => ((await tx.exec(text)).at(-1)?.rows ?? []) as Record<string, unknown>[])),
    async close() {
      if (closed) return;
      closed = true;
      try {
        await client.exec('CHECKPOINT');
        await client.close();
      } finally {
        lock?.release();
      }
    },
  };
}

export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

/** Runs raw SQL and returns its rows, typed by the caller. */
export async function queryRows<Row>(db: Db, query: SQL): Promise<Row[]> {
  const result = (await db.execute(query)) as unknown as { rows: Row[] };
  return result.rows;
}

/** Transaction-scoped advisory lock key from a name; the same name gives the same key on every instance. */
export function advisoryKey(name: string): SQL {
  return sql`hashtextextended(${name}, 0)`;
}
