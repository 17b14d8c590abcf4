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
  /**
   * Calls `onMessage` with the payload of every `pg_notify(channel, …)` on this database, from this process or
   * any other one, once its transaction commits; until the returned function is called. On PostgreSQL (and on
   * the Citus coordinator every process connects to) one connection per process listens; if it is lost, a new
   * one listens and `onGap` is called, since messages sent meanwhile are gone. PGlite serves one process.
   */
  listen(channel: string, onMessage: (payload: string) => void, onGap: () => void): Promise<() => Promise<void>>;
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
  const listener = postgresListener(url);
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
    listen: (channel, onMessage, onGap) => listener.listen(channel, onMessage, onGap),
    async close() {
      await listener.close();
      await pool.end();
    },
  };
}

interface Subscription {
  channel: string;
  onMessage: (payload: string) => void;
  onGap: () => void;
}

/** One LISTEN connection for the process, opened at the first subscription, re-opened when it is lost. */
function postgresListener(url: string) {
  const subscriptions = new Set<Subscription>();
  let client: pg.Client | undefined;
  let connecting: Promise<pg.Client> | undefined;
  let isClosed = false;
  const quoted = (channel: string) => `"${channel.replaceAll('"', '""')}"`;

  const connect = (): Promise<pg.Client> => {
    connecting ??= (async () => {
      const fresh = new pg.Client({ connectionString: url });
      fresh.on('notification', (message) => {
        for (const subscription of subscriptions)
          if (subscription.channel === message.channel) subscription.onMessage(message.payload ?? '');
      });
      fresh.on('error', (error) => {
        console.error(`zhijian: database listener lost: ${error.message}`);
        client = undefined;
        connecting = undefined;
        fresh.end().catch(() => undefined);
        if (!isClosed) setTimeout(() => void reconnect(), 1000).unref();
      });
      await fresh.connect();
      for (const channel of new Set([...subscriptions].map((subscription) => subscription.channel)))
        await fresh.query(`LISTEN ${quoted(channel)}`);
      client = fresh;
      return fresh;
    })();
    return connecting;
  };

  const reconnect = async () => {
    try {
      await connect();
      for (const subscription of subscriptions) subscription.onGap();
    } catch (error) {
      connecting = undefined;
      if (!isClosed) setTimeout(() => void reconnect(), 5000).unref();
      console.error(`zhijian: database listener cannot reconnect: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  return {
    async listen(channel: string, onMessage: (payload: string) => void, onGap: () => void) {
      const subscription = { channel, onMessage, onGap };
      subscriptions.add(subscription);
      const connection = client ?? (await connect());
      await connection.query(`LISTEN ${quoted(channel)}`);
      return async () => {
        subscriptions.delete(subscription);
        if (![...subscriptions].some((other) => other.channel === channel))
          await client?.query(`UNLISTEN ${quoted(channel)}`).catch(() => undefined);
      };
    },
    async close() {
      isClosed = true;
      await client?.end().catch(() => undefined);
    },
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
    async listen(channel, onMessage) {
      const unlisten = await client.listen(channel, onMessage);
      // Once the database is closed there is nothing left to stop listening to.
      return () => (closed ? Promise.resolve() : unlisten());
    },
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
